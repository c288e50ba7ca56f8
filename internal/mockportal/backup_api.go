package mockportal

// The backup API area: /api/2.0/backup/... (backup history, jobs, schedules).

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
)

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
	"startrestore":         {http.MethodPost, (*Portal).startRestore},
	"getrestoreprogress":   {http.MethodGet, (*Portal).getRestoreProgress}, // anonymous
	"getbackupscount":      {http.MethodGet, (*Portal).getBackupsCount},
	"getservicestate":      {http.MethodGet, (*Portal).getServiceState},
}

// serveBackupAPI serves /api/2.0/backup/{name}: route, method, caller, plan, then the
// endpoint. name is lower-case.
func (p *Portal) serveBackupAPI(w http.ResponseWriter, r *http.Request, name string) {
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
	if !known {
		notFoundPage(w)
		return
	}
	if r.Method != ep.method {
		methodNotAllowed(w, ep.method)
		return
	}
	if name == "getrestoreprogress" {
		// Anonymous and exempt from the plan check: it must keep answering after a restore
		// has removed every API key.
		q, err := parseQuery(r)
		if err != nil {
			fail(w, http.StatusBadRequest, err.Error(), "System.ArgumentException")
			return
		}
		ep.serve(p, w, r, q)
		return
	}
	role, known := p.caller(r)
	if !known {
		unauthorized(w)
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

// query holds the bound query flags.
type query struct {
	dump    bool
	dumpSet bool // the request named dump at all
}

// parseQuery binds query flags the ASP.NET way: names case-insensitive, booleans
// "true"/"false" in any case, anything else a 400.
func parseQuery(r *http.Request) (query, error) {
	var q query
	for name, values := range r.URL.Query() {
		if !strings.EqualFold(name, "dump") || len(values) == 0 {
			continue
		}
		v := strings.TrimSpace(values[0])
		q.dumpSet = true
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
