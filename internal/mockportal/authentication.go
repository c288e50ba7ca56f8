package mockportal

import (
	"encoding/json"
	"io"
	"net/http"
	"time"
)

// Logins: POST /api/2.0/authentication with {"userName", "password"} answers a session
// token that authenticates as "Authorization: Bearer <token>". The owner's password
// (OwnerPassword, or a random one printed on the command's start line) is the break-glass
// login that still works after a restore removed every API key; accounts created with a
// password (POST people) log in with it; disabled accounts cannot.

// OwnerEmail is the owner's login.
func (p *Portal) OwnerEmail() string { return string(Owner) + "@example.test" }

// OwnerPassword is the owner's password.
func (p *Portal) OwnerPassword() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.ownerPassword
}

func (p *Portal) serveAuthentication(w http.ResponseWriter, r *http.Request, rest string) {
	if rest != "" {
		notFoundPage(w)
		return
	}
	if r.Method != http.MethodPost {
		methodNotAllowed(w, http.MethodPost)
		return
	}
	raw, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	var body struct {
		UserName string `json:"userName"`
		Password string `json:"password"`
	}
	_ = json.Unmarshal(raw, &body)
	p.mu.Lock()
	defer p.mu.Unlock()
	u := p.userByEmailLocked(body.UserName)
	password := ""
	if u != nil {
		password = u.Password
		if u.Type == Owner {
			password = p.ownerPassword
		}
	}
	if u == nil || u.Disabled || password == "" || body.Password != password {
		p.loginEventLocked(r, u, body.UserName, actionLoginFailViaAPI, "Login failed via API")
		fail(w, http.StatusUnauthorized, "User authentication failed", "System.Security.Authentication.AuthenticationException")
		return
	}
	p.loginEventLocked(r, u, body.UserName, actionLoginViaAPI, "Logged in via API")
	token := "session-" + randomHex(16)
	p.tokens[token] = u.ID
	p.ok(w, r, map[string]any{"token": token, "expires": apiTime(p.opts.Now().Add(24 * time.Hour))})
}
