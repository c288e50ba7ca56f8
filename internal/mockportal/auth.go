package mockportal

import (
	"net/http"
	"strings"
)

// requestKey is the credential a request carries: `Authorization: <key>`,
// `Authorization: Bearer <key>`, or the asc_auth_key cookie.
func requestKey(r *http.Request) string {
	key := strings.TrimSpace(r.Header.Get("Authorization"))
	key = strings.TrimSpace(strings.TrimPrefix(key, "Bearer "))
	if key == "" {
		if c, err := r.Cookie("asc_auth_key"); err == nil {
			key = c.Value
		}
	}
	return key
}

// caller is the role of the request's key or session token.
func (p *Portal) caller(r *http.Request) (Role, bool) {
	key := requestKey(r)
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.keyUsableLocked(key) {
		return "", false
	}
	if role, ok := p.keys[key]; ok && key != "" {
		return role, true
	}
	if u, ok := p.users[p.tokens[key]]; ok && key != "" && !u.Disabled {
		return u.Type, true
	}
	return "", false
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
