package docspace

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
)

// RetentionPolicy selects backups to delete. The zero value selects every backup.
type RetentionPolicy struct {
	// KeepLatest spares the newest N candidates, whatever their age.
	KeepLatest int
	// OlderThan, when positive, limits deletion to candidates created before now-OlderThan.
	OlderThan time.Duration
	// StorageTypes limits candidates to these storage types; empty means all.
	StorageTypes []StorageType
}

// SortNewestFirst orders records by creation time, newest first, ties broken by id so
// the order does not depend on the order the API used.
func SortNewestFirst(records []BackupRecord) []BackupRecord {
	out := slices.Clone(records)
	slices.SortFunc(out, func(a, b BackupRecord) int {
		if c := b.CreatedOn.Compare(a.CreatedOn); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out
}

// Select returns the records the policy deletes, newest first: of the candidates (records
// of the listed storage types), the newest KeepLatest are spared, and of the rest those
// created before now-OlderThan are selected (all of them without OlderThan).
func (p RetentionPolicy) Select(records []BackupRecord, now time.Time) []BackupRecord {
	candidates := make([]BackupRecord, 0, len(records))
	for _, r := range SortNewestFirst(records) {
		if len(p.StorageTypes) == 0 || slices.Contains(p.StorageTypes, r.StorageType) {
			candidates = append(candidates, r)
		}
	}
	if p.KeepLatest >= len(candidates) {
		return nil
	}
	cutoff := now.Add(-p.OlderThan)
	var selected []BackupRecord
	for _, r := range candidates[max(p.KeepLatest, 0):] {
		if p.OlderThan <= 0 || r.CreatedOn.Before(cutoff) {
			selected = append(selected, r)
		}
	}
	return selected
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
