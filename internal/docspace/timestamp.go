package docspace

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// unquotePlain returns the content of a JSON string literal that has no escapes.
func unquotePlain(b []byte) (string, bool) {
	if len(b) < 2 || b[0] != '"' || b[len(b)-1] != '"' || bytes.IndexByte(b[1:len(b)-1], '\\') >= 0 {
		return "", false
	}
	return string(b[1 : len(b)-1]), true
}

// Timestamp is a DocSpace date-time. The API writes them with or without an offset and with
// or without a 7-digit fraction; a missing offset means UTC.
type Timestamp struct{ time.Time }

// ParseTimestamp parses the forms DocSpace emits: 2026-03-01T02:15:00,
// 2026-03-01T02:15:00.0000000+03:00, 2026-03-01T02:15:00Z and their mixes.
func ParseTimestamp(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	// RFC3339Nano's fraction is optional on parse, so one layout covers every form with an
	// offset; the second covers the offset-less form.
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t.UTC(), nil
	}
	if t, err := time.ParseInLocation("2006-01-02T15:04:05.999999999", s, time.UTC); err == nil {
		return t.UTC(), nil
	}
	return time.Time{}, fmt.Errorf("not a DocSpace timestamp: %q", truncate(s, 40))
}

// UnmarshalJSON accepts a string timestamp or null (zero time).
func (t *Timestamp) UnmarshalJSON(b []byte) error {
	if bytes.Equal(b, []byte("null")) {
		t.Time = time.Time{}
		return nil
	}
	// Fast path: a plain quoted string needs no JSON unescaping (timestamps never have
	// escapes), which saves a second decode per field.
	s, plain := unquotePlain(b)
	if !plain {
		if err := json.Unmarshal(b, &s); err != nil {
			return fmt.Errorf("timestamp: want a string, got %s", truncate(string(b), 40))
		}
	}
	parsed, err := ParseTimestamp(s)
	if err != nil {
		return err
	}
	t.Time = parsed
	return nil
}
