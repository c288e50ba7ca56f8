package mockportal_test

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestDropFault(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
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

func TestParseFaults_RefusesWhatInjectsNothing(t *testing.T) {
	cases := map[string]string{
		`[{"path":"x","reset":true}]`:   `unknown field "reset"`,
		`{"path":"x","delay_ms":100}`:   `unknown field "delay_ms"`,
		`[{"path":"x"}]`:                "does nothing",
		`[{"status":503,"drop":true}]`:  "cannot also set status",
		`[{"status":1000}]`:             "not an HTTP status",
		`[{"body":"<html>"}]`:           "need a status",
		`[{"delay":"-1s"}]`:             "must not be negative",
		`[{"status":503},{"path":"y"}]`: "fault 1",
		`not json`:                      "want a fault object",
	}
	for body, want := range cases {
		if _, err := mockportal.ParseFaults([]byte(body)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseFaults(%s) = %v, want an error with %q", body, err, want)
		}
	}
	got, err := mockportal.ParseFaults([]byte(`{"path":"x","delay":"20ms"}`))
	if err != nil || len(got) != 1 || time.Duration(got[0].Delay) != 20*time.Millisecond {
		t.Errorf("a single delay fault: %+v %v", got, err)
	}
}

func TestFaultsEndpoint_UnknownFieldIs400(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	resp, err := http.Post(srv.URL+"/__mock/faults", "application/json", strings.NewReader(`[{"path":"getbackuphistory","reset":true}]`))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(body), `unknown field "reset"`) {
		t.Errorf("answer %d %s", resp.StatusCode, body)
	}
	if a := call(t, "GET", srv.URL+"/api/2.0/backup/getbackuphistory", rawKey(srv.Key(mockportal.Owner))); a.status != 200 {
		t.Errorf("a refused fault was injected: %d", a.status)
	}
}

func TestInjectFault_PanicsOnANoOp(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "does nothing") {
			t.Errorf("recover() = %v", r)
		}
	}()
	srv.InjectFault(mockportal.Fault{Path: "getbackuphistory"})
}
