package mockportal_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func start(t *testing.T, opts mockportal.Options) *mockportal.Server {
	t.Helper()
	srv, err := mockportal.Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	return srv
}

type answer struct {
	status int
	header http.Header
	body   map[string]any
	raw    string
}

func call(t *testing.T, method, url string, setAuth func(*http.Request)) answer {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	if setAuth != nil {
		setAuth(req)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	raw, _ := io.ReadAll(resp.Body)
	a := answer{status: resp.StatusCode, header: resp.Header, raw: string(raw)}
	_ = json.Unmarshal(raw, &a.body)
	return a
}

func rawKey(key string) func(*http.Request) {
	return func(r *http.Request) { r.Header.Set("Authorization", key) }
}

func errMessage(a answer) string {
	e, _ := a.body["error"].(map[string]any)
	m, _ := e["message"].(string)
	return m
}

func TestAuthForms(t *testing.T) {
	srv := start(t, mockportal.Options{})
	url := srv.URL + "/api/2.0/backup/getbackuphistory"
	key := srv.Key(mockportal.Owner)
	forms := map[string]func(*http.Request){
		"header": rawKey(key),
		"bearer": func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+key) },
		"cookie": func(r *http.Request) { r.AddCookie(&http.Cookie{Name: "asc_auth_key", Value: key}) },
	}
	for form, set := range forms {
		if a := call(t, "GET", url, set); a.status != 200 {
			t.Errorf("%s auth: %d %s", form, a.status, a.raw)
		}
	}
	for _, set := range []func(*http.Request){nil, rawKey("sk-unknown"), rawKey("Bearer ")} {
		if a := call(t, "GET", url, set); a.status != 401 || a.body["statusCode"] != 401.0 {
			t.Errorf("bad auth: %d %s", a.status, a.raw)
		}
	}
	var got []string
	for _, r := range srv.Requests() {
		got = append(got, r.Auth)
	}
	if strings.Count(strings.Join(got, ","), "none") != 1 {
		t.Errorf("auth forms logged: %v", got)
	}
}

func TestRoles(t *testing.T) {
	srv := start(t, mockportal.Options{Backups: 1})
	for _, role := range mockportal.Roles {
		a := call(t, "DELETE", srv.URL+"/api/2.0/backup/deletebackuphistory", rawKey(srv.Key(role)))
		allowed := role == mockportal.Owner || role == mockportal.DocSpaceAdmin
		switch {
		case allowed && (a.status != 200 || a.body["response"] != true):
			t.Errorf("%s: %d %s", role, a.status, a.raw)
		case !allowed && (a.status != 403 || errMessage(a) != "Access denied" || a.body["statusCode"] != 403.0):
			t.Errorf("%s: %d %s", role, a.status, a.raw)
		}
	}
}

func TestHistoryEnvelopeAndPurge(t *testing.T) {
	srv := start(t, mockportal.Options{Backups: 3})
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
	srv2 := start(t, mockportal.Options{})
	a = call(t, "GET", srv2.URL+"/api/2.0/backup/getbackuphistory", rawKey(srv2.Key(mockportal.Owner)))
	if list, ok := a.body["response"].([]any); !ok || len(list) != 0 || a.body["count"] != 0.0 {
		t.Errorf("fresh portal: %s", a.raw)
	}
}

func TestDumpQueryBinding(t *testing.T) {
	saas := start(t, mockportal.Options{Backups: 1})
	standalone := start(t, mockportal.Options{Standalone: true, Backups: 1, DumpBackups: 2})
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
	srv := start(t, mockportal.Options{BackupDisabled: true})
	a := call(t, "DELETE", srv.URL+"/api/2.0/backup/deletebackuphistory", rawKey(srv.Key(mockportal.Owner)))
	if a.status != 402 || errMessage(a) != "Your pricing plan does not support this option" {
		t.Errorf("%d %s", a.status, a.raw)
	}
}

func TestRoutes(t *testing.T) {
	srv := start(t, mockportal.Options{})
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

func TestFaultsAndControlAPI(t *testing.T) {
	srv := start(t, mockportal.Options{})
	key := rawKey(srv.Key(mockportal.Owner))
	body := `[{"method":"get","path":"getbackuphistory","times":2,"status":503,"body":"<html><title>down</title></html>","headers":{"Retry-After":"7"}}]`
	resp, err := http.Post(srv.URL+"/__mock/faults", "application/json", strings.NewReader(body))
	if err != nil || resp.StatusCode != 204 {
		t.Fatalf("POST /__mock/faults: %v %v", resp, err)
	}
	_ = resp.Body.Close()
	for i, want := range []int{503, 503, 200} {
		a := call(t, "GET", srv.URL+"/api/2.0/backup/getbackuphistory", key)
		if a.status != want {
			t.Errorf("call %d: %d", i, a.status)
		}
		if want == 503 && (a.header.Get("Retry-After") != "7" || !strings.HasPrefix(a.header.Get("Content-Type"), "text/html")) {
			t.Errorf("fault headers: %v", a.header)
		}
	}
	if a := call(t, "DELETE", srv.URL+"/api/2.0/backup/deletebackuphistory", key); a.status != 200 {
		t.Errorf("fault matched another path: %d", a.status)
	}
	a := call(t, "GET", srv.URL+"/__mock/requests", nil)
	var log []mockportal.Request
	if err := json.Unmarshal([]byte(a.raw), &log); err != nil || len(log) != 4 || log[0].Status != 503 || log[3].Method != "DELETE" || log[0].Auth != "header" {
		t.Errorf("request log: %v %s", err, a.raw)
	}
	var conns mockportal.ConnStats
	if err := json.Unmarshal([]byte(call(t, "GET", srv.URL+"/__mock/connections", nil).raw), &conns); err != nil || conns.Accepted < 1 {
		t.Errorf("connections: %+v %v", conns, err)
	}
}

func TestDropFault(t *testing.T) {
	srv := start(t, mockportal.Options{})
	srv.InjectFault(mockportal.Fault{Drop: true})
	req, _ := http.NewRequest("GET", srv.URL+"/api/2.0/backup/getbackuphistory", nil)
	req.Header.Set("Authorization", srv.Key(mockportal.Owner))
	tr := &http.Transport{DisableKeepAlives: true}
	defer tr.CloseIdleConnections()
	if resp, err := (&http.Client{Transport: tr}).Do(req); err == nil {
		_ = resp.Body.Close()
		t.Fatal("dropped connection answered")
	}
	if log := srv.Requests(); len(log) != 1 || log[0].Status != 0 {
		t.Errorf("log: %+v", log)
	}
}
