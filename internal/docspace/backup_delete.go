package docspace

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"sync"
)

// Deleting backups: the whole history in one call, one backup by id, or a chosen set with
// bounded concurrency (what a retention purge does).

// DeleteBackupHistory deletes every backup of the portal (or server, with dump). DocSpace
// answers true even when some archives could not be deleted: read BackupHistory afterwards
// to know what is left. The call is idempotent, so retries are safe.
func (c *Client) DeleteBackupHistory(ctx context.Context, dump bool) error {
	return c.callTrue(ctx, http.MethodDelete, "backup/deletebackuphistory", dumpQuery(dump), nil)
}

var guidRE = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// IsBackupID reports whether id has the GUID form backup ids take.
func IsBackupID(id string) bool { return guidRE.MatchString(id) }

// DeleteBackup deletes one backup (record and archive). DocSpace answers true even when no
// backup had that id.
func (c *Client) DeleteBackup(ctx context.Context, id string) error {
	if !IsBackupID(id) {
		return fmt.Errorf("backup id %q is not a GUID", id)
	}
	return c.callTrue(ctx, http.MethodDelete, "backup/deletebackup/"+url.PathEscape(id), nil, nil)
}

// PartialDeleteError reports a DeleteBackups run that stopped at a failure: what was
// deleted before it, and which delete failed.
type PartialDeleteError struct {
	Deleted  []string
	FailedID string
	Err      error
}

func (e *PartialDeleteError) Error() string {
	return fmt.Sprintf("deleting backup %s failed after %d deletions: %v", e.FailedID, len(e.Deleted), e.Err)
}

func (e *PartialDeleteError) Unwrap() error { return e.Err }

// DeleteBackups deletes backups by id, at most concurrency at a time. On the first failure
// it starts no more deletes, waits for those in flight and returns a *PartialDeleteError.
// Deleted ids come back in the order given.
func (c *Client) DeleteBackups(ctx context.Context, ids []string, concurrency int) ([]string, error) {
	concurrency = max(concurrency, 1)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		mu       sync.Mutex
		done     = make([]bool, len(ids))
		firstErr *PartialDeleteError
		wg       sync.WaitGroup
		slots    = make(chan struct{}, concurrency)
	)
	for i, id := range ids {
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-slots }()
			err := c.DeleteBackup(ctx, id)
			mu.Lock()
			defer mu.Unlock()
			if err == nil {
				done[i] = true
				return
			}
			if firstErr == nil {
				firstErr = &PartialDeleteError{FailedID: id, Err: err}
				cancel()
			}
		}()
	}
	wg.Wait()
	deleted := make([]string, 0, len(ids))
	for i, id := range ids {
		if done[i] {
			deleted = append(deleted, id)
		}
	}
	if firstErr != nil {
		firstErr.Deleted = deleted
		return deleted, firstErr
	}
	if len(deleted) < len(ids) {
		// Interrupted before every delete started: name the first one not done.
		first := slices.Index(done, false)
		return deleted, &PartialDeleteError{Deleted: deleted, FailedID: ids[first], Err: context.Cause(ctx)}
	}
	return deleted, nil
}
