package mockportal

import (
	"net/http"
	"strings"
)

func (p *Portal) caller(r *http.Request) (Role, bool) {
	key := strings.TrimSpace(r.Header.Get("Authorization"))
	key = strings.TrimSpace(strings.TrimPrefix(key, "Bearer "))
	if key == "" {
		if c, err := r.Cookie("asc_auth_key"); err == nil {
			key = c.Value
		}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	role, ok := p.keys[key]
	return role, ok && key != ""
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
