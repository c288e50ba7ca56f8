package docspace_test

import (
	"testing"
	"time"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

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
		got, err := docspace.ParseTimestamp(in)
		if err != nil || !got.Equal(exp) || got.Location() != time.UTC {
			t.Errorf("docspace.ParseTimestamp(%q) = %v, %v; want %v UTC", in, got, err, exp)
		}
	}
	for _, in := range []string{"", "yesterday", "2026-13-01T00:00:00", "2026-03-01", "1700000000"} {
		if _, err := docspace.ParseTimestamp(in); err == nil {
			t.Errorf("docspace.ParseTimestamp(%q) accepted", in)
		}
	}
}
