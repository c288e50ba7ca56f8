package docspace_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
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
	srv, err := mockportal.Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
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

func TestBackupHistory_DecodesRecords(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{}, mockportal.Owner)
	created := time.Date(2026, 3, 1, 2, 15, 0, 0, time.UTC)
	srv.AddRecords(false, mockportal.Record{ID: "6c3f9a1e-0000-4000-8000-000000000001", FileName: "a.tar.gz", StorageType: mockportal.StorageThirdPartyConsumer, CreatedOn: created, ExpiresOn: created.Add(48 * time.Hour)})

	records, err := client.BackupHistory(context.Background(), false)
	if err != nil {
		t.Fatal(err)
	}
	if len(records) != 1 {
		t.Fatalf("got %d records, want 1", len(records))
	}
	r := records[0]
	if r.ID != "6c3f9a1e-0000-4000-8000-000000000001" || r.FileName != "a.tar.gz" || r.StorageType.String() != "ThirdPartyConsumer" {
		t.Errorf("record = %+v", r)
	}
	if !r.CreatedOn.Equal(created) || r.CreatedOn.Location() != time.UTC {
		t.Errorf("createdOn = %v, want %v in UTC (the mock sends it at +03:00)", r.CreatedOn, created)
	}
	if !r.ExpiresOn.Equal(created.Add(48 * time.Hour)) {
		t.Errorf("expiresOn = %v (the mock sends it without offset)", r.ExpiresOn)
	}
	assertRequests(t, srv, "GET /api/2.0/backup/getbackuphistory?Dump=false")
	if got := srv.Requests()[0]; got.Auth != "bearer" || got.UserAgent != "docspace-test/1" {
		t.Errorf("auth form %q, user agent %q", got.Auth, got.UserAgent)
	}
}

func TestBackupHistory_EmptyAndMissingResponse(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{}, mockportal.Owner)
	records, err := client.BackupHistory(context.Background(), false)
	if err != nil || len(records) != 0 {
		t.Fatalf("fresh portal: %v, %v", records, err)
	}
	srv.InjectFault(mockportal.Fault{Path: "getbackuphistory", Status: 200, Body: `{"count":0,"status":0,"statusCode":200}`})
	records, err = client.BackupHistory(context.Background(), false)
	if err != nil || len(records) != 0 {
		t.Fatalf("no response member: %v, %v", records, err)
	}
}

func TestDeleteBackupHistory(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{Backups: 3, Standalone: true, DumpBackups: 2}, mockportal.Owner)
	if err := client.DeleteBackupHistory(context.Background(), false); err != nil {
		t.Fatal(err)
	}
	if n := len(srv.Records(false)); n != 0 {
		t.Errorf("%d portal records left", n)
	}
	if n := len(srv.Records(true)); n != 2 {
		t.Errorf("dump records touched: %d left, want 2", n)
	}
	if err := client.DeleteBackupHistory(context.Background(), true); err != nil {
		t.Fatal(err)
	}
	if n := len(srv.Records(true)); n != 0 {
		t.Errorf("%d dump records left", n)
	}
	assertRequests(t, srv, "DELETE /api/2.0/backup/deletebackuphistory?Dump=false", "DELETE /api/2.0/backup/deletebackuphistory?Dump=true")
}

func TestDeleteBackupHistory_ResponseMustBeTrue(t *testing.T) {
	for name, body := range map[string]string{
		"false":          `{"response":false,"count":1,"status":0,"statusCode":200}`,
		"missing":        `{"count":0,"status":0,"statusCode":200}`,
		"not a bool":     `{"response":"ok","count":1,"status":0,"statusCode":200}`,
		"truncated JSON": `{"response":tr`,
		"HTML login":     "<!DOCTYPE html><html><head><title>Sign in - Corporate SSO</title></head><body>secret-page-body</body></html>",
		"empty":          ``,
	} {
		t.Run(name, func(t *testing.T) {
			srv, client := newPortal(t, mockportal.Options{}, mockportal.Owner)
			srv.InjectFault(mockportal.Fault{Path: "deletebackuphistory", Status: 200, Body: body})
			err := client.DeleteBackupHistory(context.Background(), false)
			var decodeErr *docspace.DecodeError
			if !errors.As(err, &decodeErr) {
				t.Fatalf("err = %v, want a DecodeError", err)
			}
			if strings.Contains(err.Error(), "secret-page-body") {
				t.Errorf("error dumps the page: %v", err)
			}
			if name == "HTML login" && !strings.Contains(err.Error(), "Sign in - Corporate SSO") {
				t.Errorf("error does not name the page title: %v", err)
			}
			assertRequests(t, srv, "DELETE /api/2.0/backup/deletebackuphistory?Dump=false")
		})
	}
}

func TestErrors_PerStatus(t *testing.T) {
	cases := []struct {
		name    string
		opts    mockportal.Options
		role    mockportal.Role
		badKey  bool
		dump    bool
		status  int
		message string
	}{
		{name: "unknown key", role: mockportal.Owner, badKey: true, status: 401, message: "Unauthorized"},
		{name: "room admin", role: mockportal.RoomAdmin, status: 403, message: "Access denied"},
		{name: "user", role: mockportal.User, status: 403, message: "Access denied"},
		{name: "guest", role: mockportal.Guest, status: 403, message: "Access denied"},
		{name: "backup disabled", opts: mockportal.Options{BackupDisabled: true}, role: mockportal.DocSpaceAdmin, status: 402, message: "Your pricing plan does not support this option"},
		{name: "dump on SaaS", role: mockportal.Owner, dump: true, status: 403, message: "Access denied"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv, client := newPortal(t, tc.opts, tc.role, func(c *docspace.Config) {
				if tc.badKey {
					c.APIKey = "sk-not-a-key"
				}
			})
			err := client.DeleteBackupHistory(context.Background(), tc.dump)
			var apiErr *docspace.APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("err = %v, want an APIError", err)
			}
			if apiErr.StatusCode != tc.status || apiErr.Message != tc.message || apiErr.Attempts != 1 {
				t.Errorf("got %d %q after %d attempts, want %d %q after 1", apiErr.StatusCode, apiErr.Message, apiErr.Attempts, tc.status, tc.message)
			}
			if strings.Contains(err.Error(), "ASC.") || strings.Contains(err.Error(), " at ") {
				t.Errorf("error leaks the stack trace: %v", err)
			}
			if len(srv.Requests()) != 1 {
				t.Errorf("a %d was retried: %v", tc.status, requestLines(srv))
			}
		})
	}
}

func TestErrors_NotFoundHTML(t *testing.T) {
	srv, err := mockportal.Start(mockportal.Options{PathPrefix: "/docspace"})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	client, err := docspace.New(docspace.Config{PortalURL: strings.TrimSuffix(srv.URL, "/docspace"), APIKey: srv.Key(mockportal.Owner)})
	if err != nil {
		t.Fatal(err)
	}
	err = client.DeleteBackupHistory(context.Background(), false)
	if docspace.StatusCode(err) != 404 || !strings.Contains(err.Error(), "404 - Page not found") || strings.Contains(err.Error(), "<") {
		t.Fatalf("err = %v", err)
	}
}

func TestPathPrefixIsKept(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{PathPrefix: "/docspace", Backups: 1}, mockportal.Owner, func(c *docspace.Config) { c.PortalURL += "/" })
	if err := client.DeleteBackupHistory(context.Background(), false); err != nil {
		t.Fatal(err)
	}
	assertRequests(t, srv, "DELETE /docspace/api/2.0/backup/deletebackuphistory?Dump=false")
}

func TestRetry_429HonoursRetryAfter(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{}, mockportal.Owner)
	srv.InjectFault(mockportal.Fault{Path: "deletebackuphistory", Status: 429, Headers: map[string]string{"Retry-After": "1"}, Body: `{"error":{"message":"Too many requests"},"status":1,"statusCode":429}`})
	start := time.Now()
	if err := client.DeleteBackupHistory(context.Background(), false); err != nil {
		t.Fatal(err)
	}
	if waited := time.Since(start); waited < time.Second {
		t.Errorf("retried after %v, before Retry-After (1s)", waited)
	}
	assertRequests(t, srv, "DELETE /api/2.0/backup/deletebackuphistory?Dump=false", "DELETE /api/2.0/backup/deletebackuphistory?Dump=false")
}

func TestRetry_RetryAfterIsCapped(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{}, mockportal.Owner, func(c *docspace.Config) { c.MaxRetryAfter = 50 * time.Millisecond })
	srv.InjectFault(mockportal.Fault{Path: "deletebackuphistory", Status: 503, Headers: map[string]string{"Retry-After": "3600"}, Body: "<html><title>Maintenance</title></html>"})
	start := time.Now()
	if err := client.DeleteBackupHistory(context.Background(), false); err != nil {
		t.Fatal(err)
	}
	if waited := time.Since(start); waited > 10*time.Second {
		t.Errorf("waited %v despite the cap", waited)
	}
}

func TestRetry_TransientThenSuccess(t *testing.T) {
	for _, f := range []mockportal.Fault{
		{Status: 502, Times: 2, Body: "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"},
		{Status: 503, Body: "<html><head><title>503 Service Unavailable</title></head></html>"},
		{Status: 504, Body: "upstream timed out"},
		{Drop: true},
	} {
		t.Run(fmt.Sprintf("status %d drop %v", f.Status, f.Drop), func(t *testing.T) {
			srv, client := newPortal(t, mockportal.Options{Backups: 2}, mockportal.Owner)
			f.Path = "deletebackuphistory"
			srv.InjectFault(f)
			if err := client.DeleteBackupHistory(context.Background(), false); err != nil {
				t.Fatal(err)
			}
			times := max(f.Times, 1)
			if got := len(srv.Requests()); got != times+1 {
				t.Errorf("%d requests, want %d", got, times+1)
			}
			if len(srv.Records(false)) != 0 {
				t.Error("history not purged")
			}
		})
	}
}

func TestRetry_Exhausted(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{}, mockportal.Owner, func(c *docspace.Config) { c.MaxRetries = 2 })
	srv.InjectFault(mockportal.Fault{Path: "deletebackuphistory", Status: 502, Times: -1,
		Body: "<html>\n<head><title>502 Bad Gateway</title></head>\n<body><center>nginx/1.25 internal-detail</center></body></html>"})
	err := client.DeleteBackupHistory(context.Background(), false)
	var apiErr *docspace.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 502 || apiErr.Attempts != 3 || apiErr.Message != "502 Bad Gateway" {
		t.Fatalf("err = %#v", err)
	}
	if strings.Contains(err.Error(), "internal-detail") || strings.Contains(err.Error(), "<") {
		t.Errorf("error dumps the HTML page: %v", err)
	}
	if got := len(srv.Requests()); got != 3 {
		t.Errorf("%d requests, want 3", got)
	}
}

func TestRetry_ConnectionErrorsExhausted(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{}, mockportal.Owner, func(c *docspace.Config) { c.MaxRetries = 1 })
	srv.InjectFault(mockportal.Fault{Drop: true, Times: -1})
	err := client.DeleteBackupHistory(context.Background(), false)
	var transport *docspace.TransportError
	if !errors.As(err, &transport) || transport.Attempts != 2 {
		t.Fatalf("err = %v", err)
	}
}

func TestNoRetryOnOther4xx(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{}, mockportal.Owner)
	srv.InjectFault(mockportal.Fault{Status: 400, Times: -1, Body: `{"error":{"message":"bad"},"status":1,"statusCode":400}`})
	if err := client.DeleteBackupHistory(context.Background(), false); docspace.StatusCode(err) != 400 {
		t.Fatalf("err = %v", err)
	}
	if got := len(srv.Requests()); got != 1 {
		t.Errorf("%d requests, want 1", got)
	}
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

func TestContextCancelStopsRetryWait(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{}, mockportal.Owner)
	srv.InjectFault(mockportal.Fault{Status: 429, Times: -1, Headers: map[string]string{"Retry-After": "60"}})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	err := client.DeleteBackupHistory(ctx, false)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("cancellation took %v", took)
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

func TestClientReusesConnections(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{}, mockportal.Owner)
	for range 20 {
		if err := client.DeleteBackupHistory(context.Background(), false); err != nil {
			t.Fatal(err)
		}
	}
	if got := srv.ConnStats().Accepted; got != 1 {
		t.Errorf("20 sequential calls opened %d connections, want 1", got)
	}
	_ = http.StatusOK
}

func TestTLS_PrivateCA(t *testing.T) {
	srv, err := mockportal.Start(mockportal.Options{TLS: true, Backups: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	newClient := func(opts docspace.TransportOptions) *docspace.Client {
		transport, err := docspace.NewTransport(opts)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(transport.CloseIdleConnections)
		c, err := docspace.New(docspace.Config{PortalURL: srv.URL, APIKey: srv.Key(mockportal.Owner), MaxRetries: 3, HTTPClient: &http.Client{Transport: transport}})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	// Untrusted: a certificate error, not retried.
	_, err = newClient(docspace.TransportOptions{}).BackupHistory(context.Background(), false)
	if err == nil || !strings.Contains(err.Error(), "x509") {
		t.Fatalf("untrusted certificate: %v", err)
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("%d requests got through an untrusted TLS handshake", n)
	}
	if _, err := newClient(docspace.TransportOptions{CACertificatesPEM: []byte(srv.CAPEM)}).BackupHistory(context.Background(), false); err != nil {
		t.Errorf("trusted CA: %v", err)
	}
	if _, err := newClient(docspace.TransportOptions{InsecureSkipVerify: true}).BackupHistory(context.Background(), false); err != nil {
		t.Errorf("insecure_skip_verify: %v", err)
	}
	if _, err := docspace.NewTransport(docspace.TransportOptions{CACertificatesPEM: []byte("junk")}); err == nil {
		t.Error("junk CA accepted")
	}
}

func TestPlainHTTPOnlyToLoopback(t *testing.T) {
	for url, ok := range map[string]bool{
		"http://127.0.0.1:8080":        true,
		"http://localhost":             true,
		"http://[::1]:1":               true,
		"https://docspace.example":     true,
		"http://docspace.example":      false,
		"http://10.0.0.5":              false,
		"http://127.0.0.1.nip.example": false,
	} {
		_, err := docspace.New(docspace.Config{PortalURL: url, APIKey: "k"})
		if (err == nil) != ok {
			t.Errorf("%s: err = %v, want ok=%v", url, err, ok)
		}
		if _, err := docspace.New(docspace.Config{PortalURL: url, APIKey: "k", AllowInsecureHTTP: true}); err != nil {
			t.Errorf("%s with AllowInsecureHTTP: %v", url, err)
		}
	}
}

func TestClientCapsConnectionsPerPortal(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{}, mockportal.Owner)
	srv.InjectFault(mockportal.Fault{Times: -1, Delay: mockportal.Duration(20 * time.Millisecond)})
	errs := make(chan error, 40)
	for range 40 {
		go func() { errs <- client.DeleteBackupHistory(context.Background(), false) }()
	}
	for range 40 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	if stats := srv.ConnStats(); stats.Accepted > docspace.MaxConnsPerPortal {
		t.Errorf("40 concurrent calls opened %d connections, want at most %d", stats.Accepted, docspace.MaxConnsPerPortal)
	}
}
