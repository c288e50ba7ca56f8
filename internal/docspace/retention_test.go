package docspace_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestRetentionPolicy_Select(t *testing.T) {
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	day := 24 * time.Hour
	rec := func(id string, age time.Duration, st docspace.StorageType) docspace.BackupRecord {
		return docspace.BackupRecord{ID: id, StorageType: st, CreatedOn: now.Add(-age)}
	}
	ds, doc, s3 := docspace.StorageDataStore, docspace.StorageDocuments, docspace.StorageThirdPartyConsumer
	// Given in scrambled order: selection must not depend on the API's order.
	history := []docspace.BackupRecord{
		rec("d", 40*day, doc), rec("a", 1*day, ds), rec("f", 60*day, ds),
		rec("c", 20*day, s3), rec("b", 10*day, ds), rec("e", 50*day, s3),
	}
	tied := []docspace.BackupRecord{rec("y", day, ds), rec("x", day, ds), rec("z", day, ds), rec("w", 2*day, ds)}
	cases := []struct {
		name    string
		records []docspace.BackupRecord
		policy  docspace.RetentionPolicy
		want    string
	}{
		{"zero policy selects all, newest first", history, docspace.RetentionPolicy{}, "a,b,c,d,e,f"},
		{"empty history", nil, docspace.RetentionPolicy{KeepLatest: 2, OlderThan: day}, ""},
		{"keep latest", history, docspace.RetentionPolicy{KeepLatest: 2}, "c,d,e,f"},
		{"keep latest 0", history, docspace.RetentionPolicy{KeepLatest: 0}, "a,b,c,d,e,f"},
		{"keep more than there are", history, docspace.RetentionPolicy{KeepLatest: 10}, ""},
		{"keep exactly all", history, docspace.RetentionPolicy{KeepLatest: 6}, ""},
		{"older than", history, docspace.RetentionPolicy{OlderThan: 30 * day}, "d,e,f"},
		{"older than nothing", history, docspace.RetentionPolicy{OlderThan: 100 * day}, ""},
		{"storage types", history, docspace.RetentionPolicy{StorageTypes: []docspace.StorageType{s3}}, "c,e"},
		{"storage types, none match", history, docspace.RetentionPolicy{StorageTypes: []docspace.StorageType{docspace.StorageLocal}}, ""},
		{"keep latest spares old ones too", history, docspace.RetentionPolicy{KeepLatest: 5, OlderThan: 30 * day}, "f"},
		{"keep latest counts only candidates", history, docspace.RetentionPolicy{KeepLatest: 1, StorageTypes: []docspace.StorageType{ds}}, "b,f"},
		{"type and age", history, docspace.RetentionPolicy{OlderThan: 15 * day, StorageTypes: []docspace.StorageType{ds, s3}}, "c,e,f"},
		{"all three", history, docspace.RetentionPolicy{KeepLatest: 1, OlderThan: 15 * day, StorageTypes: []docspace.StorageType{ds, doc}}, "d,f"},
		{"ties broken by id", tied, docspace.RetentionPolicy{KeepLatest: 1}, "y,z,w"},
		{"age boundary is exclusive", []docspace.BackupRecord{rec("n", 30*day, ds)}, docspace.RetentionPolicy{OlderThan: 30 * day}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var ids []string
			for _, r := range tc.policy.Select(tc.records, now) {
				ids = append(ids, r.ID)
			}
			if got := strings.Join(ids, ","); got != tc.want {
				t.Errorf("selected %q, want %q", got, tc.want)
			}
		})
	}
}

func TestDeleteBackups_StopsAtFirstFailure(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{Backups: 10}, mockportal.Owner)
	var ids []string
	for _, r := range srv.Records(false) {
		ids = append(ids, r.ID)
	}
	srv.InjectFault(mockportal.Fault{Method: "DELETE", Path: "deletebackup/" + ids[2], Status: 403, Body: `{"error":{"message":"Access denied"},"status":1,"statusCode":403}`})
	deleted, err := client.DeleteBackups(context.Background(), ids, 1)
	var partial *docspace.PartialDeleteError
	if !errors.As(err, &partial) || partial.FailedID != ids[2] || docspace.StatusCode(err) != 403 {
		t.Fatalf("err = %v", err)
	}
	if fmt.Sprint(deleted) != fmt.Sprint(ids[:2]) || fmt.Sprint(partial.Deleted) != fmt.Sprint(ids[:2]) {
		t.Errorf("deleted %v, want %v", deleted, ids[:2])
	}
	if n := len(srv.Requests()); n != 3 {
		t.Errorf("%d requests after the failure stopped the run, want 3", n)
	}
}

func TestDeleteBackups_Concurrency(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{Backups: 12}, mockportal.Owner)
	var ids []string
	for _, r := range srv.Records(false) {
		ids = append(ids, r.ID)
	}
	srv.InjectFault(mockportal.Fault{Method: "DELETE", Times: -1, Delay: mockportal.Duration(50 * time.Millisecond)})
	deleted, err := client.DeleteBackups(context.Background(), ids, 4)
	if err != nil || fmt.Sprint(deleted) != fmt.Sprint(ids) {
		t.Fatalf("deleted %v, %v", deleted, err)
	}
	if stats := srv.ConnStats(); stats.MaxActive > 4 {
		t.Errorf("%d connections open at once, want at most 4", stats.MaxActive)
	}
	if len(srv.Records(false)) != 0 {
		t.Error("records left")
	}
}
