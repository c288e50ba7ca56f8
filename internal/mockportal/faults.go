package mockportal

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Fault programs the answer to the next Times requests matching Method and Path. It can
// answer a given status, headers and body (HTML is fine), wait first, or drop the
// connection without answering. A Fault with only Delay set delays the real answer.
type Fault struct {
	// Method matches case-insensitively; empty matches any method.
	Method string `json:"method"`
	// Path is the API path ("/api/2.0/backup/deletebackuphistory") or just the endpoint
	// name ("deletebackuphistory"); empty matches any path.
	Path string `json:"path"`
	// Times is how many requests this fault answers; 0 means 1, negative means forever.
	Times   int               `json:"times"`
	Status  int               `json:"status"`
	Headers map[string]string `json:"headers"`
	Body    string            `json:"body"`
	Delay   Duration          `json:"delay"`
	// Drop closes the TCP connection without an answer (a connection reset for the client).
	Drop bool `json:"drop"`
}

// Duration is a time.Duration that reads "2s" or a number of milliseconds from JSON.
type Duration time.Duration

func (d *Duration) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		parsed, err := time.ParseDuration(s)
		if err != nil {
			return err
		}
		*d = Duration(parsed)
		return nil
	}
	var ms int64
	if err := json.Unmarshal(b, &ms); err != nil {
		return fmt.Errorf("delay: want a duration string like \"2s\" or milliseconds")
	}
	*d = Duration(time.Duration(ms) * time.Millisecond)
	return nil
}

func (d Duration) MarshalJSON() ([]byte, error) { return json.Marshal(time.Duration(d).String()) }

type faultRule struct {
	Fault
	left int // < 0: forever
}

func (f *Fault) matches(method, apiPath string) bool {
	if f.Method != "" && !strings.EqualFold(f.Method, method) {
		return false
	}
	if f.Path == "" {
		return true
	}
	want := strings.ToLower(f.Path)
	got := strings.ToLower(apiPath)
	return got == want || strings.HasSuffix(got, "/"+strings.TrimPrefix(want, "/"))
}

// Validate refuses a fault that would inject nothing, so a test cannot pass because its
// fault was silently a no-op.
func (f Fault) Validate() error {
	switch {
	case f.Drop && (f.Status != 0 || f.Body != "" || len(f.Headers) > 0):
		return errors.New("drop closes the connection without an answer: it cannot also set status, headers or body")
	case f.Status != 0 && (f.Status < 100 || f.Status > 599):
		return fmt.Errorf("status %d is not an HTTP status", f.Status)
	case f.Status == 0 && (f.Body != "" || len(f.Headers) > 0):
		return errors.New("body and headers need a status")
	case f.Delay < 0:
		return errors.New("delay must not be negative")
	case f.Status == 0 && !f.Drop && f.Delay == 0:
		return errors.New("the fault does nothing: set status, delay or drop")
	}
	return nil
}

// ParseFaults reads one fault object or a list of them, refusing fields it does not know
// (a misspelt field would otherwise inject nothing) and faults that do nothing.
func ParseFaults(body []byte) ([]Fault, error) {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) > 0 && trimmed[0] == '{' {
		trimmed = append(append([]byte{'['}, trimmed...), ']')
	}
	dec := json.NewDecoder(bytes.NewReader(trimmed))
	dec.DisallowUnknownFields()
	var faults []Fault
	if err := dec.Decode(&faults); err != nil {
		return nil, fmt.Errorf("want a fault object or a list of them: %w", err)
	}
	for i, f := range faults {
		if err := f.Validate(); err != nil {
			return nil, fmt.Errorf("fault %d: %w", i, err)
		}
	}
	return faults, nil
}

// InjectFault appends a fault to the program. Faults are tried in the order added. A fault
// that fails Validate is a bug in the test, so it panics.
func (p *Portal) InjectFault(f Fault) {
	if err := f.Validate(); err != nil {
		panic("mockportal: invalid fault: " + err.Error())
	}
	left := f.Times
	if left == 0 {
		left = 1
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.faults = append(p.faults, &faultRule{Fault: f, left: left})
}

// ClearFaults drops every programmed fault.
func (p *Portal) ClearFaults() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.faults = nil
}

// takeFault consumes one use of the first matching fault. Caller holds p.mu.
func (p *Portal) takeFaultLocked(method, apiPath string) *Fault {
	for i, r := range p.faults {
		if !r.matches(method, apiPath) {
			continue
		}
		f := r.Fault
		if r.left > 0 {
			r.left--
			if r.left == 0 {
				p.faults = append(p.faults[:i], p.faults[i+1:]...)
			}
		}
		return &f
	}
	return nil
}

// apply plays a fault. It reports whether the request was fully answered (or dropped).
func (f *Fault) apply(w http.ResponseWriter, r *http.Request) bool {
	if f.Delay > 0 {
		t := time.NewTimer(time.Duration(f.Delay))
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return true
		}
	}
	if f.Drop {
		if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
			_ = conn.Close()
			return true
		}
		panic(http.ErrAbortHandler) // closes the connection without an answer
	}
	if f.Status == 0 {
		return false
	}
	for k, v := range f.Headers {
		w.Header().Set(k, v)
	}
	if w.Header().Get("Content-Type") == "" {
		ct := "application/json; charset=utf-8"
		if strings.HasPrefix(strings.TrimSpace(f.Body), "<") {
			ct = "text/html; charset=utf-8"
		}
		w.Header().Set("Content-Type", ct)
	}
	w.WriteHeader(f.Status)
	_, _ = w.Write([]byte(f.Body))
	return true
}
