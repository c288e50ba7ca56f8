package mockportal

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

// The identity service (README.md, "OAuth clients"): a separate Java service behind the
// same host, serving /api/2.0/clients (also as /api/2.0/oauth2/clients) and
// /api/2.0/scopes. It takes no API key: a caller first gets a signature, a five-minute
// HS256 JWT, from the DocSpace API (GET security/oauth2/token) and sends it as the
// x-signature header. Its answers are plain JSON and its errors RFC 7807 problem details.

const signatureLifetime = 5 * time.Minute

// identityRole is the identity service's own role, derived from the signature's claims.
type identityRole int

const (
	identityGuest identityRole = iota
	identityUser
	identityAdmin
)

// oauthState is the identity service's store.
type oauthState struct {
	signingKey   []byte
	oauthClients map[string]*OAuthClient
	signatures   int // signatures issued, for tests
}

func newOAuthState() oauthState {
	return oauthState{signingKey: []byte(randomHex(32)), oauthClients: map[string]*OAuthClient{}}
}

// oauthScopes are the identity service's scopes (name, group, type), in the order GET
// scopes lists them: by name ignoring case, openid last.
var oauthScopes = [][3]string{
	{"accounts.self:read", "profiles", "read"}, {"accounts.self:write", "profiles", "write"},
	{"accounts:read", "accounts", "read"}, {"accounts:write", "accounts", "write"},
	{"files:read", "files", "read"}, {"files:write", "files", "write"},
	{"rooms:read", "rooms", "read"}, {"rooms:write", "rooms", "write"},
	{"openid", "openid", "openid"},
}

// SignaturesIssued counts the signatures GET security/oauth2/token handed out.
func (p *Portal) SignaturesIssued() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.signatures
}

// issueSignatureLocked is GET security/oauth2/token: any signed-in account, guests too.
func (p *Portal) issueSignatureLocked(w http.ResponseWriter, r *http.Request, u *Person) {
	now := p.opts.Now()
	claims := map[string]any{
		"sub": u.ID, "user_id": u.ID, "user_name": u.FirstName + " " + u.LastName, "user_email": u.Email,
		"tenant_id": p.tenantID, "tenant_url": requestURL(r), "is_admin": u.isAdmin(), "is_guest": u.Type == Guest,
		"is_public": true, "iat": now.Unix(), "exp": now.Add(signatureLifetime).Unix(),
	}
	p.signatures++
	p.ok(w, r, p.signLocked(claims))
}

func (p *Portal) signLocked(claims map[string]any) string {
	enc := base64.RawURLEncoding
	header, _ := json.Marshal(map[string]string{"alg": "HS256", "typ": "JWT"})
	body, _ := json.Marshal(claims)
	unsigned := enc.EncodeToString(header) + "." + enc.EncodeToString(body)
	mac := hmac.New(sha256.New, p.signingKey)
	mac.Write([]byte(unsigned))
	return unsigned + "." + enc.EncodeToString(mac.Sum(nil))
}

// signedCaller checks the request's signature (header or cookie) and returns the account
// and its role; it answers 403 itself, with an empty body as the service does.
func (p *Portal) signedCallerLocked(w http.ResponseWriter, r *http.Request) (*Person, identityRole, bool) {
	token := r.Header.Get("x-signature")
	if c, err := r.Cookie("x-signature"); token == "" && err == nil {
		token = c.Value
	}
	var claims struct {
		UserID  string `json:"user_id"`
		IsAdmin bool   `json:"is_admin"`
		IsGuest bool   `json:"is_guest"`
		Public  bool   `json:"is_public"`
		Expires int64  `json:"exp"`
	}
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		w.WriteHeader(http.StatusForbidden)
		return nil, 0, false
	}
	mac := hmac.New(sha256.New, p.signingKey)
	mac.Write([]byte(parts[0] + "." + parts[1]))
	sig, _ := base64.RawURLEncoding.DecodeString(parts[2])
	body, _ := base64.RawURLEncoding.DecodeString(parts[1])
	u := (*Person)(nil)
	if hmac.Equal(sig, mac.Sum(nil)) && json.Unmarshal(body, &claims) == nil && p.opts.Now().Unix() < claims.Expires {
		u = p.users[claims.UserID]
	}
	if u == nil || u.Disabled {
		w.WriteHeader(http.StatusForbidden)
		return nil, 0, false
	}
	switch {
	case claims.IsAdmin:
		return u, identityAdmin, true
	case !claims.IsGuest && claims.Public:
		return u, identityUser, true
	}
	return u, identityGuest, true
}

// problem writes an RFC 7807 problem detail, the identity service's error shape.
func problem(w http.ResponseWriter, r *http.Request, status int, title, detail string, fieldErrors []map[string]string) {
	body := map[string]any{
		"type":  "https://api.onlyoffice.com/docspace/api-backend/get-started/basic-concepts",
		"title": title, "status": status, "detail": detail, "instance": r.URL.Path,
	}
	if fieldErrors != nil {
		body["errors"] = fieldErrors
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

func identityAccessDenied(w http.ResponseWriter, r *http.Request) {
	problem(w, r, http.StatusForbidden, "Forbidden", "Access denied", nil)
}

// serveScopesAPI is GET /api/2.0/scopes: any signed caller.
func (p *Portal) serveScopesAPI(w http.ResponseWriter, r *http.Request, rest string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if rest != "" || r.Method != http.MethodGet {
		problem(w, r, http.StatusNotFound, "Not Found", "No static resource "+strings.TrimPrefix(r.URL.Path, "/")+".", nil)
		return
	}
	if _, _, ok := p.signedCallerLocked(w, r); !ok {
		return
	}
	out := []map[string]string{}
	for _, s := range oauthScopes {
		out = append(out, map[string]string{"name": s[0], "group": s[1], "type": s[2]})
	}
	writeJSON(w, http.StatusOK, out)
}
