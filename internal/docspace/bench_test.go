package docspace

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func historyBody(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"response":[`)
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id":"6c3f9a1e-0000-4000-8000-%012d","fileName":"backup_%d.tar.gz","storageType":4,"createdOn":"2026-03-01T05:15:00.0000000+03:00","expiresOn":"2026-04-01T02:15:00"}`, i, i)
	}
	fmt.Fprintf(&b, `],"count":%d,"links":[{"href":"x","action":"GET"}],"status":0,"statusCode":200}`, n)
	return []byte(b.String())
}

func BenchmarkDecodeHistory100(b *testing.B) {
	raw := historyBody(100)
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		env, err := decodeEnvelope(raw)
		if err != nil {
			b.Fatal(err)
		}
		var records []wireBackupRecord
		if err := json.Unmarshal(env.Response, &records); err != nil || len(records) != 100 {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeTrue(b *testing.B) {
	raw := []byte(`{"response":true,"count":1,"links":[{"href":"x","action":"DELETE"}],"status":0,"statusCode":200}`)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := decodeEnvelope(raw); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkErrorMessageHTML(b *testing.B) {
	raw := []byte("<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>" + strings.Repeat("<p>x</p>", 500) + "</body></html>")
	b.ReportAllocs()
	for b.Loop() {
		if m, _ := errorMessage(raw); m != "502 Bad Gateway" {
			b.Fatal(m)
		}
	}
}

func BenchmarkParseTimestamp(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseTimestamp("2026-03-01T05:15:00.0000000+03:00"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDeleteBackupHistoryRoundTrip is one purge request through the whole client
// (retry wrapper, headers, capped read, envelope) over loopback HTTP.
func BenchmarkDeleteBackupHistoryRoundTrip(b *testing.B) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"response":true,"count":1,"status":0,"statusCode":200}`))
	}))
	defer srv.Close()
	c, err := New(Config{PortalURL: srv.URL, APIKey: "sk-bench"})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := c.DeleteBackupHistory(context.Background(), false); err != nil {
			b.Fatal(err)
		}
	}
}
