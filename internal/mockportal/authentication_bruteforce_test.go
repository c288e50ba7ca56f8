package mockportal_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

// testClock is a clock a test moves by hand.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *testClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func TestAuthentication_BruteForceLockout(t *testing.T) {
	clock := &testClock{now: time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)}
	srv := mockportal.StartTest(t, mockportal.Options{Now: clock.Now, OwnerPassword: "Owner-pass-1"})
	owner := asRole(t, srv, mockportal.Owner)
	if a := owner.api("PUT", "settings/security/loginsettings", `{"attemptCount":2,"blockTime":60,"checkPeriod":60}`); a.status != 200 {
		t.Fatalf("login settings: %d %s", a.status, a.raw)
	}
	if a := owner.api("POST", "people", `{"email":"jo@example.test","firstName":"Jo","type":"User","password":"Right-pass-1"}`); a.status != 200 {
		t.Fatalf("create: %d %s", a.status, a.raw)
	}
	login := func(user, password string) answer {
		return callBody(t, "POST", srv.URL+"/api/2.0/authentication", nil, fmt.Sprintf(`{"userName":%q,"password":%q}`, user, password))
	}
	for i := range 2 {
		if a := login("jo@example.test", "wrong"); a.status != 401 {
			t.Fatalf("failure %d: %d", i+1, a.status)
		}
	}
	if a := login("jo@example.test", "Right-pass-1"); a.status != 403 || errMessage(a) != "Too many login attempts. Please try again later" {
		t.Errorf("blocked, the right password: %d %s", a.status, a.raw)
	}
	if a := login(srv.OwnerEmail(), "Owner-pass-1"); a.status != 200 {
		t.Errorf("other accounts are not blocked: %d", a.status)
	}
	history := owner.api("GET", "security/audit/login/last", "")
	if !strings.Contains(history.raw, `"actionId":1023`) {
		t.Errorf("the lockout is not in the login history: %s", history.raw)
	}
	clock.advance(61 * time.Second)
	if a := login("jo@example.test", "Right-pass-1"); a.status != 200 {
		t.Errorf("after the block time: %d %s", a.status, a.raw)
	}
}
