package docspace_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m, goleak.IgnoreTopFunction("net/http.(*persistConn).writeLoop"),
		goleak.IgnoreTopFunction("net/http.(*persistConn).readLoop"))
}

// newPortal starts a mock portal and a client for the given role, with fast retries.
func newPortal(t *testing.T, opts mockportal.Options, role mockportal.Role, tweak ...func(*docspace.Config)) (*mockportal.Server, *docspace.Client) {
	t.Helper()
	srv := mockportal.StartTest(t, opts)
	cfg := docspace.Config{
		PortalURL: srv.URL, APIKey: srv.Key(role), UserAgent: "docspace-test/1",
		MaxRetries: 3, RetryWaitMin: 5 * time.Millisecond, RetryWaitMax: 20 * time.Millisecond,
	}
	for _, f := range tweak {
		f(&cfg)
	}
	client, err := docspace.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return srv, client
}

func requestLines(srv *mockportal.Server) []string { return srv.RequestLines() }

func assertRequests(t *testing.T, srv *mockportal.Server, want ...string) {
	t.Helper()
	got := requestLines(srv)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("requests:\n got  %q\n want %q", got, want)
	}
}

func TestPathPrefixIsKept(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{PathPrefix: "/docspace", Backups: 1}, mockportal.Owner, func(c *docspace.Config) { c.PortalURL += "/" })
	if err := client.DeleteBackupHistory(context.Background(), false); err != nil {
		t.Fatal(err)
	}
	assertRequests(t, srv, "DELETE /docspace/api/2.0/backup/deletebackuphistory?Dump=false")
}

func TestRedirectIsNotFollowed(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{Backups: 1}, mockportal.Owner)
	srv.InjectFault(mockportal.Fault{Status: 301, Headers: map[string]string{"Location": "https://portal.example.com/api/2.0/backup/deletebackuphistory?Dump=false"}})
	err := client.DeleteBackupHistory(context.Background(), false)
	var redirect *docspace.RedirectError
	if !errors.As(err, &redirect) || redirect.Location != "https://portal.example.com/api/2.0/backup/deletebackuphistory" {
		t.Fatalf("err = %v", err)
	}
	assertRequests(t, srv, "DELETE /api/2.0/backup/deletebackuphistory?Dump=false")
}

func TestBodyIsCapped(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{Backups: 50}, mockportal.Owner, func(c *docspace.Config) { c.MaxBodyBytes = 1024 })
	_, err := client.BackupHistory(context.Background(), false)
	var decodeErr *docspace.DecodeError
	if !errors.As(err, &decodeErr) || !strings.Contains(err.Error(), "larger than 1024 bytes") {
		t.Fatalf("err = %v", err)
	}
	_ = srv
}

func TestAPIKeyIsRedactedFromEchoedBodies(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{}, mockportal.Owner)
	key := srv.Key(mockportal.Owner)
	srv.InjectFault(mockportal.Fault{Status: 401, Body: "<html><title>Denied for Authorization: Bearer " + key + "</title></html>"})
	err := client.DeleteBackupHistory(context.Background(), false)
	if err == nil || strings.Contains(err.Error(), key) || !strings.Contains(err.Error(), "[redacted]") {
		t.Fatalf("err = %v", err)
	}
}

func TestContextDeadlineDuringSlowAnswer(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{}, mockportal.Owner)
	srv.InjectFault(mockportal.Fault{Delay: mockportal.Duration(10 * time.Second)})
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	err := client.DeleteBackupHistory(ctx, false)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want context.DeadlineExceeded", err)
	}
	if got := len(srv.Requests()); got > 1 {
		t.Errorf("retried after the deadline: %d requests", got)
	}
}

func TestNewValidates(t *testing.T) {
	for _, cfg := range []docspace.Config{
		{PortalURL: "ftp://x", APIKey: "k"},
		{PortalURL: "https://x", APIKey: ""},
		{PortalURL: "https://x", APIKey: "k", MaxRetries: -1},
	} {
		if _, err := docspace.New(cfg); err == nil {
			t.Errorf("New(%+v) accepted", cfg)
		}
	}
}
