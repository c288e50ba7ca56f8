package mockportal

import (
	"net/http"
	"time"
)

// Request is one entry of the request log.
type Request struct {
	Method string    `json:"method"`
	Path   string    `json:"path"`
	Query  string    `json:"query"`
	Auth   string    `json:"auth"`   // "header" (raw key), "bearer", "cookie" or "none"
	Status int       `json:"status"` // 0 while unanswered, and when the connection was dropped
	Time   time.Time `json:"time"`
	// UserAgent is kept so tests can check what the client says about itself.
	UserAgent string `json:"user_agent"`
}

// logRequest appends r to the log as it arrives; statusRecorder fills in the status.
func (p *Portal) logRequest(r *http.Request) *Request {
	entry := &Request{Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery, Auth: authForm(r), Time: p.opts.Now(), UserAgent: r.UserAgent()}
	p.logMu.Lock()
	defer p.logMu.Unlock()
	p.log = append(p.log, entry)
	return entry
}

// Requests returns the API requests seen so far (the /__mock/ control routes are not
// logged).
func (p *Portal) Requests() []Request {
	p.logMu.Lock()
	defer p.logMu.Unlock()
	out := make([]Request, len(p.log))
	for i, r := range p.log {
		out[i] = *r
	}
	return out
}

// RequestLines renders the request log as "METHOD /path?query" lines, for assertions.
func (p *Portal) RequestLines() []string {
	var out []string
	for _, r := range p.Requests() {
		line := r.Method + " " + r.Path
		if r.Query != "" {
			line += "?" + r.Query
		}
		out = append(out, line)
	}
	return out
}

// ResetRequests empties the request log.
func (p *Portal) ResetRequests() {
	p.logMu.Lock()
	defer p.logMu.Unlock()
	p.log = nil
}

// statusRecorder notes the status of the answer in the request's log entry as soon as
// the header is written.
type statusRecorder struct {
	http.ResponseWriter
	entry  *Request
	portal *Portal
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
		s.portal.logMu.Lock()
		s.entry.Status = code
		s.portal.logMu.Unlock()
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.WriteHeader(http.StatusOK)
	}
	return s.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection (Drop faults hijack it).
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }
