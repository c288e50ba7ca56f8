package docspace_test

import (
	"context"
	"testing"
	"time"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestBackupSchedule_RoundTrip(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{}, mockportal.Owner)
	ctx := context.Background()
	if s, err := client.BackupSchedule(ctx, false); err != nil || s != nil {
		t.Fatalf("no schedule: %+v %v", s, err)
	}
	seven := 7
	err := client.CreateBackupSchedule(ctx, docspace.BackupSchedule{
		Storage:       docspace.BackupStorage{Type: docspace.StorageDocuments, Params: map[string]string{"folderId": "002"}},
		BackupsStored: &seven, Period: docspace.EveryWeek, Hour: 3, Day: 2,
	})
	if err != nil {
		t.Fatal(err)
	}
	s, err := client.BackupSchedule(ctx, false)
	if err != nil || s == nil {
		t.Fatalf("read: %+v %v", s, err)
	}
	if s.Storage.Type != docspace.StorageDocuments || s.Storage.Params["folderId"] != "2" || *s.BackupsStored != 7 || s.Period != docspace.EveryWeek || s.Hour != 3 || s.Day != 2 || !s.LastBackupTime.IsZero() {
		t.Errorf("schedule %+v", s)
	}
	last := time.Date(2026, 11, 1, 3, 0, 0, 0, time.UTC)
	srv.SetSchedule(false, mockportal.Schedule{StorageType: 4, Period: 0, Hour: 1, LastBackupTime: last})
	s, _ = client.BackupSchedule(ctx, false)
	if s.BackupsStored != nil || !s.LastBackupTime.Equal(last) || s.Day != 0 || s.Period != docspace.EveryDay {
		t.Errorf("unlimited schedule %+v", s)
	}
	if err := client.DeleteBackupSchedule(ctx, false); err != nil {
		t.Fatal(err)
	}
	if err := client.DeleteBackupSchedule(ctx, false); err != nil {
		t.Errorf("deleting a missing schedule: %v (the API answers true)", err)
	}
	if _, ok := srv.Schedule(false); ok {
		t.Error("schedule still stored")
	}
}

func TestBackupSchedule_Refusals(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{}, mockportal.Owner)
	ctx := context.Background()
	forty := 40
	cases := []struct {
		s      docspace.BackupSchedule
		status int
		msg    string
	}{
		{docspace.BackupSchedule{Storage: dataStore, BackupsStored: &forty}, 400, "backupStored must be 1 - 30"},
		{docspace.BackupSchedule{Storage: dataStore, Period: docspace.EveryWeek, Day: 0}, 400, "Invalid day"},
		{docspace.BackupSchedule{Storage: docspace.BackupStorage{Type: docspace.StorageDocuments, Params: map[string]string{"folderId": "99"}}}, 404, "The required folder was not found"},
	}
	for _, tc := range cases {
		err := client.CreateBackupSchedule(ctx, tc.s)
		if docspace.StatusCode(err) != tc.status {
			t.Errorf("%+v: %v", tc.s, err)
		}
	}
	srv.SetScheduledBackupsDisabled(true)
	if err := client.CreateBackupSchedule(ctx, docspace.BackupSchedule{Storage: dataStore}); docspace.StatusCode(err) != 402 {
		t.Errorf("scheduled backups disabled: %v", err)
	}
}
