package provider

import (
	"testing"
	"time"
)

func TestParseAge(t *testing.T) {
	good := map[string]time.Duration{"30d": 30 * 24 * time.Hour, "720h": 720 * time.Hour, "90m": 90 * time.Minute, "1h30m": 90 * time.Minute}
	good[" 1d "] = 24 * time.Hour // surrounding spaces are trimmed
	for in, want := range good {
		if got, err := parseAge(in); err != nil || got != want {
			t.Errorf("parseAge(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "30", "30 days", "-5h", "0d", "0s", "1.5d", "d", "99999999d"} {
		if _, err := parseAge(in); err == nil {
			t.Errorf("parseAge(%q) accepted", in)
		}
	}
}
