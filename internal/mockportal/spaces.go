package mockportal

import (
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Spaces: the portals (tenants) of one DocSpace server on one listener (README.md,
// "Spaces"). The server's own portal is the first space; the hosting API (/apisystem)
// registers more. A request reaches a space by its host name, <alias>.localhost, taken
// from the Origin header first, then from Host, as DocSpace resolves tenants; any other
// name reaches the first active space, DocSpace's fallback. Nothing resolves
// *.localhost here, so clients reach a space's domain through the mock as their HTTP proxy
// (HTTP_PROXY): the listener serves proxied requests like any other.

// Space statuses, as DocSpace numbers them.
const (
	spaceActive        = 0
	spaceSuspended     = 1
	spaceRemovePending = 2
)

var spaceStatusNames = map[int]string{spaceActive: "Active", spaceSuspended: "Suspended", spaceRemovePending: "RemovePending"}

// space is one tenant of the server.
type space struct {
	id            int
	alias         string
	status        int
	limitedAccess bool // false: a full-access space (dump backups, the Spaces settings)
	wizardDone    bool // the owner finished the setup (a password was given at registration)
	removalMailed bool // removal instructions went to the owner
	created       time.Time
	portal        *Portal
}

// spaceHost is the server's tenants and the hosting API's state.
type spaceHost struct {
	mu         sync.Mutex
	standalone bool
	machineKey string
	baseDomain string // "localhost:<port>": a space's domain is <alias>.<baseDomain>
	spaces     []*space
	registers  []time.Time // registrations from the (one, loopback) client address
	main       *Portal
}

func newSpaceHost(main *Portal, port string) *spaceHost {
	key := main.opts.MachineKey
	if key == "" {
		key = randomHex(16)
	}
	main.mu.Lock()
	defer main.mu.Unlock()
	first := &space{id: main.tenantID, alias: main.alias, wizardDone: true, created: main.created, portal: main}
	return &spaceHost{standalone: main.opts.Standalone, machineKey: key, baseDomain: "localhost:" + port, spaces: []*space{first}, main: main}
}

// MachineKey is the server's core.machinekey, which signs the hosting API's "ASC" tokens.
func (s *Server) MachineKey() string { return s.spaces.machineKey }

// BaseDomain is the domain below which spaces live: localhost with the listener's port.
func (s *Server) BaseDomain() string { return s.spaces.baseDomain }

// Space returns the portal of the space with that alias, nil when there is none (removed
// spaces included).
func (s *Server) Space(alias string) *Portal {
	h := s.spaces
	h.mu.Lock()
	defer h.mu.Unlock()
	if sp := h.byAliasLocked(alias); sp != nil {
		return sp.portal
	}
	return nil
}

// SpaceStatus reports a space's status by alias ("Active", "Suspended", "RemovePending";
// "" when no space ever had it).
func (s *Server) SpaceStatus(alias string) string {
	h := s.spaces
	h.mu.Lock()
	defer h.mu.Unlock()
	if sp := h.byAliasLocked(alias); sp != nil {
		return spaceStatusNames[sp.status]
	}
	for _, sp := range h.spaces {
		if sp.alias == alias+"_deleted" {
			return spaceStatusNames[sp.status]
		}
	}
	return ""
}

// SetSpaceSuspended suspends or resumes a space out of band, as its owner can by e-mail.
func (s *Server) SetSpaceSuspended(alias string, suspended bool) {
	h := s.spaces
	h.mu.Lock()
	defer h.mu.Unlock()
	if sp := h.byAliasLocked(alias); sp != nil {
		h.setStatusLocked(sp, map[bool]int{false: spaceActive, true: spaceSuspended}[suspended])
	}
}

// RemoveSpace removes a space out of band, as an admin can in the Spaces settings.
func (s *Server) RemoveSpace(alias string) {
	h := s.spaces
	h.mu.Lock()
	defer h.mu.Unlock()
	if sp := h.byAliasLocked(alias); sp != nil {
		h.removeLocked(sp)
	}
}

// ConfirmSpaceRemoval is the owner following the removal e-mail: the space is removed.
// It reports whether removal instructions had been sent.
func (s *Server) ConfirmSpaceRemoval(alias string) bool {
	h := s.spaces
	h.mu.Lock()
	defer h.mu.Unlock()
	sp := h.byAliasLocked(alias)
	if sp == nil || !sp.removalMailed {
		return false
	}
	h.removeLocked(sp)
	return true
}

func (h *spaceHost) byAliasLocked(alias string) *space {
	for _, sp := range h.spaces {
		if sp.alias == strings.ToLower(alias) && sp.status != spaceRemovePending {
			return sp
		}
	}
	return nil
}

func (h *spaceHost) byIDLocked(id int) *space {
	for _, sp := range h.spaces {
		if sp.id == id && sp.status != spaceRemovePending {
			return sp
		}
	}
	return nil
}

// firstActiveLocked is DocSpace's fallback tenant: the lowest status, then the lowest id.
func (h *spaceHost) firstActiveLocked() *space {
	var best *space
	for _, sp := range h.spaces {
		if sp.status != spaceRemovePending && (best == nil || sp.status < best.status) {
			best = sp
		}
	}
	return best
}

func (h *spaceHost) setStatusLocked(sp *space, status int) {
	sp.status = status
	sp.portal.mu.Lock()
	sp.portal.tenantStatus = status
	sp.portal.mu.Unlock()
}

// removeLocked removes a space: RemovePending, its alias renamed (and so freed).
func (h *spaceHost) removeLocked(sp *space) {
	h.setStatusLocked(sp, spaceRemovePending)
	sp.alias += "_deleted"
}

// domain is a space's host name and port.
func (h *spaceHost) domain(sp *space) string { return sp.alias + "." + h.baseDomain }

// resolve picks the space a request is for, as DocSpace does on a standalone server.
func (h *spaceHost) resolve(r *http.Request) *space {
	host := r.Host
	if origin, err := url.Parse(r.Header.Get("Origin")); err == nil && origin.Host != "" {
		host = origin.Host
	}
	if name, _, err := net.SplitHostPort(host); err == nil {
		host = name
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if alias, ok := strings.CutSuffix(strings.ToLower(host), ".localhost"); ok {
		if sp := h.byAliasLocked(alias); sp != nil {
			return sp
		}
	}
	return h.firstActiveLocked()
}

// serveSpace serves a request to the space it resolves to. A suspended space answers 404
// to everything but its anonymous settings, which tell its status.
func (h *spaceHost) serveSpace(w http.ResponseWriter, r *http.Request) {
	sp := h.resolve(r)
	if sp == nil {
		notFoundPage(w)
		return
	}
	h.mu.Lock()
	suspended := sp.status == spaceSuspended
	h.mu.Unlock()
	if suspended && !strings.HasSuffix(strings.ToLower(r.URL.Path), "/api/2.0/settings") && !strings.HasPrefix(r.URL.Path, "/__mock/") {
		notFoundPage(w)
		return
	}
	sp.portal.ServeHTTP(w, r)
}
