package mockportal_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func startRestoreBody(backupID string) string {
	return fmt.Sprintf(`{"backupId":%q,"storageType":4,"storageParams":[],"notify":false}`, backupID)
}

func TestRestore_WhoMayStart(t *testing.T) {
	free := mockportal.StartTest(t, mockportal.Options{Backups: 1})
	paid := mockportal.StartTest(t, mockportal.Options{Backups: 1, Paid: true})
	id := paid.Records(false)[0].ID
	url := func(s *mockportal.Server) string { return s.URL + "/api/2.0/backup/startrestore" }
	cases := []struct {
		name   string
		srv    *mockportal.Server
		key    func(*http.Request)
		body   string
		status int
		text   string
	}{
		{"anonymous", paid, nil, startRestoreBody(id), 401, "Unauthorized"},
		{"room admin", paid, rawKey(paid.Key(mockportal.RoomAdmin)), startRestoreBody(id), 403, "Access denied"},
		{"free SaaS plan", free, rawKey(free.Key(mockportal.Owner)), startRestoreBody(free.Records(false)[0].ID), 402, "pricing plan"},
		{"dump on SaaS", paid, rawKey(paid.Key(mockportal.Owner)), `{"backupId":"` + id + `","dump":true}`, 403, "Access denied"},
		{"unknown backup", paid, rawKey(paid.Key(mockportal.Owner)), startRestoreBody(mockportal.NewGUID()), 404, "cannot find the file"},
		{"file without path", paid, rawKey(paid.Key(mockportal.Owner)), `{"backupId":"","storageType":5,"storageParams":[{"key":"bucket","value":"b"}]}`, 500, "filePath"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := callBody(t, "POST", url(tc.srv), tc.key, tc.body)
			if a.status != tc.status || !strings.Contains(errMessage(a), tc.text) {
				t.Errorf("%d %s", a.status, a.raw)
			}
		})
	}
}

func TestRestore_LocksThePortalThenSwapsTheTenant(t *testing.T) {
	clk := &clock{now: time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)}
	srv := mockportal.StartTest(t, mockportal.Options{Backups: 2, Rooms: 1, Paid: true, Now: clk.Now, RestoreDuration: 10 * time.Second})
	owner := rawKey(srv.Key(mockportal.Owner))
	oldTenant, oldRoom, oldUser := srv.TenantID(), srv.RoomIDs()[0], srv.UserID(mockportal.Owner)
	progress := func() map[string]any {
		return response(call(t, "GET", srv.URL+"/api/2.0/backup/getrestoreprogress", nil))
	}
	if a := call(t, "GET", srv.URL+"/api/2.0/backup/getrestoreprogress", nil); a.status != 200 || a.body["response"] != nil {
		t.Fatalf("no restore yet: %s", a.raw)
	}
	started := response(callBody(t, "POST", srv.URL+"/api/2.0/backup/startrestore", owner, startRestoreBody(srv.Records(false)[0].ID)))
	if started["status"] != float64(0) || started["isCompleted"] != false || started["tenantId"] != float64(oldTenant) {
		t.Fatalf("start: %v", started)
	}
	// Before the lock a second start joins the running task.
	again := response(callBody(t, "POST", srv.URL+"/api/2.0/backup/startrestore", owner, startRestoreBody(srv.Records(false)[0].ID)))
	if again["taskId"] != started["taskId"] {
		t.Errorf("a second start made a second task: %v", again)
	}
	clk.advance(5 * time.Second)
	if p := progress(); p["progress"] != float64(50) || p["taskId"] != started["taskId"] {
		t.Errorf("progress at half time: %v", p)
	}
	locked := call(t, "GET", srv.URL+"/api/2.0/files/rooms", owner)
	if locked.status != 403 || locked.raw != "" {
		t.Errorf("rooms while restoring: %d %q", locked.status, locked.raw)
	}
	if a := callBody(t, "POST", srv.URL+"/api/2.0/backup/startrestore", owner, startRestoreBody(srv.Records(false)[0].ID)); a.status != 403 || a.raw != "" {
		t.Errorf("a second start while locked: %d %q", a.status, a.raw)
	}
	if a := call(t, "GET", srv.URL+"/api/2.0/files/rooms", nil); a.status != 401 {
		t.Errorf("anonymous while restoring: %d", a.status)
	}
	if settings := response(call(t, "GET", srv.URL+"/api/2.0/settings", nil)); settings["tenantStatus"] != float64(4) {
		t.Errorf("settings while restoring: %v", settings)
	}
	clk.advance(5 * time.Second)
	done := progress()
	if done["isCompleted"] != true || done["error"] != "" || done["progress"] != float64(100) || done["tenantId"] == float64(oldTenant) {
		t.Fatalf("completed: %v", done)
	}
	if srv.TenantID() == oldTenant || srv.Restoring() {
		t.Errorf("tenant %d, restoring %v", srv.TenantID(), srv.Restoring())
	}
	if a := call(t, "GET", srv.URL+"/api/2.0/backup/getbackuphistory", owner); a.status != 401 {
		t.Errorf("the old key after the restore: %d", a.status)
	}
	if srv.RoomIDs()[0] == oldRoom || srv.UserID(mockportal.Owner) == oldUser {
		t.Error("ids did not change")
	}
	login := callBody(t, "POST", srv.URL+"/api/2.0/authentication", nil, fmt.Sprintf(`{"userName":%q,"password":%q}`, srv.OwnerEmail(), srv.OwnerPassword()))
	token, _ := response(login)["token"].(string)
	if login.status != 200 || token == "" {
		t.Fatalf("break-glass login: %s", login.raw)
	}
	rooms := call(t, "GET", srv.URL+"/api/2.0/files/rooms", func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+token) })
	if rooms.status != 200 || response(rooms)["total"] != float64(1) {
		t.Errorf("rooms with the login token: %s", rooms.raw)
	}
	if a := callBody(t, "POST", srv.URL+"/api/2.0/authentication", nil, `{"userName":"owner@example.test","password":"wrong"}`); a.status != 401 {
		t.Errorf("wrong password: %d", a.status)
	}
}

func TestRestore_FailuresEndCompletedWithAnError(t *testing.T) {
	clk := &clock{now: time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)}
	srv := mockportal.StartTest(t, mockportal.Options{Backups: 1, Standalone: true, Now: clk.Now, RestoreDuration: time.Second})
	owner := rawKey(srv.Key(mockportal.Owner))
	tenant := srv.TenantID()
	// Wrong storage settings are accepted at the call and fail inside the job.
	a := callBody(t, "POST", srv.URL+"/api/2.0/backup/startrestore", owner, `{"backupId":"","storageType":5,"storageParams":[{"key":"filePath","value":"backups/not-there.tar.gz"}]}`)
	if a.status != 200 {
		t.Fatalf("start: %s", a.raw)
	}
	clk.advance(time.Second)
	p := response(call(t, "GET", srv.URL+"/api/2.0/backup/getrestoreprogress?dump=false", nil))
	if p["isCompleted"] != true || p["status"] != float64(2) || p["error"] != "The backup file is invalid." {
		t.Errorf("failed restore: %v", p)
	}
	if srv.TenantID() != tenant {
		t.Error("a failed restore swapped the tenant")
	}
	if a := call(t, "GET", srv.URL+"/api/2.0/backup/getbackuphistory", owner); a.status != 200 {
		t.Errorf("the key after a failed restore: %d", a.status)
	}
	// A file that is one of the portal's archives restores.
	file := "backups/" + srv.Records(false)[0].FileName
	callBody(t, "POST", srv.URL+"/api/2.0/backup/startrestore", owner, fmt.Sprintf(`{"backupId":"","storageType":5,"storageParams":[{"key":"filePath","value":%q}]}`, file))
	clk.advance(time.Second)
	if p := response(call(t, "GET", srv.URL+"/api/2.0/backup/getrestoreprogress", nil)); p["error"] != "" || srv.TenantID() == tenant {
		t.Errorf("file restore: %v", p)
	}
}
