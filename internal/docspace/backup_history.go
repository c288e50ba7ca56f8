package docspace

import (
	"context"
	"net/http"
	"time"
)

// BackupRecord is one entry of the backup history.
type BackupRecord struct {
	// ID is a GUID, equal to the task id of the backup job that made it.
	ID          string
	FileName    string
	StorageType StorageType
	CreatedOn   time.Time
	ExpiresOn   time.Time
}

type wireBackupRecord struct {
	ID          string      `json:"id"`
	FileName    string      `json:"fileName"`
	StorageType StorageType `json:"storageType"`
	CreatedOn   Timestamp   `json:"createdOn"`
	ExpiresOn   Timestamp   `json:"expiresOn"`
}

// BackupHistory lists the stored backups of the portal, or of the whole server when dump is
// true (standalone installations only). The API returns them in no particular order.
func (c *Client) BackupHistory(ctx context.Context, dump bool) ([]BackupRecord, error) {
	var wire []wireBackupRecord
	if _, err := c.callValue(ctx, http.MethodGet, "backup/getbackuphistory", dumpQuery(dump), nil, &wire); err != nil {
		return nil, err
	}
	records := make([]BackupRecord, len(wire))
	for i, w := range wire {
		records[i] = BackupRecord{ID: w.ID, FileName: w.FileName, StorageType: w.StorageType, CreatedOn: w.CreatedOn.Time, ExpiresOn: w.ExpiresOn.Time}
	}
	return records, nil
}
