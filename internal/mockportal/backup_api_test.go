package mockportal_test

import (
	"strings"
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestDumpQueryBinding(t *testing.T) {
	saas := mockportal.StartTest(t, mockportal.Options{Backups: 1})
	standalone := mockportal.StartTest(t, mockportal.Options{Standalone: true, Backups: 1, DumpBackups: 2})
	cases := []struct {
		srv    *mockportal.Server
		query  string
		status int
		count  float64
	}{
		{standalone, "Dump=true", 200, 2},
		{standalone, "dump=True", 200, 2},
		{standalone, "DUMP=TRUE", 200, 2},
		{standalone, "dump=false", 200, 1},
		{standalone, "", 200, 1},
		{standalone, "Dump=1", 400, 0},
		{standalone, "Dump=yes", 400, 0},
		{saas, "Dump=true", 403, 0},
		{saas, "dump=false", 200, 1},
	}
	for _, tc := range cases {
		a := call(t, "GET", tc.srv.URL+"/api/2.0/backup/getbackuphistory?"+tc.query, rawKey(tc.srv.Key(mockportal.Owner)))
		if a.status != tc.status || (tc.status == 200 && a.body["count"] != tc.count) {
			t.Errorf("%q: %d %s", tc.query, a.status, a.raw)
		}
	}
}

func TestBackupDisabled(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{BackupDisabled: true})
	a := call(t, "DELETE", srv.URL+"/api/2.0/backup/deletebackuphistory", rawKey(srv.Key(mockportal.Owner)))
	if a.status != 402 || errMessage(a) != "Your pricing plan does not support this option" {
		t.Errorf("%d %s", a.status, a.raw)
	}
}

func TestRoutes(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	key := rawKey(srv.Key(mockportal.Owner))
	if a := call(t, "GET", srv.URL+"/api/2.0/backup/GetBackupHistory", key); a.status != 200 {
		t.Errorf("routes are case-insensitive in ASP.NET: %d", a.status)
	}
	if a := call(t, "GET", srv.URL+"/api/2.0/backup/deletebackuphistory", key); a.status != 405 {
		t.Errorf("wrong method: %d", a.status)
	}
	if a := call(t, "GET", srv.URL+"/api/2.0/backup/nosuch", key); a.status != 404 || !strings.Contains(a.raw, "<title>") {
		t.Errorf("unknown route: %d %s", a.status, a.raw)
	}
	if a := call(t, "DELETE", srv.URL+"/api/2.0/backup/deletebackup/123", key); a.status != 404 || !strings.Contains(a.raw, "<title>") {
		t.Errorf("non-GUID backup id: %d %s", a.status, a.raw)
	}
	if a := call(t, "DELETE", srv.URL+"/api/2.0/backup/deletebackup/"+mockportal.NewGUID(), key); a.status != 200 || a.body["response"] != true {
		t.Errorf("unknown GUID: %d %s", a.status, a.raw)
	}
	if a := call(t, "GET", srv.URL+"/api/2.0/backup/getbackupprogress", key); a.status != 200 || a.body["response"] != nil || a.body["count"] != 0.0 {
		t.Errorf("progress without a job must have no response member: %s", a.raw)
	}
}
