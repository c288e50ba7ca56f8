package mockportal_test

import (
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestHistoryEnvelopeAndPurge(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{Backups: 3})
	key := rawKey(srv.Key(mockportal.DocSpaceAdmin))
	a := call(t, "GET", srv.URL+"/api/2.0/backup/getbackuphistory", key)
	list, _ := a.body["response"].([]any)
	if a.status != 200 || len(list) != 3 || a.body["count"] != 3.0 || a.body["links"] == nil {
		t.Fatalf("history: %s", a.raw)
	}
	if a.header.Get("X-RateLimit-Limit") == "" || a.header.Get("X-RateLimit-Remaining") == "" || a.header.Get("X-RateLimit-Reset") == "" {
		t.Errorf("rate-limit headers missing: %v", a.header)
	}
	rec := list[0].(map[string]any)
	for _, field := range []string{"id", "fileName", "storageType", "createdOn", "expiresOn"} {
		if _, ok := rec[field]; !ok {
			t.Errorf("record lacks %s: %v", field, rec)
		}
	}
	undeletable := srv.Records(false)[1].ID
	srv.MarkUndeletable(undeletable)
	if a := call(t, "DELETE", srv.URL+"/api/2.0/backup/deletebackuphistory", key); a.body["response"] != true {
		t.Fatalf("purge: %s", a.raw)
	}
	if left := srv.Records(false); len(left) != 1 || left[0].ID != undeletable {
		t.Errorf("left after purge: %+v", left)
	}
	srv2 := mockportal.StartTest(t, mockportal.Options{})
	a = call(t, "GET", srv2.URL+"/api/2.0/backup/getbackuphistory", rawKey(srv2.Key(mockportal.Owner)))
	if list, ok := a.body["response"].([]any); !ok || len(list) != 0 || a.body["count"] != 0.0 {
		t.Errorf("fresh portal: %s", a.raw)
	}
}
