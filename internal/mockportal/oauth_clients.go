package mockportal

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// OAuth clients: the identity service's registration API (README.md, "OAuth clients").
// Admins manage every client of the portal, users their own, guests none. The secret is
// readable on GET one; lists carry its stored (encrypted) form instead.

// OAuthClient is a registered OAuth application.
type OAuthClient struct {
	ID                string
	Secret            string
	Name              string
	Description       string
	Logo              string
	Scopes            []string
	Enabled           bool
	AllowPKCE         bool
	WebsiteURL        string
	TermsURL          string
	PolicyURL         string
	LogoutRedirectURI string
	RedirectURIs      []string
	AllowedOrigins    []string
	Created           time.Time
	Modified          time.Time
	CreatedBy         string
	ModifiedBy        string
}

const (
	maxOAuthLogoChars = 2_000_000
	maxOAuthLogoBytes = 256_000
	maxOAuthURIs      = 12
)

var (
	oauthLogoPattern = regexp.MustCompile(`^data:image/(png|jpeg|jpg|svg\+xml);base64,(.+)$`)
	// oauthURLPattern: an optional http(s) scheme and a host with a TLD of two letters or
	// more (or, with a scheme, an IPv4 address), then an optional port and path. Hosts
	// without a TLD, localhost among them, are refused.
	oauthURLPattern = regexp.MustCompile(`^(?:(?:https?://)?(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}|https?://\d{1,3}(?:\.\d{1,3}){3})(?::\d{1,5})?(?:[/?#]\S*)?$`)
)

// OAuthClients returns the registered clients, oldest first.
func (p *Portal) OAuthClients() []OAuthClient {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []OAuthClient
	for _, c := range p.oauthClients {
		copied := *c
		copied.Scopes, copied.RedirectURIs, copied.AllowedOrigins = slices.Clone(c.Scopes), slices.Clone(c.RedirectURIs), slices.Clone(c.AllowedOrigins)
		out = append(out, copied)
	}
	slices.SortFunc(out, func(a, b OAuthClient) int { return a.Created.Compare(b.Created) })
	return out
}

// ChangeOAuthClient changes a client out of band, as an admin would in the UI.
func (p *Portal) ChangeOAuthClient(id string, change func(*OAuthClient)) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if c := p.oauthClients[id]; c != nil {
		change(c)
	}
}

// DeleteOAuthClientNow removes a client out of band.
func (p *Portal) DeleteOAuthClientNow(id string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.oauthClients, id)
}

// serveOAuthClientsAPI serves /api/2.0/clients and its /api/2.0/oauth2/clients alias.
func (p *Portal) serveOAuthClientsAPI(w http.ResponseWriter, r *http.Request, rest string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	sub, isSub := strings.CutPrefix(rest, "/")
	if rest != "" && !isSub {
		problem(w, r, http.StatusNotFound, "Not Found", "No static resource "+strings.TrimPrefix(r.URL.Path, "/")+".", nil)
		return
	}
	u, role, ok := p.signedCallerLocked(w, r)
	if !ok {
		return
	}
	parts, m := strings.Split(sub, "/"), r.Method
	switch {
	case role == identityGuest:
		identityAccessDenied(w, r)
	case sub == "" && m == http.MethodPost:
		p.createOAuthClientLocked(w, r, u)
	case sub == "" && m == http.MethodGet:
		p.listOAuthClientsLocked(w, r, u, role)
	case len(parts) == 1 && m == http.MethodGet:
		if c := p.ownOAuthClientLocked(w, r, u, role, parts[0]); c != nil {
			writeJSON(w, http.StatusOK, oauthClientJSON(c, c.Secret))
		}
	case len(parts) == 1 && m == http.MethodPut:
		p.updateOAuthClientLocked(w, r, u, role, parts[0])
	case len(parts) == 1 && m == http.MethodDelete:
		if c := p.ownOAuthClientLocked(w, r, u, role, parts[0]); c != nil {
			delete(p.oauthClients, c.ID)
			w.WriteHeader(http.StatusOK)
		}
	case len(parts) == 2 && parts[1] == "regenerate" && m == http.MethodPatch:
		if c := p.ownOAuthClientLocked(w, r, u, role, parts[0]); c != nil {
			c.Secret = oauthSecret()
			p.touchOAuthClientLocked(c, u)
			writeJSON(w, http.StatusOK, map[string]string{"client_secret": c.Secret})
		}
	case len(parts) == 2 && parts[1] == "activation" && m == http.MethodPatch:
		p.activateOAuthClientLocked(w, r, u, role, parts[0])
	default:
		problem(w, r, http.StatusNotFound, "Not Found", "No static resource "+strings.TrimPrefix(r.URL.Path, "/")+".", nil)
	}
}

// ownOAuthClientLocked finds a client the caller may manage, or answers 404.
func (p *Portal) ownOAuthClientLocked(w http.ResponseWriter, r *http.Request, u *Person, role identityRole, id string) *OAuthClient {
	c := p.oauthClients[id]
	if c == nil || (role != identityAdmin && c.CreatedBy != u.ID) {
		problem(w, r, http.StatusNotFound, "Not Found", "Client with ID "+id+" was not found", nil)
		return nil
	}
	return c
}

func (p *Portal) touchOAuthClientLocked(c *OAuthClient, u *Person) {
	c.Modified, c.ModifiedBy = p.opts.Now(), u.ID
}

func oauthSecret() string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	b := make([]byte, 36)
	_, _ = rand.Read(b)
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b)
}

func oauthTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z07:00") }

// oauthClientJSON is the client object; secret is the usable secret (create, GET one) or
// its stored form (lists).
func oauthClientJSON(c *OAuthClient, secret string) map[string]any {
	methods := []string{"client_secret_post"}
	if c.AllowPKCE {
		methods = append(methods, "none")
	}
	return map[string]any{
		"client_id": c.ID, "client_secret": secret, "name": c.Name, "description": c.Description, "tenant": 1,
		"scopes": nonNil(c.Scopes), "enabled": c.Enabled, "website_url": c.WebsiteURL, "terms_url": c.TermsURL,
		"policy_url": c.PolicyURL, "logo": c.Logo, "authentication_methods": methods, "redirect_uris": nonNil(c.RedirectURIs),
		"allowed_origins": nonNil(c.AllowedOrigins), "logout_redirect_uris": []string{c.LogoutRedirectURI},
		"created_on": oauthTime(c.Created), "modified_on": oauthTime(c.Modified), "created_by": c.CreatedBy,
		"modified_by": c.ModifiedBy, "is_public": true,
	}
}

// oauthClientRequest is the body of POST and PUT clients.
type oauthClientRequest struct {
	Name              *string  `json:"name"`
	Description       *string  `json:"description"`
	Logo              *string  `json:"logo"`
	WebsiteURL        *string  `json:"website_url"`
	TermsURL          *string  `json:"terms_url"`
	PolicyURL         *string  `json:"policy_url"`
	LogoutRedirectURI *string  `json:"logout_redirect_uri"`
	RedirectURIs      []string `json:"redirect_uris"`
	AllowedOrigins    []string `json:"allowed_origins"`
	Scopes            []string `json:"scopes"`
	AllowPKCE         bool     `json:"allow_pkce"`
	IsPublic          bool     `json:"is_public"`
}

// readOAuthClientRequest decodes and validates a body, answering 400 (or 415) itself.
func readOAuthClientRequest(w http.ResponseWriter, r *http.Request, create bool) (oauthClientRequest, bool) {
	var b oauthClientRequest
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		problem(w, r, http.StatusUnsupportedMediaType, "Unsupported Media Type", "Content-Type '"+r.Header.Get("Content-Type")+"' is not supported.", nil)
		return b, false
	}
	raw, _ := io.ReadAll(io.LimitReader(r.Body, 4<<20))
	if err := json.Unmarshal(raw, &b); err != nil {
		problem(w, r, http.StatusBadRequest, "Bad Request", "Failed to read request", nil)
		return b, false
	}
	errs := validateOAuthClientRequest(b, create)
	if len(errs) > 0 {
		problem(w, r, http.StatusBadRequest, "Bad Request", "Validation failed", errs)
		return b, false
	}
	return b, true
}

func validateOAuthClientRequest(b oauthClientRequest, create bool) []map[string]string {
	var errs []map[string]string
	add := func(field, code, message string) {
		errs = append(errs, map[string]string{"field": field, "code": code, "message": message})
	}
	switch {
	case b.Name == nil || strings.TrimSpace(*b.Name) == "":
		add("name", "EmptyFieldError", "name field can not be empty")
	case len([]rune(*b.Name)) < 3 || len([]rune(*b.Name)) > 256:
		add("name", "ErrorName", "name length is expected to be between 3 and 256 characters")
	}
	if b.Description != nil && len([]rune(*b.Description)) > 255 {
		add("description", "ErrorName", "description length is expected to be at most 255 characters")
	}
	if field, code, message := checkOAuthLogo(b.Logo, create); field != "" {
		add(field, code, message)
	}
	if b.AllowedOrigins != nil || create {
		if code, message := checkOAuthURIs(b.AllowedOrigins); code != "" {
			add("allowed_origins", code, message)
		}
	}
	if !create {
		return errs
	}
	if code, message := checkOAuthURIs(b.RedirectURIs); code != "" {
		add("redirect_uris", code, message)
	}
	for field, v := range map[string]*string{"website_url": b.WebsiteURL, "terms_url": b.TermsURL, "policy_url": b.PolicyURL, "logout_redirect_uri": b.LogoutRedirectURI} {
		if v == nil || !oauthURLPattern.MatchString(*v) {
			name := strings.TrimSuffix(strings.TrimSuffix(field, "_url"), "_uri")
			add(field, "ErrorWrongURL", strings.ReplaceAll(name, "_", " ")+" url is expected to be passed as url")
		}
	}
	if len(b.Scopes) == 0 {
		add("scopes", "EmptyFieldError", "scopes field can not be empty")
	}
	slices.SortFunc(errs, func(a, b map[string]string) int { return strings.Compare(a["field"], b["field"]) })
	return errs
}

func checkOAuthLogo(logo *string, create bool) (field, code, message string) {
	if logo == nil || *logo == "" {
		return "logo", "EmptyFieldError", "client logo must not be empty"
	}
	m := oauthLogoPattern.FindStringSubmatch(*logo)
	if m == nil {
		return "logo", "ErrorPattern", "client logo is expected to be a base64 data URL of a png, jpeg or svg image"
	}
	data, err := base64.StdEncoding.DecodeString(m[2])
	if create && (len(*logo) > maxOAuthLogoChars || (err == nil && len(data) > maxOAuthLogoBytes)) {
		return "logo", "ErrorPattern", "Logo size exceeds the maximum allowed size"
	}
	return "", "", ""
}

// checkOAuthURIs checks a set of redirect URIs or allowed origins.
func checkOAuthURIs(uris []string) (code, message string) {
	if len(uris) < 1 || len(uris) > maxOAuthURIs {
		return "ErrorName", fmt.Sprintf("url collection is expected to have between 1 and %d entries", maxOAuthURIs)
	}
	for _, s := range uris {
		u, err := url.Parse(s)
		switch {
		case s == "" || err != nil:
			return "ErrorWrongURL", "url collection has invalid entries"
		case u.Scheme == "claude":
		case (u.Scheme == "http" || u.Scheme == "https") && u.Host != "":
		default:
			return "ErrorWrongURL", "url collection has invalid entries"
		}
	}
	return "", ""
}

// unknownOAuthScopes lists the requested scopes the service does not have.
func unknownOAuthScopes(scopes []string) []string {
	var unknown []string
	for _, s := range scopes {
		if !slices.ContainsFunc(oauthScopes, func(known [3]string) bool { return known[0] == s }) {
			unknown = append(unknown, s)
		}
	}
	return unknown
}

func (p *Portal) createOAuthClientLocked(w http.ResponseWriter, r *http.Request, u *Person) {
	b, ok := readOAuthClientRequest(w, r, true)
	if !ok {
		return
	}
	if unknown := unknownOAuthScopes(b.Scopes); len(unknown) > 0 {
		problem(w, r, http.StatusBadRequest, "Bad Request", "Validation failed",
			[]map[string]string{{"field": "scopes", "code": "ErrorInvalidScope", "message": "Invalid scopes: " + strings.Join(unknown, ", ")}})
		return
	}
	now := p.opts.Now().UTC().Truncate(time.Millisecond) // the precision the list's cursor has
	c := &OAuthClient{
		ID: NewGUID(), Secret: oauthSecret(), Name: *b.Name, Logo: *b.Logo, Scopes: slices.Compact(slices.Sorted(slices.Values(b.Scopes))),
		Enabled: true, AllowPKCE: b.AllowPKCE, WebsiteURL: *b.WebsiteURL, TermsURL: *b.TermsURL, PolicyURL: *b.PolicyURL,
		LogoutRedirectURI: *b.LogoutRedirectURI, RedirectURIs: slices.Clone(b.RedirectURIs), AllowedOrigins: slices.Clone(b.AllowedOrigins),
		Created: now, Modified: now, CreatedBy: u.ID, ModifiedBy: u.ID,
	}
	if b.Description != nil {
		c.Description = *b.Description
	}
	p.oauthClients[c.ID] = c
	writeJSON(w, http.StatusCreated, oauthClientJSON(c, c.Secret))
}

// updateOAuthClientLocked is PUT clients/{id}: validation comes before the lookup; what
// is left out (description, allowed origins) keeps its value.
func (p *Portal) updateOAuthClientLocked(w http.ResponseWriter, r *http.Request, u *Person, role identityRole, id string) {
	b, ok := readOAuthClientRequest(w, r, false)
	if !ok {
		return
	}
	c := p.ownOAuthClientLocked(w, r, u, role, id)
	if c == nil {
		return
	}
	c.Name, c.Logo, c.AllowPKCE = *b.Name, *b.Logo, b.AllowPKCE
	if b.Description != nil {
		c.Description = *b.Description
	}
	if b.AllowedOrigins != nil {
		c.AllowedOrigins = slices.Clone(b.AllowedOrigins)
	}
	p.touchOAuthClientLocked(c, u)
	w.WriteHeader(http.StatusOK)
}

// activateOAuthClientLocked is PATCH clients/{id}/activation; a missing status reads as
// false, as the service's primitive field does.
func (p *Portal) activateOAuthClientLocked(w http.ResponseWriter, r *http.Request, u *Person, role identityRole, id string) {
	var b struct {
		Status bool `json:"status"`
	}
	if raw, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20)); json.Unmarshal(raw, &b) != nil {
		problem(w, r, http.StatusBadRequest, "Bad Request", "Failed to read request", nil)
		return
	}
	if c := p.ownOAuthClientLocked(w, r, u, role, id); c != nil {
		c.Enabled = b.Status
		p.touchOAuthClientLocked(c, u)
		w.WriteHeader(http.StatusOK)
	}
}

// listOAuthClientsLocked is GET clients: newest first, paged by the last item's created_on
// and client_id; admins see every client, users their own.
func (p *Portal) listOAuthClientsLocked(w http.ResponseWriter, r *http.Request, u *Person, role identityRole) {
	q := r.URL.Query()
	limit := 30
	if s := q.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 50 {
			problem(w, r, http.StatusBadRequest, "Bad Request", "limit must be between 1 and 50", nil)
			return
		}
		limit = n
	}
	var all []*OAuthClient
	for _, c := range p.oauthClients {
		if role == identityAdmin || c.CreatedBy == u.ID {
			all = append(all, c)
		}
	}
	newestFirst := func(a, b *OAuthClient) int {
		if n := b.Created.Compare(a.Created); n != 0 {
			return n
		}
		return strings.Compare(b.ID, a.ID)
	}
	slices.SortFunc(all, newestFirst)
	if after, err := time.Parse(time.RFC3339Nano, q.Get("last_created_on")); err == nil {
		cursor := &OAuthClient{ID: q.Get("last_client_id"), Created: after}
		all = slices.DeleteFunc(all, func(c *OAuthClient) bool { return newestFirst(c, cursor) <= 0 })
	}
	page := all[:min(limit, len(all))]
	data := []map[string]any{}
	for _, c := range page {
		data = append(data, oauthClientJSON(c, base64.StdEncoding.EncodeToString([]byte("enc:"+c.Secret))))
	}
	out := map[string]any{"data": data, "limit": limit}
	if len(page) > 0 {
		last := page[len(page)-1]
		out["last_client_id"], out["last_created_on"] = last.ID, oauthTime(last.Created)
	}
	writeJSON(w, http.StatusOK, out)
}
