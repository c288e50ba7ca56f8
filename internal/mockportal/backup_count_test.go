package mockportal_test

import (
	"testing"
	"time"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestBackups_CountAndServiceState(t *testing.T) {
	clock := &testClock{now: time.Date(2026, 5, 20, 12, 0, 0, 0, time.UTC)}
	srv := mockportal.StartTest(t, mockportal.Options{Now: clock.Now})
	srv.AddRecords(false,
		mockportal.Record{ID: mockportal.NewGUID(), FileName: "a.tar.gz", CreatedOn: time.Date(2026, 5, 2, 0, 0, 0, 0, time.UTC)},
		mockportal.Record{ID: mockportal.NewGUID(), FileName: "b.tar.gz", CreatedOn: time.Date(2026, 4, 2, 0, 0, 0, 0, time.UTC)})
	owner := asRole(t, srv, mockportal.Owner)
	count := func(query string) answer { return owner.api("GET", "backup/getbackupscount"+query, "") }
	if a := count(""); a.status != 200 || a.body["response"] != float64(1) {
		t.Errorf("this month: %d %s", a.status, a.raw)
	}
	if a := count("?from=2026-04-01&to=2026-05-31"); a.body["response"] != float64(2) {
		t.Errorf("two months: %s", a.raw)
	}
	if a := count("?from=2020-01-01&to=2020-02-01"); a.status != 200 || a.body["response"] != float64(0) {
		t.Errorf("an empty past range: %d %s", a.status, a.raw)
	}
	if a := count("?from=2026-06-01&to=2026-05-01"); a.status != 400 || errMessage(a) != "From date must be less than to date" {
		t.Errorf("from after to: %d %s", a.status, a.raw)
	}
	for _, path := range []string{"backup/getbackupscount", "backup/getservicestate"} {
		if a := asRole(t, srv, mockportal.RoomAdmin).api("GET", path, ""); a.status != 403 {
			t.Errorf("room admin %s: %d", path, a.status)
		}
		if a := call(t, "GET", srv.URL+"/api/2.0/"+path, nil); a.status != 401 {
			t.Errorf("anonymous %s: %d", path, a.status)
		}
	}
	if a := owner.api("GET", "backup/getservicestate", ""); a.status != 200 || response(a)["enabled"] != false {
		t.Errorf("service state: %d %s", a.status, a.raw)
	}
}

// On a self-hosted server the all-zero GUID starts a restore that fails in the job, and
// the anonymous settings say the portal is restoring from start to end.
func TestRestore_ZeroGUIDAndTenantStatusThroughout(t *testing.T) {
	clock := &testClock{now: time.Date(2026, 5, 20, 12, 0, 0, 0, time.UTC)}
	srv := mockportal.StartTest(t, mockportal.Options{Now: clock.Now, Standalone: true, RestoreDuration: 10 * time.Second})
	owner := asRole(t, srv, mockportal.Owner)
	a := owner.api("POST", "backup/startrestore", `{"backupId":"00000000-0000-0000-0000-000000000000"}`)
	if a.status != 200 {
		t.Fatalf("zero GUID: %d %s", a.status, a.raw)
	}
	status := func() any { return response(call(t, "GET", srv.URL+"/api/2.0/settings", nil))["tenantStatus"] }
	if s := status(); s != float64(4) {
		t.Errorf("just started: tenantStatus %v", s)
	}
	clock.advance(5 * time.Second)
	if s := status(); s != float64(4) {
		t.Errorf("halfway: tenantStatus %v", s)
	}
	clock.advance(6 * time.Second)
	progress := response(call(t, "GET", srv.URL+"/api/2.0/backup/getrestoreprogress", nil))
	if progress["isCompleted"] != true || progress["error"] == "" {
		t.Errorf("the zero GUID's job fails: %v", progress)
	}
	if s := status(); s != float64(0) {
		t.Errorf("after: tenantStatus %v", s)
	}
}
