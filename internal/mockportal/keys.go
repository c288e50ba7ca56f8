package mockportal

import (
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// API keys: /api/2.0/keys (README.md, "API keys"). A key belongs to the user who created
// it and acts with that user's rights, narrowed by its permissions (scopes). Only the
// creation answer carries the whole secret; the portal keeps its last four characters.
// Seeded keys (one per role) are unrestricted and never listed.

// keyPermissions are DocSpace's scopes, in the order GET keys/permissions lists them.
var keyPermissions = []string{"*", "*:read", "*:write", "accounts:read", "accounts:write", "accounts.self:read",
	"accounts.self:write", "files:read", "files:write", "rooms:read", "rooms:write"}

const (
	keyCreateLimit  = 5 // creations per user per window ("sensitive" rate limit)
	keyCreateWindow = 15 * time.Minute
	maxKeyName      = 30
)

// APIKey is a key created through the API.
type APIKey struct {
	ID          string
	Name        string
	Secret      string
	Permissions []string // empty: unrestricted
	CreatedBy   string
	Created     time.Time
	Expires     time.Time // zero: never
	LastUsed    time.Time
	Active      bool
}

// keysState is the API keys area's store.
type keysState struct {
	apiKeys     map[string]*APIKey     // by secret
	keyCreation map[string][]time.Time // user id → creation times in the window
	keysCreated int
}

func newKeysState() keysState {
	return keysState{apiKeys: map[string]*APIKey{}, keyCreation: map[string][]time.Time{}}
}

// APIKeys returns the keys created through the API, in creation order.
func (p *Portal) APIKeys() []APIKey {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []APIKey
	for _, k := range p.apiKeys {
		c := *k
		c.Permissions = slices.Clone(k.Permissions)
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b APIKey) int { return a.Created.Compare(b.Created) })
	return out
}

// APIKeysCreated counts the keys ever created through the API.
func (p *Portal) APIKeysCreated() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.keysCreated
}

// ExpireAPIKey makes a key expire now, as time would.
func (p *Portal) ExpireAPIKey(id string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if k := p.keyByIDLocked(id); k != nil {
		k.Expires = p.opts.Now().Add(-time.Second)
	}
}

// SetAPIKeyActive switches a key on or off out of band, as in the UI.
func (p *Portal) SetAPIKeyActive(id string, active bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if k := p.keyByIDLocked(id); k != nil {
		k.Active = active
	}
}

func (p *Portal) keyByIDLocked(id string) *APIKey {
	for _, k := range p.apiKeys {
		if strings.EqualFold(k.ID, id) {
			return k
		}
	}
	return nil
}

// usableLocked says whether a created key authenticates now.
func (k *APIKey) usableLocked(now time.Time) bool {
	return k.Active && (k.Expires.IsZero() || now.Before(k.Expires))
}

// keyUsableLocked is false for a created key that is switched off or expired (401); any
// other credential is left to the caller's lookup.
func (p *Portal) keyUsableLocked(key string) bool {
	k, ok := p.apiKeys[key]
	return !ok || k.usableLocked(p.opts.Now())
}

// scopeDenied says whether a request with a created key lacks the scope its route needs
// (DocSpace answers 403 with an empty body then). A key that does not authenticate is
// left to the areas' own 401.
func (p *Portal) scopeDenied(r *http.Request, apiPath string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	k, ok := p.apiKeys[requestKey(r)]
	if !ok || !k.usableLocked(p.opts.Now()) {
		return false
	}
	k.LastUsed = p.opts.Now()
	if len(k.Permissions) == 0 || slices.Contains(k.Permissions, "*") {
		return false
	}
	for _, scope := range requiredScopes(r.Method, strings.ToLower(apiPath)) {
		if slices.Contains(k.Permissions, scope) {
			return false
		}
	}
	return true
}

// requiredScopes are the scopes any one of which admits a request (DocSpace's scope
// policies by route).
func requiredScopes(method, path string) []string {
	read := method == http.MethodGet
	pick := func(area string, readAlso bool) []string {
		if read {
			out := []string{"*:read", "*:write", area + ":read"}
			if readAlso {
				out = append(out, area+":write")
			}
			return out
		}
		return []string{"*:write", area + ":write"}
	}
	switch {
	case strings.HasPrefix(path, "/api/2.0/keys/@self"):
		return []string{"*:read", "*:write", "*", "accounts.self:read", "accounts.self:write", "files:read", "files:write", "rooms:read", "rooms:write", "accounts:read", "accounts:write"}
	case strings.HasPrefix(path, "/api/2.0/files/rooms"):
		return pick("rooms", true)
	case strings.HasPrefix(path, "/api/2.0/files"):
		return pick("files", true)
	case strings.HasPrefix(path, "/api/2.0/people/@self"):
		return pick("accounts.self", true)
	case strings.HasPrefix(path, "/api/2.0/people"):
		return pick("accounts", true)
	case strings.HasPrefix(path, "/api/2.0/group"):
		return pick("accounts", false)
	case read:
		return []string{"*:read", "*:write"}
	}
	return []string{"*:write"}
}

// serveKeysAPI routes /api/2.0/keys.
func (p *Portal) serveKeysAPI(w http.ResponseWriter, r *http.Request, rest string) {
	u, ok := p.authenticated(w, r)
	if !ok {
		return
	}
	sub := strings.TrimPrefix(rest, "/")
	p.mu.Lock()
	defer p.mu.Unlock()
	switch {
	case sub == "" && r.Method == http.MethodPost:
		p.createKeyLocked(w, r, u)
	case sub == "" && r.Method == http.MethodGet:
		p.listKeysLocked(w, r, u)
	case sub == "@self" && r.Method == http.MethodGet:
		if k, ok := p.apiKeys[requestKey(r)]; ok {
			p.ok(w, r, p.keyJSONLocked(k, false))
		} else {
			fail(w, http.StatusBadRequest, "The request was not made with an API key.", "System.ArgumentException")
		}
	case sub == "permissions" && r.Method == http.MethodGet:
		p.ok(w, r, keyPermissions)
	case r.Method == http.MethodPut && sub != "":
		p.updateKeyLocked(w, r, u, sub)
	case r.Method == http.MethodDelete && sub != "":
		p.deleteKeyLocked(w, r, u, sub)
	default:
		notFoundPage(w)
	}
}

func (p *Portal) keyJSONLocked(k *APIKey, whole bool) map[string]any {
	postfix := k.Secret[len(k.Secret)-4:]
	secret := "sk-***" + postfix
	if whole {
		secret = k.Secret
	}
	creator := p.users[k.CreatedBy]
	by := map[string]any{"id": k.CreatedBy}
	if creator != nil {
		by["displayName"] = creator.FirstName + " " + creator.LastName
	}
	out := map[string]any{"id": k.ID, "name": k.Name, "key": secret, "keyPostfix": postfix, "permissions": nonNil(k.Permissions),
		"createOn": apiTime(k.Created), "createBy": by, "isActive": k.Active}
	if !k.Expires.IsZero() {
		out["expiresAt"] = apiTime(k.Expires)
	}
	if !k.LastUsed.IsZero() {
		out["lastUsed"] = apiTime(k.LastUsed)
	}
	return out
}

// keyRequest is the body of POST and PUT keys.
type keyRequest struct {
	Name          *string  `json:"name"`
	Permissions   []string `json:"permissions"`
	ExpiresInDays *int     `json:"expiresInDays"`
	IsActive      *bool    `json:"isActive"`
}

func (p *Portal) readKeyRequest(w http.ResponseWriter, r *http.Request, create bool) (keyRequest, bool) {
	var b keyRequest
	raw, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err := json.Unmarshal(raw, &b); err != nil && len(raw) > 0 {
		p.invalid(w, r, "$", "The JSON value could not be converted.")
		return b, false
	}
	switch {
	case create && b.Name == nil:
		p.invalid(w, r, "$", "JSON deserialization for type 'ApiKeyRequestDto' was missing required properties, including the following: name")
	case create && strings.TrimSpace(*b.Name) == "":
		p.invalid(w, r, "Name", "The Name field is required.")
	case b.Name != nil && len([]rune(*b.Name)) > maxKeyName:
		fail(w, http.StatusBadRequest, "Incorrect name. Length must be less than 30", "System.ArgumentException")
	case b.ExpiresInDays != nil && (*b.ExpiresInDays < 1 || *b.ExpiresInDays > 365):
		fail(w, http.StatusBadRequest, "Incorrect number of days. Value must be between 1 and 365", "System.ArgumentException")
	case slices.ContainsFunc(b.Permissions, func(s string) bool { return !slices.Contains(keyPermissions, s) }):
		fail(w, http.StatusBadRequest, "Permissions are not valid.", "System.ArgumentException")
	default:
		return b, true
	}
	return b, false
}

func (p *Portal) createKeyLocked(w http.ResponseWriter, r *http.Request, u *Person) {
	if u.Type == Guest {
		forbidden(w, msgAccessDenied)
		return
	}
	now := p.opts.Now()
	recent := slices.DeleteFunc(p.keyCreation[u.ID], func(t time.Time) bool { return now.Sub(t) >= keyCreateWindow })
	if len(recent) >= keyCreateLimit {
		p.keyCreation[u.ID] = recent
		w.Header().Set("X-RateLimit-Limit", strconv.Itoa(keyCreateLimit))
		w.Header().Set("X-RateLimit-Remaining", "0")
		w.Header().Set("X-RateLimit-Reset", strconv.Itoa(int(recent[0].Add(keyCreateWindow).Sub(now).Seconds())+1))
		w.WriteHeader(http.StatusTooManyRequests)
		return
	}
	p.keyCreation[u.ID] = append(recent, now)
	b, ok := p.readKeyRequest(w, r, true)
	if !ok {
		return
	}
	k := &APIKey{ID: NewGUID(), Name: *b.Name, Secret: "sk-" + randomHex(32), CreatedBy: u.ID, Created: now, Active: true}
	if !slices.Contains(b.Permissions, "*") {
		k.Permissions = slices.Clone(b.Permissions)
	}
	if b.ExpiresInDays != nil {
		k.Expires = now.Add(time.Duration(*b.ExpiresInDays) * 24 * time.Hour)
	}
	p.apiKeys[k.Secret] = k
	p.keysCreated++
	p.keys[k.Secret] = u.Type
	p.keyUser[k.Secret] = u.ID
	p.ok(w, r, p.keyJSONLocked(k, true))
}

// listKeysLocked is GET keys: newest first; admins see every key, others their own.
func (p *Portal) listKeysLocked(w http.ResponseWriter, r *http.Request, u *Person) {
	var keys []*APIKey
	for _, k := range p.apiKeys {
		if u.mayManageKey(k) {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(a, b *APIKey) int { return b.Created.Compare(a.Created) })
	out := []map[string]any{}
	for _, k := range keys {
		out = append(out, p.keyJSONLocked(k, false))
	}
	p.ok(w, r, out)
}

// updateKeyLocked is PUT keys/{id}: false (200) for an expired key or a caller who is
// neither its creator nor an admin; permissions ["*"] make it unrestricted, none keep them.
func (p *Portal) updateKeyLocked(w http.ResponseWriter, r *http.Request, u *Person, id string) {
	b, ok := p.readKeyRequest(w, r, false)
	if !ok {
		return
	}
	k := p.keyByIDLocked(id)
	switch {
	case k == nil:
		fail(w, http.StatusInternalServerError, "Sequence contains no elements", "System.InvalidOperationException")
		return
	case !u.mayManageKey(k) || (!k.Expires.IsZero() && !p.opts.Now().Before(k.Expires)):
		p.ok(w, r, false)
		return
	}
	if b.Name != nil {
		k.Name = *b.Name
	}
	switch {
	case slices.Equal(b.Permissions, []string{"*"}):
		k.Permissions = nil
	case len(b.Permissions) > 0:
		k.Permissions = slices.Clone(b.Permissions)
	}
	if b.IsActive != nil {
		k.Active = *b.IsActive
	}
	p.ok(w, r, true)
}

func (p *Portal) deleteKeyLocked(w http.ResponseWriter, r *http.Request, u *Person, id string) {
	k := p.keyByIDLocked(id)
	switch {
	case k == nil:
		fail(w, http.StatusInternalServerError, "Sequence contains no elements", "System.InvalidOperationException")
	case !u.mayManageKey(k):
		p.ok(w, r, false)
	default:
		delete(p.apiKeys, k.Secret)
		delete(p.keys, k.Secret)
		delete(p.keyUser, k.Secret)
		p.ok(w, r, true)
	}
}

// mayManageKey: a key's creator, and admins for every key.
func (u *Person) mayManageKey(k *APIKey) bool { return u.isAdmin() || k.CreatedBy == u.ID }
