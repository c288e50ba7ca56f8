package mockportal

import (
	"net/http"
	"time"
)

// GET getbackupscount and getservicestate (README.md, "The backup area").

// getBackupsCount counts this portal's backups made from `from` to `to` (dates in any of
// ApiDateTime's forms); the default window is the current UTC month up to a second from
// now. from after to is a 400.
func (p *Portal) getBackupsCount(w http.ResponseWriter, r *http.Request, _ query) {
	now := p.opts.Now().UTC()
	from, to := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC), now.Add(time.Second)
	q := queryFold(r)
	for name, target := range map[string]*time.Time{"from": &from, "to": &to} {
		if v := q.Get(name); v != "" {
			t, ok := parseAPIDate(v)
			if !ok {
				fail(w, http.StatusBadRequest, "The value '"+v+"' is not valid for "+name+".", "System.ArgumentException")
				return
			}
			*target = t
		}
	}
	if from.After(to) {
		fail(w, http.StatusBadRequest, "From date must be less than to date", "System.ArgumentException")
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	n := 0
	for _, rec := range p.records[false] {
		if !rec.CreatedOn.Before(from) && !rec.CreatedOn.After(to) {
			n++
		}
	}
	p.ok(w, r, n)
}

// parseAPIDate reads the date forms ASP.NET binds: RFC 3339 with or without a fraction or
// offset, or a bare date.
func parseAPIDate(v string) (time.Time, bool) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// getServiceState is whether the paid backup service (a SaaS wallet service) is on for
// the portal: never here, and never on a self-hosted server.
func (p *Portal) getServiceState(w http.ResponseWriter, r *http.Request, _ query) {
	p.ok(w, r, map[string]any{"enabled": false})
}
