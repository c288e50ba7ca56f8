package docspace_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

var dataStore = docspace.BackupStorage{Type: docspace.StorageDataStore}

func TestBackupJob_StartWaitAndHistory(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{BackupDuration: 300 * time.Millisecond}, mockportal.Owner)
	ctx := context.Background()
	started, err := client.StartBackup(ctx, dataStore, false)
	if err != nil {
		t.Fatal(err)
	}
	if started.TaskID == "" || started.IsCompleted || started.Status != docspace.ProgressCreated {
		t.Fatalf("start: %+v", started)
	}
	var seen []int
	done, err := client.WaitForBackup(ctx, false, started.TaskID, 20*time.Millisecond, func(p docspace.BackupProgress) { seen = append(seen, p.Progress) })
	if err != nil {
		t.Fatal(err)
	}
	if !done.IsCompleted || done.Progress != 100 || done.Link == "" || done.TaskID != started.TaskID {
		t.Errorf("done: %+v", done)
	}
	for i := 1; i < len(seen); i++ {
		if seen[i] <= seen[i-1] {
			t.Errorf("progress reports not strictly increasing: %v", seen)
		}
	}
	if len(seen) < 2 || seen[len(seen)-1] != 100 {
		t.Errorf("progress reports: %v", seen)
	}
	history, err := client.BackupHistory(ctx, false)
	if err != nil || len(history) != 1 || history[0].ID != started.TaskID || history[0].StorageType != docspace.StorageDataStore {
		t.Fatalf("history after backup: %+v %v", history, err)
	}
	if err := client.DeleteBackup(ctx, started.TaskID); err != nil {
		t.Fatal(err)
	}
	if len(srv.Records(false)) != 0 {
		t.Error("deletebackup left the record")
	}
}

func TestBackupJob_Failure(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{BackupDuration: 100 * time.Millisecond}, mockportal.Owner)
	srv.SetBackupFailure("Storage quota exceeded")
	started, err := client.StartBackup(context.Background(), dataStore, false)
	if err != nil {
		t.Fatal(err)
	}
	_, err = client.WaitForBackup(context.Background(), false, started.TaskID, 10*time.Millisecond, nil)
	var jobErr *docspace.BackupJobError
	if !errors.As(err, &jobErr) || jobErr.Message != "Storage quota exceeded" || jobErr.TaskID != started.TaskID {
		t.Fatalf("err = %v", err)
	}
	if len(srv.Records(false)) != 0 {
		t.Error("a failed job wrote a history record")
	}
}

func TestBackupJob_Refusals(t *testing.T) {
	cases := []struct {
		name    string
		opts    mockportal.Options
		setup   func(*mockportal.Server)
		storage docspace.BackupStorage
		dump    bool
		status  int
		message string
	}{
		{name: "free backups used up", setup: func(s *mockportal.Server) { s.SetFreeBackupsUsedUp(true) }, storage: dataStore, status: 402, message: "The number of free backups should not exceed 0 within a month"},
		{name: "Documents with a folder name", storage: docspace.BackupStorage{Type: docspace.StorageDocuments, Params: map[string]string{"folderId": "backups"}}, status: 400, message: "wrong folder type"},
		{name: "third-party with a number", storage: docspace.BackupStorage{Type: docspace.StorageThridpartyDocuments, Params: map[string]string{"folderId": "12"}}, status: 400, message: "wrong folder type"},
		{name: "missing Documents folder", storage: docspace.BackupStorage{Type: docspace.StorageDocuments, Params: map[string]string{"folderId": "999"}}, status: 404},
		{name: "dump on SaaS", storage: dataStore, dump: true, status: 403, message: "Access denied"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv, client := newPortal(t, tc.opts, mockportal.Owner)
			if tc.setup != nil {
				tc.setup(srv)
			}
			_, err := client.StartBackup(context.Background(), tc.storage, tc.dump)
			var apiErr *docspace.APIError
			if !errors.As(err, &apiErr) || apiErr.StatusCode != tc.status || (tc.message != "" && apiErr.Message != tc.message) {
				t.Fatalf("err = %v", err)
			}
		})
	}
}

func TestBackupJob_CancelAndNoJob(t *testing.T) {
	_, client := newPortal(t, mockportal.Options{BackupDuration: time.Hour}, mockportal.Owner)
	ctx := context.Background()
	if p, err := client.BackupProgress(ctx, false); err != nil || p != nil {
		t.Fatalf("no job: %+v %v", p, err)
	}
	if dropped, err := client.CancelBackup(ctx); err != nil || dropped {
		t.Fatalf("cancel with no job: %v %v", dropped, err)
	}
	started, err := client.StartBackup(ctx, dataStore, false)
	if err != nil {
		t.Fatal(err)
	}
	again, err := client.StartBackup(ctx, dataStore, false)
	if err != nil || again.TaskID != started.TaskID {
		t.Errorf("second start while running: %+v %v (one job per portal)", again, err)
	}
	if dropped, err := client.CancelBackup(ctx); err != nil || !dropped {
		t.Fatalf("cancel: %v %v", dropped, err)
	}
	if _, err := client.WaitForBackup(ctx, false, started.TaskID, time.Millisecond, nil); !errors.Is(err, docspace.ErrNoBackupJob) {
		t.Errorf("wait after cancel: %v", err)
	}
}

func TestStartBackup_NotReplayedOnGatewayErrors(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{}, mockportal.Owner)
	srv.InjectFault(mockportal.Fault{Path: "startbackup", Status: 502, Body: "<title>502 Bad Gateway</title>"})
	if _, err := client.StartBackup(context.Background(), dataStore, false); docspace.StatusCode(err) != 502 {
		t.Fatalf("err = %v", err)
	}
	if n := len(srv.Requests()); n != 1 {
		t.Errorf("startbackup sent %d times after a 502 (it may have been processed)", n)
	}
	srv.ResetRequests()
	srv.InjectFault(mockportal.Fault{Path: "startbackup", Status: 503, Body: "<title>503</title>"})
	if _, err := client.StartBackup(context.Background(), dataStore, false); err != nil {
		t.Fatalf("503 then success: %v", err)
	}
	if n := len(srv.Requests()); n != 2 {
		t.Errorf("%d requests, want 2 (503 means not processed)", n)
	}
}
