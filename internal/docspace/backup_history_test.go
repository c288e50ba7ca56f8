package docspace_test

import (
	"context"
	"testing"
	"time"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestBackupHistory_DecodesRecords(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{}, mockportal.Owner)
	created := time.Date(2026, 3, 1, 2, 15, 0, 0, time.UTC)
	srv.AddRecords(false, mockportal.Record{ID: "6c3f9a1e-0000-4000-8000-000000000001", FileName: "a.tar.gz", StorageType: mockportal.StorageThirdPartyConsumer, CreatedOn: created, ExpiresOn: created.Add(48 * time.Hour)})

	records, err := client.BackupHistory(context.Background(), false)
	if err != nil {
		t.Fatal(err)
	}
	if len(records) != 1 {
		t.Fatalf("got %d records, want 1", len(records))
	}
	r := records[0]
	if r.ID != "6c3f9a1e-0000-4000-8000-000000000001" || r.FileName != "a.tar.gz" || r.StorageType.String() != "ThirdPartyConsumer" {
		t.Errorf("record = %+v", r)
	}
	if !r.CreatedOn.Equal(created) || r.CreatedOn.Location() != time.UTC {
		t.Errorf("createdOn = %v, want %v in UTC (the mock sends it at +03:00)", r.CreatedOn, created)
	}
	if !r.ExpiresOn.Equal(created.Add(48 * time.Hour)) {
		t.Errorf("expiresOn = %v (the mock sends it without offset)", r.ExpiresOn)
	}
	assertRequests(t, srv, "GET /api/2.0/backup/getbackuphistory?Dump=false")
	if got := srv.Requests()[0]; got.Auth != "bearer" || got.UserAgent != "docspace-test/1" {
		t.Errorf("auth form %q, user agent %q", got.Auth, got.UserAgent)
	}
}

func TestBackupHistory_EmptyAndMissingResponse(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{}, mockportal.Owner)
	records, err := client.BackupHistory(context.Background(), false)
	if err != nil || len(records) != 0 {
		t.Fatalf("fresh portal: %v, %v", records, err)
	}
	srv.InjectFault(mockportal.Fault{Path: "getbackuphistory", Status: 200, Body: `{"count":0,"status":0,"statusCode":200}`})
	records, err = client.BackupHistory(context.Background(), false)
	if err != nil || len(records) != 0 {
		t.Fatalf("no response member: %v, %v", records, err)
	}
}
