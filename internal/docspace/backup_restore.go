package docspace

import (
	"context"
	"fmt"
	"net/http"
	"time"
)

// Restoring a backup replaces the portal's data. The portal then has a new tenant id, new
// ids for its users and rooms, and no API keys: the key that started the restore stops
// working (401) when it completes.

// RestoreRequest says what to restore: a backup from the history (BackupID), or an archive
// file in a storage (Storage and FilePath).
type RestoreRequest struct {
	BackupID string
	Storage  BackupStorage
	FilePath string
	Notify   bool
	Dump     bool
}

// RestoreProgress is the state of the portal's restore task.
type RestoreProgress struct {
	TaskID      string         `json:"taskId"`
	TenantID    int            `json:"tenantId"`
	IsCompleted bool           `json:"isCompleted"`
	Progress    int            `json:"progress"`
	Error       string         `json:"error"`
	Status      ProgressStatus `json:"status"`
}

// RestoreJobError is a restore that ended with an error: DocSpace reports it as completed
// with the reason in error.
type RestoreJobError struct {
	TaskID  string
	Message string
}

func (e *RestoreJobError) Error() string {
	return fmt.Sprintf("restore task %s failed: %s", e.TaskID, e.Message)
}

// ErrNoRestoreTask means the portal no longer reports the restore being waited for.
var ErrNoRestoreTask = fmt.Errorf("the portal no longer reports the restore task (evicted from its queue, or the portal restarted)")

// StartRestore starts a restore once (it is never replayed) and returns its first report.
func (c *Client) StartRestore(ctx context.Context, r RestoreRequest) (*RestoreProgress, error) {
	storage := r.Storage
	if r.FilePath != "" {
		storage.Params = map[string]string{}
		for k, v := range r.Storage.Params {
			storage.Params[k] = v
		}
		storage.Params["filePath"] = r.FilePath
	}
	body := map[string]any{"backupId": r.BackupID, "storageType": int(storage.Type), "storageParams": storage.wireParams(),
		"notify": r.Notify, "dump": r.Dump}
	var p RestoreProgress
	ok, err := c.callValue(withoutReplay(ctx), http.MethodPost, "backup/startrestore", nil, body, &p)
	if err != nil {
		return nil, err
	}
	if !ok || p.TaskID == "" {
		return nil, &DecodeError{Method: http.MethodPost, Path: apiPrefix + "backup/startrestore", Err: fmt.Errorf("the portal accepted the restore but returned no task id")}
	}
	return &p, nil
}

// RestoreProgressOf asks how the portal's restore goes, without credentials (the endpoint
// is anonymous, and after the restore the key no longer works). nil: no restore task.
func (c *Client) RestoreProgressOf(ctx context.Context, dump bool) (*RestoreProgress, error) {
	var p RestoreProgress
	ok, err := c.callValue(withoutCredentials(ctx), http.MethodGet, "backup/getrestoreprogress", dumpQuery(dump), nil, &p)
	if err != nil || !ok {
		return nil, err
	}
	return &p, nil
}

// WaitForRestore polls the restore task every interval until it completes, calling
// onProgress for each new percentage. A task that ends with an error is a
// *RestoreJobError. When it completes without one, the client remembers that the portal
// was restored: later 401 answers say so (APIError.AfterRestore).
func (c *Client) WaitForRestore(ctx context.Context, dump bool, taskID string, interval time.Duration, onProgress func(RestoreProgress)) (*RestoreProgress, error) {
	last := -1
	var p *RestoreProgress
	err := pollEvery(ctx, interval, func() (bool, error) {
		var err error
		if p, err = c.RestoreProgressOf(ctx, dump); err != nil {
			return false, err
		}
		if p == nil || (taskID != "" && p.TaskID != "" && p.TaskID != taskID) {
			return false, ErrNoRestoreTask
		}
		if p.Progress != last && onProgress != nil {
			onProgress(*p)
		}
		last = p.Progress
		if p.IsCompleted && p.Error != "" {
			return false, &RestoreJobError{TaskID: p.TaskID, Message: c.redact(sanitizeMessage(p.Error))}
		}
		return p.IsCompleted, nil
	})
	if err == nil {
		c.restored.Store(true)
	}
	return p, err
}
