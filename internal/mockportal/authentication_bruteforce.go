package mockportal

import (
	"net"
	"net/http"
	"strings"
	"time"
)

// Brute-force protection of logins (the login settings): failures are counted per login
// name and client address; once AttemptCount of them fall inside CheckPeriod seconds, the
// pair is blocked for BlockTime seconds, and even the right password gets 403. DocSpace
// applies both periods as seconds although its settings call the block time minutes.

const (
	actionLoginFailBruteForce = 1023
	msgTooManyLogins          = "Too many login attempts. Please try again later"
)

// loginAttempts is one (login, address) pair's recent failures and block.
type loginAttempts struct {
	failures     []time.Time
	blockedUntil time.Time
}

func loginKey(r *http.Request, login string) string {
	host, _, _ := net.SplitHostPort(r.RemoteAddr)
	return strings.ToLower(login) + "|" + host
}

// loginBlockedLocked reports whether the pair is blocked now, answering 403 (and auditing
// the refusal) when it is.
func (p *Portal) loginBlockedLocked(w http.ResponseWriter, r *http.Request, u *Person, login string) bool {
	a := p.loginAttempts[loginKey(r, login)]
	if a == nil || !p.opts.Now().Before(a.blockedUntil) {
		return false
	}
	p.loginEventLocked(r, u, login, actionLoginFailBruteForce, "Login failed: too many attempts")
	forbidden(w, msgTooManyLogins)
	return true
}

// loginFailedLocked counts a failure and starts a block once the portal's limit is reached.
func (p *Portal) loginFailedLocked(r *http.Request, login string) {
	key, now, s := loginKey(r, login), p.opts.Now(), p.settings.Login
	a := p.loginAttempts[key]
	if a == nil {
		a = &loginAttempts{}
		p.loginAttempts[key] = a
	}
	window := now.Add(-time.Duration(s.CheckPeriod) * time.Second)
	kept := a.failures[:0]
	for _, t := range a.failures {
		if t.After(window) {
			kept = append(kept, t)
		}
	}
	kept = append(kept, now)
	a.failures = kept
	if len(a.failures) >= s.AttemptCount {
		a.blockedUntil, a.failures = now.Add(time.Duration(s.BlockTime)*time.Second), nil
	}
}
