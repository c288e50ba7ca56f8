package mockportal

import (
	"net/http"
	"strings"
)

// apiArea is one API area of the portal, served below its path prefix (lower-case, as
// ASP.NET routes are case-insensitive). serve gets the rest of the path, lower-cased.
type apiArea struct {
	prefix string
	serve  func(p *Portal, w http.ResponseWriter, r *http.Request, rest string)
}

// apiAreas lists the areas the mock serves. A new area adds its file and one line here.
var apiAreas = []apiArea{
	{"/api/2.0/backup/", (*Portal).serveBackupAPI},
	{"/api/2.0/files/", (*Portal).serveFilesAPI},
	{"/api/2.0/people", (*Portal).servePeopleAPI},
	{"/api/2.0/group", (*Portal).serveGroupAPI},
	{"/api/2.0/settings", (*Portal).serveSettingsAPI},
	{"/api/2.0/authentication", (*Portal).serveAuthentication},
	{"/api/2.0/security", (*Portal).serveSecurityAPI},
	{"/api/2.0/portal", (*Portal).servePortalAPI},
	{"/api/2.0/keys", (*Portal).serveKeysAPI},
	{"/api/2.0/smtpsettings", (*Portal).serveSMTPAPI},
	{"/api/2.0/clients", (*Portal).serveOAuthClientsAPI},
	{"/api/2.0/oauth2/clients", (*Portal).serveOAuthClientsAPI},
	{"/api/2.0/scopes", (*Portal).serveScopesAPI},
}

// ServeHTTP serves the API below the path prefix and the /__mock/ control routes. Every
// API request is logged before anything answers it (faults included), so the log is
// complete by the time a client sees a result.
func (p *Portal) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/__mock/") {
		p.serveControl(w, r)
		return
	}
	apiPath, underPrefix := strings.CutPrefix(r.URL.Path, p.opts.PathPrefix)
	entry := p.logRequest(r)
	rec := &statusRecorder{ResponseWriter: w, entry: entry, portal: p}

	p.mu.Lock()
	fault := p.takeFaultLocked(r.Method, apiPath)
	p.mu.Unlock()
	if fault != nil && fault.apply(rec, r) {
		return
	}
	if !underPrefix {
		notFoundPage(rec)
		return
	}
	if p.lockedByRestore(rec, r, apiPath) {
		return
	}
	if p.scopeDenied(r, apiPath) {
		rec.WriteHeader(http.StatusForbidden)
		return
	}
	lower := strings.ToLower(apiPath)
	for _, area := range apiAreas {
		if rest, ok := strings.CutPrefix(lower, area.prefix); ok {
			area.serve(p, rec, r, rest)
			return
		}
	}
	notFoundPage(rec)
}

// lockedByRestore answers a request the way a restoring portal does: 401 without valid
// credentials (authorization runs first), else 403 with an empty body, for everything but
// the few paths DocSpace lets through. It reports whether it answered.
func (p *Portal) lockedByRestore(w http.ResponseWriter, r *http.Request, apiPath string) bool {
	p.mu.Lock()
	p.settleRestoreLocked()
	restoring := p.tenantStatus == tenantRestoring
	p.mu.Unlock()
	if !restoring || restoreAllows(apiPath) {
		return false
	}
	if _, ok := p.callerUser(r); !ok {
		unauthorized(w)
		return true
	}
	w.WriteHeader(http.StatusForbidden)
	return true
}
