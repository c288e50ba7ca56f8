package mockportal

import (
	"encoding/json"
	"io"
	"net"
	"net/http"
	"slices"
	"strings"
	"time"
)

// Logins: POST /api/2.0/authentication with {"userName", "password"} answers a session
// token that authenticates as "Authorization: Bearer <token>". The owner's password
// (OwnerPassword, or a random one printed on the command's start line) is the break-glass
// login that still works after a restore removed every API key; accounts created with a
// password (POST people) log in with it; disabled accounts cannot. With two-factor
// authentication on, the answer asks for the app's code instead of giving a session.

// OwnerEmail is the owner's login.
func (p *Portal) OwnerEmail() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	if u := p.users[p.userIDLocked(Owner)]; u != nil {
		return u.Email
	}
	return string(Owner) + "@example.test"
}

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
	if p.loginBlockedLocked(w, r, u, body.UserName) {
		return
	}
	password := ""
	if u != nil {
		password = u.Password
		if u.Type == Owner {
			password = p.ownerPassword
		}
	}
	if u == nil || u.Disabled || password == "" || body.Password != password {
		p.loginEventLocked(r, u, body.UserName, actionLoginFailViaAPI, "Login failed via API")
		p.loginFailedLocked(r, body.UserName)
		fail(w, http.StatusUnauthorized, "User authentication failed", "System.Security.Authentication.AuthenticationException")
		return
	}
	if p.secondFactorDueLocked(r, u) {
		// The password was right, but the app code must follow: no session yet.
		p.ok(w, r, map[string]any{"tfa": true, "tfaKey": randomHex(16), "confirmUrl": requestURL(r) + "/../../../confirm/TfaAuth"})
		return
	}
	p.loginEventLocked(r, u, body.UserName, actionLoginViaAPI, "Logged in via API")
	token := "session-" + randomHex(16)
	p.tokens[token] = u.ID
	p.ok(w, r, map[string]any{"token": token, "expires": apiTime(p.opts.Now().Add(24 * time.Hour))})
}

// secondFactorDueLocked says whether a sign-in needs the authenticator app: with
// two-factor authentication on, everyone does, except from a trusted address unless they
// are a mandatory user.
func (p *Portal) secondFactorDueLocked(r *http.Request, u *Person) bool {
	tfa := p.settings.TFA
	if tfa.Method != "app" {
		return false
	}
	if slices.ContainsFunc(tfa.MandatoryUsers, func(id string) bool { return strings.EqualFold(id, u.ID) }) {
		return true
	}
	host, _, _ := net.SplitHostPort(r.RemoteAddr)
	ip := net.ParseIP(host)
	for _, trusted := range tfa.TrustedIPs {
		_, block, err := net.ParseCIDR(trusted)
		if (err == nil && block.Contains(ip)) || trusted == host {
			return false
		}
	}
	return true
}
