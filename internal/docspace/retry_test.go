package docspace_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"1", time.Second, true},
		{" 30 ", 30 * time.Second, true},
		{"0", 0, true},
		{"99999999999999999", 24 * time.Hour, true},
		{now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second, true},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0, true},
		{"", 0, false},
		{"-5", 0, false},
		{"soon", 0, false},
		{"1.5", 0, false},
	}
	for _, tc := range cases {
		got, ok := docspace.ParseRetryAfter(tc.in, now)
		if got != tc.want || ok != tc.ok {
			t.Errorf("docspace.ParseRetryAfter(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestBackoff(t *testing.T) {
	b := docspace.Backoff(5 * time.Second)
	resp := func(code int, retryAfter string) *http.Response {
		r := &http.Response{StatusCode: code, Header: http.Header{}}
		if retryAfter != "" {
			r.Header.Set("Retry-After", retryAfter)
		}
		return r
	}
	if got := b(time.Second, 30*time.Second, 0, resp(429, "3")); got != 3*time.Second {
		t.Errorf("429 Retry-After 3 waited %v", got)
	}
	if got := b(time.Second, 30*time.Second, 0, resp(503, "600")); got != 5*time.Second {
		t.Errorf("Retry-After above the cap waited %v", got)
	}
	for attempt := range 40 {
		step := min(time.Second<<min(attempt, 29), 30*time.Second)
		got := b(time.Second, 30*time.Second, attempt, resp(502, "7"))
		if got < step/2 || got > step {
			t.Errorf("attempt %d waited %v, want within [%v, %v] (Retry-After ignored on 502)", attempt, got, step/2, step)
		}
	}
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
