package mockportal_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestFaultsAndControlAPI(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
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
