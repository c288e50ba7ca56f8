package mockportal

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"
	"time"
)

// Request is one entry of the request log.
type Request struct {
	Method string    `json:"method"`
	Path   string    `json:"path"`
	Query  string    `json:"query"`
	Auth   string    `json:"auth"`   // "header" (raw key), "bearer", "cookie" or "none"
	Status int       `json:"status"` // 0 when the connection was dropped without an answer
	Time   time.Time `json:"time"`
	// UserAgent is kept so tests can check what the client says about itself.
	UserAgent string `json:"user_agent"`
}

// Requests returns the API requests seen so far (the /__mock/ control routes are not
// logged).
func (p *Portal) Requests() []Request {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]Request(nil), p.log...)
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
	p.mu.Lock()
	defer p.mu.Unlock()
	p.log = nil
}

// endpoint handles one backup API route once the caller is known to manage backups.
type endpoint struct {
	method string
	serve  func(p *Portal, w http.ResponseWriter, r *http.Request, q query)
}

// endpoints maps lower-case endpoint names (ASP.NET routes are case-insensitive).
var endpoints = map[string]endpoint{
	"getbackuphistory":     {http.MethodGet, (*Portal).getBackupHistory},
	"deletebackuphistory":  {http.MethodDelete, (*Portal).deleteBackupHistory},
	"startbackup":          {http.MethodPost, (*Portal).startBackup},
	"getbackupprogress":    {http.MethodGet, (*Portal).getBackupProgress},
	"cancelbackup":         {http.MethodPost, (*Portal).cancelBackup},
	"getbackupschedule":    {http.MethodGet, (*Portal).getBackupSchedule},
	"createbackupschedule": {http.MethodPost, (*Portal).createBackupSchedule},
	"deletebackupschedule": {http.MethodDelete, (*Portal).deleteBackupSchedule},
	"deletebackup/{id}":    {http.MethodDelete, nil}, // served by deleteBackup with the id
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return s.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection (Drop faults hijack it).
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// ServeHTTP serves the backup API below the path prefix and the /__mock/ control routes.
func (p *Portal) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/__mock/") {
		p.serveControl(w, r)
		return
	}
	apiPath, underPrefix := strings.CutPrefix(r.URL.Path, p.opts.PathPrefix)
	entry := Request{Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery, Auth: authForm(r), Time: p.opts.Now(), UserAgent: r.UserAgent()}

	p.mu.Lock()
	fault := p.takeFaultLocked(r.Method, apiPath)
	p.mu.Unlock()

	rec := &statusRecorder{ResponseWriter: w}
	defer func() {
		entry.Status = rec.status
		p.mu.Lock()
		p.log = append(p.log, entry)
		p.mu.Unlock()
	}()
	if fault != nil && fault.apply(rec, r) {
		return
	}
	if !underPrefix {
		notFoundPage(rec)
		return
	}
	p.serveAPI(rec, r, apiPath)
}

func (p *Portal) serveAPI(w http.ResponseWriter, r *http.Request, apiPath string) {
	name, ok := strings.CutPrefix(strings.ToLower(apiPath), "/api/2.0/backup/")
	backupID := ""
	if rest, isDelete := strings.CutPrefix(name, "deletebackup/"); isDelete {
		// The route only matches a GUID; anything else is a 404 like an unknown path.
		if !guidRE.MatchString(rest) {
			notFoundPage(w)
			return
		}
		name, backupID = "deletebackup/{id}", rest
	}
	ep, known := endpoints[name]
	if !ok || !known {
		notFoundPage(w)
		return
	}
	if r.Method != ep.method {
		w.Header().Set("Allow", ep.method)
		fail(w, http.StatusMethodNotAllowed, "Method not allowed", "")
		return
	}
	role, known := p.caller(r)
	if !known {
		fail(w, http.StatusUnauthorized, "Unauthorized", "System.Security.Authentication.AuthenticationException")
		return
	}
	if !role.managesBackups() {
		fail(w, http.StatusForbidden, "Access denied", "System.Security.SecurityException")
		return
	}
	p.mu.Lock()
	disabled := p.opts.BackupDisabled
	p.mu.Unlock()
	if disabled {
		fail(w, http.StatusPaymentRequired, "Your pricing plan does not support this option", "ASC.Core.Billing.BillingException")
		return
	}
	q, err := parseQuery(r)
	if err != nil {
		fail(w, http.StatusBadRequest, err.Error(), "System.ArgumentException")
		return
	}
	if q.dump && !p.opts.Standalone {
		// Whole-server operations exist on self-hosted installations only.
		fail(w, http.StatusForbidden, "Access denied", "System.Security.SecurityException")
		return
	}
	if backupID != "" {
		p.deleteBackup(w, r, backupID)
		return
	}
	ep.serve(p, w, r, q)
}

var guidRE = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

func (p *Portal) caller(r *http.Request) (Role, bool) {
	key := strings.TrimSpace(r.Header.Get("Authorization"))
	key = strings.TrimSpace(strings.TrimPrefix(key, "Bearer "))
	if key == "" {
		if c, err := r.Cookie("asc_auth_key"); err == nil {
			key = c.Value
		}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	role, ok := p.keys[key]
	return role, ok && key != ""
}

func authForm(r *http.Request) string {
	h := r.Header.Get("Authorization")
	switch {
	case strings.HasPrefix(h, "Bearer "):
		return "bearer"
	case h != "":
		return "header"
	}
	if _, err := r.Cookie("asc_auth_key"); err == nil {
		return "cookie"
	}
	return "none"
}

// query holds the bound query flags.
type query struct{ dump bool }

// parseQuery binds query flags the ASP.NET way: names case-insensitive, booleans
// "true"/"false" in any case, anything else a 400.
func parseQuery(r *http.Request) (query, error) {
	var q query
	for name, values := range r.URL.Query() {
		if !strings.EqualFold(name, "dump") || len(values) == 0 {
			continue
		}
		v := strings.TrimSpace(values[0])
		switch {
		case strings.EqualFold(v, "true"):
			q.dump = true
		case strings.EqualFold(v, "false"):
			q.dump = false
		default:
			return q, fmt.Errorf("The value '%s' is not valid for Dump.", values[0]) //nolint:staticcheck // DocSpace's own wording
		}
	}
	return q, nil
}

func notFoundPage(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	_, _ = io.WriteString(w, "<!DOCTYPE html>\n<html><head><title>404 - Page not found</title></head>\n<body><h1>ONLYOFFICE DocSpace</h1><p>The page you requested does not exist.</p></body></html>\n")
}

func (p *Portal) getBackupHistory(w http.ResponseWriter, r *http.Request, q query) {
	p.mu.Lock()
	records := p.historyLocked(q.dump)
	p.mu.Unlock()
	list := make([]map[string]any, 0, len(records))
	for _, rec := range records {
		list = append(list, map[string]any{
			"id":          rec.ID,
			"fileName":    rec.FileName,
			"storageType": rec.StorageType,
			"createdOn":   apiTime(rec.CreatedOn),
			"expiresOn":   apiLocalTime(rec.ExpiresOn),
		})
	}
	p.ok(w, r, list)
}

func (p *Portal) deleteBackupHistory(w http.ResponseWriter, r *http.Request, q query) {
	p.mu.Lock()
	p.deleteAllLocked(q.dump)
	p.mu.Unlock()
	// True whatever happened: DocSpace swallows per-record failures.
	p.ok(w, r, true)
}

// serveControl is the test-control API: GET /__mock/requests, POST /__mock/faults.
func (p *Portal) serveControl(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.URL.Path == "/__mock/requests" && r.Method == http.MethodGet:
		writeJSON(w, http.StatusOK, p.Requests())
	case r.URL.Path == "/__mock/requests" && r.Method == http.MethodDelete:
		p.ResetRequests()
		w.WriteHeader(http.StatusNoContent)
	case r.URL.Path == "/__mock/faults" && r.Method == http.MethodPost:
		body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		var faults []Fault
		if err := json.Unmarshal(body, &faults); err != nil {
			var one Fault
			if err1 := json.Unmarshal(body, &one); err1 != nil {
				http.Error(w, "want a fault object or a list of them: "+err1.Error(), http.StatusBadRequest)
				return
			}
			faults = []Fault{one}
		}
		for _, f := range faults {
			p.InjectFault(f)
		}
		w.WriteHeader(http.StatusNoContent)
	case r.URL.Path == "/__mock/faults" && r.Method == http.MethodDelete:
		p.ClearFaults()
		w.WriteHeader(http.StatusNoContent)
	default:
		http.NotFound(w, r)
	}
}
