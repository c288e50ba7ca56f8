package docspace

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestNormalizePortalURL(t *testing.T) {
	good := map[string]string{
		"https://example.onlyoffice.com":         "https://example.onlyoffice.com",
		"https://example.onlyoffice.com/":        "https://example.onlyoffice.com",
		"  HTTPS://Example.OnlyOffice.com//  ":   "https://example.onlyoffice.com",
		"http://127.0.0.1:8080":                  "http://127.0.0.1:8080",
		"https://intranet.example.com/docspace/": "https://intranet.example.com/docspace",
		"https://intranet.example.com/a%20b/":    "https://intranet.example.com/a%20b",
		"https://[::1]:8443/docspace":            "https://[::1]:8443/docspace",
	}
	for in, want := range good {
		got, err := NormalizePortalURL(in)
		if err != nil || got != want {
			t.Errorf("NormalizePortalURL(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	bad := map[string]string{
		"":                            "empty",
		"example.onlyoffice.com":      "https://",
		"ftp://example.com":           "https://",
		"https://":                    "no host",
		"https://example.com?x=1":     "query",
		"https://example.com/?":       "query",
		"https://example.com/#top":    "fragment",
		"https://user:pw@example.com": "password",
		"https://exa mple.com":        "not a valid URL",
		"https://example.com:":        "empty port",
		"mailto:admin@example.com":    "https://",
		"https:example.com":           "no host",
	}
	for in, want := range bad {
		_, err := NormalizePortalURL(in)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("NormalizePortalURL(%q) error = %v; want one mentioning %q", in, err, want)
		}
	}
}

func TestParseTimestamp(t *testing.T) {
	want := time.Date(2026, 3, 1, 2, 15, 0, 0, time.UTC)
	for in, exp := range map[string]time.Time{
		"2026-03-01T02:15:00":               want,
		"2026-03-01T02:15:00Z":              want,
		"2026-03-01T05:15:00.0000000+03:00": want,
		"2026-03-01T05:15:00+03:00":         want,
		"2026-03-01T02:15:00.1234567":       want.Add(123456700),
		" 2026-03-01T01:15:00.5-01:00 ":     want.Add(500 * time.Millisecond), //nolint:gocritic // the spaces are the point
	} {
		got, err := ParseTimestamp(in)
		if err != nil || !got.Equal(exp) || got.Location() != time.UTC {
			t.Errorf("ParseTimestamp(%q) = %v, %v; want %v UTC", in, got, err, exp)
		}
	}
	for _, in := range []string{"", "yesterday", "2026-13-01T00:00:00", "2026-03-01", "1700000000"} {
		if _, err := ParseTimestamp(in); err == nil {
			t.Errorf("ParseTimestamp(%q) accepted", in)
		}
	}
}

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
		got, ok := ParseRetryAfter(tc.in, now)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ParseRetryAfter(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestBackoff(t *testing.T) {
	b := backoff(5 * time.Second)
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

func TestSnippet(t *testing.T) {
	for in, want := range map[string]string{
		"<html><head><title>\n 502 Bad\tGateway </title></head><body>x</body></html>": "502 Bad Gateway",
		"\n\n  upstream timed out\nsecond line":                                       "upstream timed out",
		"<title>A &amp; B</title>":                                                    "A & B",
		strings.Repeat("x", 500):                                                      strings.Repeat("x", 120) + "…",
		"":                                                                            "",
	} {
		if got := snippet([]byte(in)); got != want {
			t.Errorf("snippet(%.30q) = %q, want %q", in, got, want)
		}
	}
}

func TestStorageTypeNames(t *testing.T) {
	for i, name := range StorageTypeNames() {
		st, err := ParseStorageType(name)
		if err != nil || int(st) != i || st.String() != name {
			t.Errorf("%d %q: %v %v", i, name, st, err)
		}
	}
	if StorageType(9).String() != "9" {
		t.Error("unknown storage type should print its number")
	}
	if _, err := ParseStorageType("S3"); err == nil {
		t.Error("unknown name accepted")
	}
}
