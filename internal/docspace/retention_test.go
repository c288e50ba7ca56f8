package docspace_test

import (
	"strings"
	"testing"
	"time"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
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
