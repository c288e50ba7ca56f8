package mockportal_test

import (
	"strings"
	"testing"
	"time"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestSMTP_SaveNeverReturnsThePasswordAndResets(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	admin := asRole(t, srv, mockportal.DocSpaceAdmin)
	if s := response(admin.api("GET", "smtpsettings/smtp", "")); s["isDefaultSettings"] != true || s["port"] != float64(0) || s["host"] != nil {
		t.Errorf("defaults: %v", s)
	}
	a := admin.api("POST", "smtpsettings/smtp", `{"host":"smtp.example.com","senderAddress":"docs@example.com","senderDisplayName":"Docs","enableAuth":true,"credentialsUserName":"docs","credentialsUserPassword":"s3cret"}`)
	if s := response(a); a.status != 200 || s["port"] != float64(25) || s["credentialsUserPassword"] != "" || s["isDefaultSettings"] != false || strings.Contains(a.raw, "s3cret") {
		t.Errorf("save: %d %s", a.status, a.raw)
	}
	if srv.SMTP().Password != "s3cret" {
		t.Error("the password was not stored")
	}
	for body, want := range map[string]string{
		`{"host":"","senderAddress":"a","senderDisplayName":""}`:                                              "Empty smtp host.",
		`{"host":"h","senderAddress":"a"}`:                                                                    "Value cannot be null. (Parameter 'senderDisplayName')",
		`{"host":"h","senderAddress":"a","senderDisplayName":"","port":70000}`:                                "The field Port must be between 1 and 65535.",
		`{"host":"h","senderAddress":"a","senderDisplayName":"","enableAuth":true,"credentialsUserName":"u"}`: "Empty password.",
	} {
		if a := admin.api("POST", "smtpsettings/smtp", body); a.status != 400 || !strings.Contains(a.raw, want) {
			t.Errorf("%s: %d %s", body, a.status, a.raw)
		}
	}
	if a := asRole(t, srv, mockportal.RoomAdmin).api("GET", "smtpsettings/smtp", ""); a.status != 403 {
		t.Errorf("room admin: %d", a.status)
	}
	if s := response(admin.api("DELETE", "smtpsettings/smtp", "")); s["isDefaultSettings"] != true || srv.SMTP().Host != "" {
		t.Errorf("reset: %v", s)
	}
}

// The test job moves through DocSpace's steps, ends with the error (if any), and its
// finished status is read once.
func TestSMTP_TestJob(t *testing.T) {
	now := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	srv := mockportal.StartTest(t, mockportal.Options{JobDuration: time.Second, Now: func() time.Time { return now }})
	admin := asRole(t, srv, mockportal.Owner)
	srv.SetSMTP(mockportal.SMTPSettings{Host: "smtp.example.com", Port: 25, SenderAddress: "docs@example.com"})
	if s := response(admin.api("GET", "smtpsettings/smtp/test", "")); s["percents"] != float64(5) || s["completed"] != false {
		t.Errorf("started: %v", s)
	}
	now = now.Add(600 * time.Millisecond)
	if s := response(admin.api("GET", "smtpsettings/smtp/test/status", "")); s["completed"] != false || s["percents"] == float64(60) {
		t.Errorf("midway (no authentication step without credentials): %v", s)
	}
	now = now.Add(time.Second)
	if s := response(admin.api("GET", "smtpsettings/smtp/test/status", "")); s["completed"] != true || s["error"] != "" || s["percents"] != float64(100) {
		t.Errorf("done: %v", s)
	}
	if a := admin.api("GET", "smtpsettings/smtp/test/status", ""); a.body["response"] != nil {
		t.Errorf("a finished job is reported once: %s", a.raw)
	}
	if got := srv.SMTPTestsSent(); len(got) != 1 || got[0] != srv.OwnerEmail() {
		t.Errorf("test messages: %v", got)
	}
	srv.FailNextSMTPTest("Connection refused 203.0.113.5:25")
	admin.api("GET", "smtpsettings/smtp/test", "")
	now = now.Add(2 * time.Second)
	if s := response(admin.api("GET", "smtpsettings/smtp/test/status", "")); s["error"] != "Connection refused 203.0.113.5:25" {
		t.Errorf("failed test: %v", s)
	}
}
