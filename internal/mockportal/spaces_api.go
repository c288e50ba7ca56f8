package mockportal

import (
	"crypto/hmac"
	"crypto/sha1" //nolint:gosec // DocSpace's hosting tokens are HMAC-SHA1
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// The hosting API (ASC.ApiSystem) below /apisystem (README.md, "Spaces"): plain JSON, no
// envelope; errors are {error, message}. It accepts an "ASC <pkey>:<yyyyMMddHHmmss>:<hash>"
// token signed with the machine key, or an admin of the space the request resolves to
// (Basic e-mail and password, or a session token); never an API key.

const (
	hostingTrustInterval = 5 * time.Minute
	registerWindow       = 5 * time.Minute
	registerMaxAttempts  = 10
)

var spaceAliasRule = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$`)

// serveAPISystem serves /apisystem/<rest>, logged in the server's own portal.
func (h *spaceHost) serveAPISystem(w http.ResponseWriter, r *http.Request, rest string) {
	rec := &statusRecorder{ResponseWriter: w, entry: h.main.logRequest(r), portal: h.main}
	switch route := r.Method + " " + strings.ToLower(strings.TrimSuffix(rest, "/")); route {
	case "GET portal/test", "GET settings/test":
		writeJSON(rec, http.StatusOK, map[string]any{"value": "ApiSystem api works"})
	case "POST portal/validateportalname":
		h.validateName(rec, r)
	case "POST portal/register":
		if h.authorized(rec, r) {
			h.register(rec, r)
		}
	case "GET portal/get", "PUT portal/status", "DELETE portal/remove":
		if !h.authorized(rec, r) {
			return
		}
		if !h.standalone {
			hostingError(rec, http.StatusForbidden, "error", "Method for server edition only.")
			return
		}
		map[string]func(http.ResponseWriter, *http.Request){
			"GET portal/get": h.list, "PUT portal/status": h.setStatus, "DELETE portal/remove": h.remove,
		}[route](rec, r)
	default:
		notFoundPage(rec)
	}
}

func hostingError(w http.ResponseWriter, status int, code, message string) {
	writeJSON(w, status, map[string]any{"error": code, "message": message})
}

// authorized checks the request's credentials; it answers 401 itself when they fail.
func (h *spaceHost) authorized(w http.ResponseWriter, r *http.Request) bool {
	header := r.Header.Get("Authorization")
	ok := false
	switch {
	case strings.HasPrefix(header, "ASC "):
		ok = h.validToken(strings.TrimPrefix(header, "ASC "))
	case strings.HasPrefix(header, "Basic "):
		email, password, _ := r.BasicAuth()
		ok = h.resolve(r).portal.adminLogin(email, password)
	default:
		ok = h.resolve(r).portal.adminSession(requestKey(r))
	}
	if !ok {
		w.Header().Set("WWW-Authenticate", `Basic realm="ApiSystem"`)
		w.WriteHeader(http.StatusUnauthorized)
	}
	return ok
}

// validToken checks an "ASC" token: the HMAC-SHA1 of "<timestamp>\n<pkey>" keyed with
// the machine key, base64url without padding or standard base64 with it, at most five
// minutes old (a timestamp in the future passes).
func (h *spaceHost) validToken(token string) bool {
	parts := strings.Split(token, ":")
	if len(parts) != 3 {
		return false
	}
	pkey, stamp, hash := parts[0], parts[1], parts[2]
	at, err := time.ParseInLocation("20060102150405", stamp, time.UTC)
	if err != nil || h.main.opts.Now().After(at.Add(hostingTrustInterval)) {
		return false
	}
	mac := hmac.New(sha1.New, []byte(h.machineKey))
	mac.Write([]byte(stamp + "\n" + pkey))
	sum := mac.Sum(nil)
	return hmac.Equal([]byte(hash), []byte(base64.RawURLEncoding.EncodeToString(sum))) ||
		hmac.Equal([]byte(hash), []byte(base64.StdEncoding.EncodeToString(sum)))
}

// adminLogin says whether email and password sign in the Owner or a DocSpace admin.
func (p *Portal) adminLogin(email, password string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	u := p.userByEmailLocked(email)
	if u == nil || u.Disabled || !u.isAdmin() || password == "" {
		return false
	}
	want := u.Password
	if u.Type == Owner {
		want = p.ownerPassword
	}
	return want != "" && hmac.Equal([]byte(password), []byte(want))
}

// adminSession says whether a session token belongs to the Owner or a DocSpace admin (API
// keys are refused: the hosting API cannot read them).
func (p *Portal) adminSession(token string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	u, ok := p.users[p.tokens[token]]
	return ok && token != "" && !u.Disabled && u.isAdmin()
}

func (h *spaceHost) validateName(w http.ResponseWriter, r *http.Request) {
	var b struct {
		PortalName string `json:"portalName"`
	}
	_ = json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&b)
	name := strings.ToLower(strings.TrimSpace(b.PortalName))
	h.mu.Lock()
	defer h.mu.Unlock()
	switch {
	case name == "":
		hostingError(w, http.StatusBadRequest, "portalNameEmpty", "Portal name is empty")
	case len(name) < 3:
		hostingError(w, http.StatusBadRequest, "tooShortError", "Portal name is too short")
	case len(name) > 63 || !spaceAliasRule.MatchString(name):
		hostingError(w, http.StatusBadRequest, "portalNameIncorrect", "Portal name is incorrect")
	case h.byAliasLocked(name) != nil:
		writeJSON(w, http.StatusBadRequest, map[string]any{"error": "portalNameExist", "message": "Portal name already exists",
			"variants": []string{name + "1", name + "-docs"}})
	default:
		writeJSON(w, http.StatusOK, map[string]any{"message": "portalNameReadyToRegister"})
	}
}

// tenantModel is the body of portal/register.
type tenantModel struct {
	PortalName         string `json:"portalName"`
	FirstName          string `json:"firstName"`
	LastName           string `json:"lastName"`
	Email              string `json:"email"`
	Password           string `json:"password"`
	Language           string `json:"language"`
	TimeZoneName       string `json:"timeZoneName"`
	LimitedAccessSpace bool   `json:"limitedAccessSpace"`
}

// register is POST portal/register: the alias is taken as given on a standalone server
// (not validated: validateportalname is the check), a random one on SaaS.
func (h *spaceHost) register(w http.ResponseWriter, r *http.Request) {
	var m tenantModel
	if err := json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&m); err != nil {
		hostingError(w, http.StatusBadRequest, "error", "The request body is not valid JSON.")
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.countRegisterLocked() {
		hostingError(w, http.StatusBadRequest, "tooMuchAttempts", "Too many registration attempts from this address. Try again later.")
		return
	}
	alias := strings.ToLower(strings.TrimSpace(m.PortalName))
	if alias == "" || !h.standalone {
		alias = "docspace-" + randomHex(3)
	}
	switch {
	case strings.TrimSpace(m.Email) == "":
		hostingError(w, http.StatusInternalServerError, "registerNewTenantError", "Account email can not be empty")
	case strings.TrimSpace(m.FirstName) == "" || strings.TrimSpace(m.LastName) == "":
		hostingError(w, http.StatusBadRequest, "error", "name is required")
	case m.Password != "" && !defaultPasswordPolicyAllows(m.Password):
		hostingError(w, http.StatusBadRequest, "passPolicyError", "Password does not meet the password policy")
	case h.byAliasLocked(alias) != nil:
		hostingError(w, http.StatusInternalServerError, "registerNewTenantError",
			fmt.Sprintf("Duplicate entry '%s' for key 'tenants_tenants.alias'", alias))
	default:
		sp := h.addSpaceLocked(alias, m)
		link := requestScheme(r) + "://" + h.domain(sp) + "/confirm/Auth?type=Auth&first=true&key=" + randomHex(12)
		writeJSON(w, http.StatusOK, map[string]any{"reference": link, "tenant": h.tenantJSONLocked(sp, false)})
	}
}

// countRegisterLocked counts a registration in the sliding window; false past the limit.
func (h *spaceHost) countRegisterLocked() bool {
	now := h.main.opts.Now()
	kept := h.registers[:0]
	for _, at := range h.registers {
		if now.Sub(at) < registerWindow {
			kept = append(kept, at)
		}
	}
	kept = append(kept, now)
	h.registers = kept
	return len(h.registers) <= registerMaxAttempts
}

// defaultPasswordPolicyAllows is DocSpace's default password policy (8 characters).
func defaultPasswordPolicyAllows(password string) bool {
	return len(password) >= DefaultSecuritySettings().Password.MinLength
}

func (h *spaceHost) addSpaceLocked(alias string, m tenantModel) *space {
	id := h.spaces[len(h.spaces)-1].id + 1
	opts := h.main.opts
	portal := New(Options{Standalone: opts.Standalone, Paid: opts.Paid, PathPrefix: opts.PathPrefix, Now: opts.Now,
		JobDuration: opts.JobDuration, BackupDuration: opts.BackupDuration, ownerOnly: true})
	portal.mu.Lock()
	portal.tenantID, portal.alias, portal.ownerPassword = id, alias, m.Password
	owner := portal.users[portal.userIDLocked(Owner)]
	owner.Email, owner.FirstName, owner.LastName, owner.Activated = m.Email, m.FirstName, m.LastName, false
	if m.Language != "" {
		portal.portal.Language = m.Language
	}
	if m.TimeZoneName != "" {
		portal.portal.TimeZone = m.TimeZoneName
	}
	portal.mu.Unlock()
	sp := &space{id: id, alias: alias, limitedAccess: m.LimitedAccessSpace, wizardDone: m.Password != "", created: opts.Now(), portal: portal}
	h.spaces = append(h.spaces, sp)
	return sp
}

// tenantJSONLocked is TenantResponseDto.
func (h *spaceHost) tenantJSONLocked(sp *space, statistics bool) map[string]any {
	p := sp.portal
	p.mu.Lock()
	defer p.mu.Unlock()
	owner := p.users[p.userIDLocked(Owner)]
	out := map[string]any{"tenantId": sp.id, "portalName": sp.alias, "domain": h.domain(sp), "name": p.portal.title(),
		"status": spaceStatusNames[sp.status], "language": p.portal.Language, "timeZoneId": p.portal.TimeZone,
		"timeZoneName": p.portal.TimeZone, "industry": 0, "ownerId": owner.ID, "created": apiTime(sp.created), "customQuota": -1}
	if statistics {
		out["owner"] = map[string]any{"id": owner.ID, "email": owner.Email, "displayName": owner.FirstName + " " + owner.LastName}
		out["wizardSettings"] = map[string]any{"completed": sp.wizardDone, "lastModified": apiTime(sp.created)}
		out["quotaUsage"] = map[string]any{"tenantId": sp.id, "tenantAlias": sp.alias, "tenantDomain": h.domain(sp),
			"storageSize": DefaultPortalQuota, "usedSize": 0, "maxUsers": -1, "usersCount": len(p.users), "maxRoomsCount": -1, "roomsCount": len(p.rooms)}
	}
	return out
}

// list is GET portal/get: the union of the filters (all without one), active spaces only.
func (h *spaceHost) list(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	id, _ := strconv.Atoi(q.Get("tenantId"))
	name, email := strings.ToLower(q.Get("portalName")), strings.ToLower(q.Get("email"))
	all := id == 0 && name == "" && email == ""
	h.mu.Lock()
	defer h.mu.Unlock()
	out := []map[string]any{}
	for _, sp := range h.spaces {
		if sp.status != spaceActive {
			continue
		}
		if all || sp.id == id || (name != "" && sp.alias == name) || (email != "" && sp.portal.hasUserEmail(email)) {
			out = append(out, h.tenantJSONLocked(sp, q.Get("statistics") == "true"))
		}
	}
	writeJSON(w, http.StatusOK, map[string]any{"tenants": out})
}

func (p *Portal) hasUserEmail(email string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.userByEmailLocked(email) != nil
}

// addressedLocked finds the space a status or remove call names: the name wins over the
// id, and an unknown name falls back to the first active space (DocSpace resolves it like
// a host name); it answers 400 itself when nothing is named or the id is unknown.
func (h *spaceHost) addressedLocked(w http.ResponseWriter, id int, name string) *space {
	switch {
	case name != "":
		if sp := h.byAliasLocked(name); sp != nil {
			return sp
		}
		return h.firstActiveLocked()
	case id == 0:
		hostingError(w, http.StatusBadRequest, "portalNameEmpty", "Portal name is empty")
	default:
		if sp := h.byIDLocked(id); sp != nil {
			return sp
		}
		hostingError(w, http.StatusBadRequest, "portalNameNotFound", "Portal not found")
	}
	return nil
}

// setStatus is PUT portal/status {tenantId | portalName, status}: 0 is Active, anything
// else Suspended.
func (h *spaceHost) setStatus(w http.ResponseWriter, r *http.Request) {
	var b struct {
		TenantID   int    `json:"tenantId"`
		PortalName string `json:"portalName"`
		Status     int    `json:"status"`
	}
	_ = json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&b)
	h.mu.Lock()
	defer h.mu.Unlock()
	sp := h.addressedLocked(w, b.TenantID, b.PortalName)
	if sp == nil {
		return
	}
	h.setStatusLocked(sp, map[bool]int{true: spaceActive, false: spaceSuspended}[b.Status == 0])
	writeJSON(w, http.StatusOK, map[string]any{"tenant": h.tenantJSONLocked(sp, false)})
}

// remove is DELETE portal/remove?tenantId|portalName: immediate when the owner never
// finished the setup, otherwise only an e-mail with removal instructions to the owner; the
// last full-access space is never removed.
func (h *spaceHost) remove(w http.ResponseWriter, r *http.Request) {
	id, _ := strconv.Atoi(r.URL.Query().Get("tenantId"))
	h.mu.Lock()
	defer h.mu.Unlock()
	sp := h.addressedLocked(w, id, r.URL.Query().Get("portalName"))
	if sp == nil {
		return
	}
	if !sp.limitedAccess && !h.otherFullAccessLocked(sp) {
		hostingError(w, http.StatusBadRequest, "error", "The last full access space cannot be deleted.")
		return
	}
	removed := !sp.wizardDone
	if removed {
		h.removeLocked(sp)
	} else {
		sp.removalMailed = true
	}
	writeJSON(w, http.StatusOK, map[string]any{"tenant": h.tenantJSONLocked(sp, false), "removed": removed})
}

func (h *spaceHost) otherFullAccessLocked(sp *space) bool {
	for _, o := range h.spaces {
		if o != sp && o.status == spaceActive && !o.limitedAccess {
			return true
		}
	}
	return false
}

func requestScheme(r *http.Request) string {
	if r.TLS != nil {
		return "https"
	}
	return "http"
}
