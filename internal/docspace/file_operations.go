package docspace

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"time"
)

// FileOperation is an asynchronous operation of the files API: archiving, unarchiving and
// deleting rooms run as one. The portal reports a finished operation once, then drops it
// from the list.
type FileOperation struct {
	ID       string `json:"id"`
	Type     int    `json:"Operation"` // sic: capital O on the wire
	Progress int    `json:"progress"`
	Error    string `json:"error"`
	Finished bool   `json:"finished"`
}

// FileOperationError is a file operation that finished with an error.
type FileOperationError struct {
	ID      string
	Message string
}

func (e *FileOperationError) Error() string {
	return fmt.Sprintf("file operation %s failed: %s", e.ID, e.Message)
}

// startFileOperation sends a request whose answer is one file operation. Starting is not
// replayed: the portal may have queued it.
func (c *Client) startFileOperation(ctx context.Context, method, path string) (*FileOperation, error) {
	var op FileOperation
	ok, err := c.callValue(withoutReplay(ctx), method, path, nil, struct {
		DeleteAfter bool `json:"deleteAfter"`
	}{false}, &op)
	if err != nil {
		return nil, err
	}
	if !ok || op.ID == "" {
		return nil, &DecodeError{Method: method, Path: apiPrefix + path, Err: fmt.Errorf("the portal accepted the operation but returned no operation id")}
	}
	return &op, nil
}

// FileOperations lists the key's user's operations that are running or finished but not
// yet reported; with id, only that one.
func (c *Client) FileOperations(ctx context.Context, id string) ([]FileOperation, error) {
	var q url.Values
	if id != "" {
		q = url.Values{"id": {id}}
	}
	var ops []FileOperation
	if _, err := c.callValue(ctx, http.MethodGet, "files/fileops", q, nil, &ops); err != nil {
		return nil, err
	}
	return ops, nil
}

// WaitFileOperation polls an operation every interval until it finishes, within the
// context's deadline. An operation that finished with an error is a *FileOperationError;
// one that is no longer listed after being seen running was reported to someone else's
// poll (the portal reports a finished one once) and counts as finished: callers confirm
// the outcome by reading the object.
func (c *Client) WaitFileOperation(ctx context.Context, op *FileOperation, interval time.Duration) error {
	current, first := *op, true
	err := pollEvery(ctx, interval, func() (bool, error) {
		if !first {
			ops, err := c.FileOperations(ctx, op.ID)
			if err != nil {
				return false, err
			}
			listed := false
			for _, o := range ops {
				if o.ID == op.ID {
					current, listed = o, true
				}
			}
			if !listed {
				current.Finished, current.Error = true, "" // reported to another poll already
			}
		}
		first = false
		return current.Finished, nil
	})
	if err == nil && current.Error != "" {
		return &FileOperationError{ID: op.ID, Message: c.redact(sanitizeMessage(current.Error))}
	}
	return err
}
