package docspace

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"time"
)

// BackupStorage says where a backup archive goes: the storage type and the keys it needs
// (folderId for Documents, filePath for Local, module settings for cloud storage).
type BackupStorage struct {
	Type   StorageType
	Params map[string]string
}

type wireKeyValue struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// wireParams renders storage params as the API's [{key, value}] list, sorted for stable
// requests.
func (s BackupStorage) wireParams() []wireKeyValue {
	out := make([]wireKeyValue, 0, len(s.Params))
	for k, v := range s.Params {
		out = append(out, wireKeyValue{Key: k, Value: v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

// ProgressStatus is the backup job state.
type ProgressStatus int

const (
	ProgressCreated   ProgressStatus = 0
	ProgressRunning   ProgressStatus = 1
	ProgressCompleted ProgressStatus = 2
	ProgressCanceled  ProgressStatus = 3
	ProgressFailed    ProgressStatus = 4
)

// BackupProgress is the state of the portal's backup job.
type BackupProgress struct {
	TaskID      string         `json:"taskId"`
	IsCompleted bool           `json:"isCompleted"`
	Progress    int            `json:"progress"`
	Error       string         `json:"error"`
	Warning     string         `json:"warning"`
	Link        string         `json:"link"`
	Status      ProgressStatus `json:"status"`
}

// BackupJobError is a backup job that ended with an error message (the API's only failure
// signal for a job).
type BackupJobError struct {
	TaskID  string
	Message string
}

func (e *BackupJobError) Error() string {
	return fmt.Sprintf("backup job %s failed: %s", e.TaskID, e.Message)
}

// ErrNoBackupJob means the portal reports no backup job while one was expected (it was
// cancelled, or the portal restarted).
var ErrNoBackupJob = errors.New("the portal reports no backup job: it was cancelled or the portal restarted")

// StartBackup queues a backup job and returns its first progress report at once. It is not
// idempotent, so it is retried only on answers that mean "not processed" (429, 503).
func (c *Client) StartBackup(ctx context.Context, storage BackupStorage, dump bool) (*BackupProgress, error) {
	body := map[string]any{"storageType": int(storage.Type), "storageParams": storage.wireParams(), "dump": dump}
	var p BackupProgress
	ok, err := c.callValue(withoutReplay(ctx), http.MethodPost, "backup/startbackup", nil, body, &p)
	if err != nil {
		return nil, err
	}
	if !ok || p.TaskID == "" {
		return nil, &DecodeError{Method: http.MethodPost, Path: apiPrefix + "backup/startbackup", Err: errors.New("the portal accepted the backup but returned no task id")}
	}
	return &p, nil
}

// BackupProgress reports the portal's (or, with dump, the server's) backup job, or nil when
// there is none.
func (c *Client) BackupProgress(ctx context.Context, dump bool) (*BackupProgress, error) {
	var p BackupProgress
	ok, err := c.callValue(ctx, http.MethodGet, "backup/getbackupprogress", dumpQuery(dump), nil, &p)
	if err != nil || !ok {
		return nil, err
	}
	return &p, nil
}

// CancelBackup drops the running backup job. It reports whether there was one.
func (c *Client) CancelBackup(ctx context.Context) (bool, error) {
	var dropped bool
	_, err := c.callValue(ctx, http.MethodPost, "backup/cancelbackup", nil, nil, &dropped)
	return dropped, err
}

// WaitForBackup polls the job every interval until it completes, calling onProgress for
// each report whose percentage changed. A job that ends with an error is a
// *BackupJobError; a job that vanishes is ErrNoBackupJob. The context bounds the wait.
func (c *Client) WaitForBackup(ctx context.Context, dump bool, taskID string, interval time.Duration, onProgress func(BackupProgress)) (*BackupProgress, error) {
	last := -1
	var p *BackupProgress
	err := pollEvery(ctx, interval, func() (bool, error) {
		var err error
		if p, err = c.BackupProgress(ctx, dump); err != nil {
			return false, err
		}
		if p == nil {
			return false, ErrNoBackupJob
		}
		if taskID != "" && p.TaskID != "" && p.TaskID != taskID {
			return false, fmt.Errorf("the portal now reports backup job %s instead of %s: another backup replaced this one", p.TaskID, taskID)
		}
		if p.Progress != last && onProgress != nil {
			onProgress(*p)
		}
		last = p.Progress
		switch {
		case p.Error != "":
			return false, &BackupJobError{TaskID: p.TaskID, Message: c.redact(sanitizeMessage(p.Error))}
		case p.Status == ProgressCanceled:
			return false, ErrNoBackupJob
		}
		return p.IsCompleted || p.Status == ProgressCompleted, nil
	})
	return p, err
}
