package mockportal

import (
	"net/http"
	"net/url"
	"strings"
)

// The Content Security Policy's trusted domains: /api/2.0/security/csp (README.md,
// "Settings"). GET is anonymous (the login page reads it); POST replaces the list.

// maxCSPHeader is the installation's limit on the built policy header (15 KB by default).
const maxCSPHeader = 15 << 10

// CSPDomains reports the trusted domains.
func (p *Portal) CSPDomains() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.csp...)
}

// SetCSPDomains replaces them out of band, as in the UI.
func (p *Portal) SetCSPDomains(domains []string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.csp = append([]string(nil), domains...)
}

// cspJSONLocked is CspDto: the domains and the header they make.
func (p *Portal) cspJSONLocked() map[string]any {
	return map[string]any{"domains": nonNil(p.csp), "header": cspHeader(p.csp)}
}

// cspHeader is the policy the portal serves: its own defaults plus every trusted domain as
// a source of scripts, styles, images, fonts, frames, media and connections.
func cspHeader(domains []string) string {
	extra := ""
	if len(domains) > 0 {
		extra = " " + strings.Join(domains, " ")
	}
	var parts []string
	for _, d := range []string{"default-src", "script-src", "style-src", "img-src", "font-src", "frame-src", "media-src", "connect-src"} {
		parts = append(parts, d+" 'self'"+extra)
	}
	return strings.Join(parts, "; ") + ";"
}

// validCSPDomain is DocSpace's check: with a wildcard host's "*." dropped and http://
// added when there is no scheme, an absolute URL; ASCII only.
func validCSPDomain(domain string) bool {
	s := strings.Replace(domain, "://*.", "://", 1)
	s = strings.TrimPrefix(s, "*.")
	if !strings.Contains(s, "://") {
		s = "http://" + s
	}
	u, err := url.Parse(s)
	for _, r := range domain {
		if r > 127 {
			return false
		}
	}
	return err == nil && u.Scheme != "" && u.Host != ""
}

// postCSPLocked is POST security/csp {domains}: every entry checked first (400 naming it),
// the header size limit (403), then the list replaced; answers CspDto.
func (p *Portal) postCSPLocked(w http.ResponseWriter, r *http.Request, u *Person) {
	var b struct {
		Domains []string `json:"domains"`
	}
	if !p.bindBody(w, r, &b) {
		return
	}
	for _, d := range b.Domains {
		if !validCSPDomain(d) {
			badArgument(w, d+" (Parameter 'Domains')")
			return
		}
	}
	if len(cspHeader(b.Domains)) > maxCSPHeader {
		forbidden(w, "The Content Security Policy header would be too long")
		return
	}
	p.csp = append([]string(nil), b.Domains...)
	p.savedLocked(u, actionCSP, "CSP settings updated")
	p.ok(w, r, map[string]any{"domains": b.Domains, "header": cspHeader(b.Domains)})
}
