package docspace

import (
	"encoding/json"
	"testing"
	"time"
)

func FuzzNormalizePortalURL(f *testing.F) {
	for _, s := range []string{"https://example.onlyoffice.com/", "http://127.0.0.1:1/x", "https://a/b?c#d", "https://[::1", "%zz", "https://u:p@h"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		got, err := NormalizePortalURL(raw)
		if err != nil {
			return
		}
		again, err := NormalizePortalURL(got)
		if err != nil || again != got {
			t.Fatalf("not idempotent: %q -> %q -> %q, %v", raw, got, again, err)
		}
	})
}

func FuzzDecodeEnvelope(f *testing.F) {
	for _, s := range []string{
		`{"response":[{"id":"x","fileName":"a","storageType":4,"createdOn":"2026-03-01T02:15:00","expiresOn":null}],"count":1}`,
		`{"error":{"message":"Access denied","stack":"at x"},"status":1,"statusCode":403}`,
		`{"response":true}`, `{"count":0}`, `<html><title>x</title>`, `{"response":tr`, ``,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		_, _ = errorMessage(raw)
		env, err := decodeEnvelope(raw)
		if err != nil {
			return
		}
		var records []wireBackupRecord
		_ = json.Unmarshal(env.Response, &records)
	})
}

func FuzzParseTimestamp(f *testing.F) {
	for _, s := range []string{"2026-03-01T02:15:00", "2026-03-01T02:15:00.0000000+03:00", "x", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ts, err := ParseTimestamp(s)
		if err == nil && ts.Location() != time.UTC {
			t.Fatalf("%q parsed to non-UTC %v", s, ts)
		}
	})
}

func FuzzParseRetryAfter(f *testing.F) {
	for _, s := range []string{"1", "120", "Fri, 27 Nov 2026 12:00:00 GMT", "-1", "", "9999999999999999999"} {
		f.Add(s)
	}
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := ParseRetryAfter(s, now)
		if d < 0 || d > 24*time.Hour || (!ok && d != 0) {
			t.Fatalf("ParseRetryAfter(%q) = %v, %v", s, d, ok)
		}
	})
}
