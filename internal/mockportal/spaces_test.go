package mockportal_test

import (
	"crypto/hmac"
	"crypto/sha1" //nolint:gosec // the hosting API's tokens are HMAC-SHA1
	"encoding/base64"
	"fmt"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

// hostingToken is an "ASC" token for the hosting API, computed here independently of the
// provider's client.
func hostingToken(machineKey string, at time.Time, encode func([]byte) string) func(*http.Request) {
	stamp := at.UTC().Format("20060102150405")
	mac := hmac.New(sha1.New, []byte(machineKey))
	mac.Write([]byte(stamp + "\nsite"))
	header := "ASC site:" + stamp + ":" + encode(mac.Sum(nil))
	return func(r *http.Request) { r.Header.Set("Authorization", header) }
}

func signed(srv *mockportal.Server) func(*http.Request) {
	return hostingToken(srv.MachineKey(), time.Now(), base64.RawURLEncoding.EncodeToString)
}

func hosting(t *testing.T, srv *mockportal.Server, method, path string, auth func(*http.Request), body string) answer {
	t.Helper()
	return callBody(t, method, srv.URL+"/apisystem/"+path, auth, body)
}

func registerSpace(t *testing.T, srv *mockportal.Server, alias, password string) map[string]any {
	t.Helper()
	a := hosting(t, srv, "POST", "portal/register", signed(srv),
		fmt.Sprintf(`{"portalName":%q,"firstName":"Ada","lastName":"Admin","email":"ada@%s.test","password":%q}`, alias, alias, password))
	if a.status != 200 {
		t.Fatalf("register %s: %d %s", alias, a.status, a.raw)
	}
	return a.body["tenant"].(map[string]any)
}

func TestSpaces_Authentication(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{Standalone: true, MachineKey: "machine-secret"})
	basic := func(user, password string) func(*http.Request) {
		return func(r *http.Request) { r.SetBasicAuth(user, password) }
	}
	cases := map[string]struct {
		auth func(*http.Request)
		want int
	}{
		"token, base64url":       {hostingToken("machine-secret", time.Now(), base64.RawURLEncoding.EncodeToString), 200},
		"token, padded base64":   {hostingToken("machine-secret", time.Now(), base64.StdEncoding.EncodeToString), 200},
		"token, older than 5min": {hostingToken("machine-secret", time.Now().Add(-6*time.Minute), base64.RawURLEncoding.EncodeToString), 401},
		"token, wrong key":       {hostingToken("other", time.Now(), base64.RawURLEncoding.EncodeToString), 401},
		"owner's login":          {basic(srv.OwnerEmail(), srv.OwnerPassword()), 200},
		"wrong password":         {basic(srv.OwnerEmail(), "nope"), 401},
		"an API key":             {rawKey(srv.Key(mockportal.Owner)), 401},
		"nothing":                {nil, 401},
	}
	for name, tc := range cases {
		if a := hosting(t, srv, "GET", "portal/get", tc.auth, ""); a.status != tc.want {
			t.Errorf("%s: %d %s", name, a.status, a.raw)
		}
	}
	saas := mockportal.StartTest(t, mockportal.Options{})
	if a := hosting(t, saas, "GET", "portal/get", signed(saas), ""); a.status != 403 || a.body["message"] != "Method for server edition only." {
		t.Errorf("SaaS: %d %s", a.status, a.raw)
	}
}

// A registered space is listed, has its own domain and owner, and answers there (by
// Origin, and through the mock as a proxy for its host name).
func TestSpaces_RegisterAndReach(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{Standalone: true})
	for body, code := range map[string]string{`{"portalName":""}`: "portalNameEmpty", `{"portalName":"ab"}`: "tooShortError",
		`{"portalName":"-bad-"}`: "portalNameIncorrect", `{"portalName":"portal"}`: "portalNameExist"} {
		if a := hosting(t, srv, "POST", "portal/validateportalname", nil, body); a.status != 400 || a.body["error"] != code {
			t.Errorf("validate %s: %d %s", body, a.status, a.raw)
		}
	}
	tenant := registerSpace(t, srv, "acme", "")
	if tenant["domain"] != "acme."+srv.BaseDomain() || tenant["status"] != "Active" || tenant["tenantId"] != float64(2) {
		t.Errorf("tenant: %v", tenant)
	}
	if a := hosting(t, srv, "GET", "portal/get?tenantId=2&statistics=true", signed(srv), ""); len(tenants(a)) != 1 {
		t.Errorf("listing: %s", a.raw)
	}
	byOrigin := call(t, "GET", srv.URL+"/api/2.0/settings", func(r *http.Request) { r.Header.Set("Origin", "http://acme."+srv.BaseDomain()) })
	if response(byOrigin)["tenantAlias"] != "acme" {
		t.Errorf("by Origin: %s", byOrigin.raw)
	}
	proxied := &http.Client{Transport: &http.Transport{Proxy: func(*http.Request) (*url.URL, error) { return url.Parse(srv.URL) }}}
	resp, err := proxied.Get("http://acme." + srv.BaseDomain() + "/api/2.0/people/@self")
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if resp.StatusCode != 401 {
		t.Errorf("the new space's API through the proxy, without a key: %d", resp.StatusCode)
	}
	if p := srv.Space("acme"); p == nil || p.OwnerEmail() != "ada@acme.test" || len(p.Keys()) != 1 {
		t.Errorf("the space's portal: %v", p)
	}
}

func TestSpaces_SuspendRemoveAndPitfalls(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{Standalone: true})
	registerSpace(t, srv, "draft", "")
	registerSpace(t, srv, "live", "Passw0rd!")
	if a := hosting(t, srv, "PUT", "portal/status", signed(srv), `{"tenantId":2,"status":5}`); a.status != 200 || a.body["tenant"].(map[string]any)["status"] != "Suspended" {
		t.Errorf("suspend: %d %s", a.status, a.raw)
	}
	if a := hosting(t, srv, "GET", "portal/get?tenantId=2", signed(srv), ""); len(tenants(a)) != 0 {
		t.Errorf("a suspended space is listed: %s", a.raw)
	}
	origin := func(alias string) func(*http.Request) {
		return func(r *http.Request) { r.Header.Set("Origin", "http://"+alias+"."+srv.BaseDomain()) }
	}
	if s := response(call(t, "GET", srv.URL+"/api/2.0/settings", origin("draft"))); s["tenantStatus"] != float64(1) || s["tenantAlias"] != "draft" {
		t.Errorf("a suspended space's settings: %v", s)
	}
	if a := call(t, "GET", srv.URL+"/api/2.0/portal", origin("draft")); a.status != 404 {
		t.Errorf("a suspended space's API: %d", a.status)
	}
	if a := hosting(t, srv, "PUT", "portal/status", signed(srv), `{"tenantId":99,"status":0}`); a.status != 400 || a.body["error"] != "portalNameNotFound" {
		t.Errorf("unknown id: %d %s", a.status, a.raw)
	}
	if a := hosting(t, srv, "DELETE", "portal/remove?tenantId=2", signed(srv), ""); a.body["removed"] != true || srv.SpaceStatus("draft") != "RemovePending" {
		t.Errorf("remove before setup: %s", a.raw)
	}
	if s := response(call(t, "GET", srv.URL+"/api/2.0/settings", origin("draft"))); s["tenantAlias"] != "portal" {
		t.Errorf("a removed space's name must fall back to the first space: %v", s)
	}
	if a := hosting(t, srv, "DELETE", "portal/remove?tenantId=3", signed(srv), ""); a.body["removed"] != false || srv.SpaceStatus("live") != "Active" {
		t.Errorf("remove after setup only mails the owner: %s", a.raw)
	}
	if !srv.ConfirmSpaceRemoval("live") || srv.SpaceStatus("live") != "RemovePending" {
		t.Errorf("confirmed removal: %s", srv.SpaceStatus("live"))
	}
	if a := hosting(t, srv, "DELETE", "portal/remove?tenantId=1", signed(srv), ""); a.status != 400 || a.body["message"] != "The last full access space cannot be deleted." {
		t.Errorf("last full-access space: %d %s", a.status, a.raw)
	}
	// DocSpace's pitfall: an unknown name addresses the first active space.
	hosting(t, srv, "PUT", "portal/status", signed(srv), `{"portalName":"typo","status":1}`)
	if srv.SpaceStatus("portal") != "Suspended" {
		t.Errorf("an unknown name suspended nothing: %s", srv.SpaceStatus("portal"))
	}
}

func TestSpaces_RegistrationRateLimit(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{Standalone: true})
	for i := range 10 {
		registerSpace(t, srv, fmt.Sprintf("team%d", i), "")
	}
	a := hosting(t, srv, "POST", "portal/register", signed(srv), `{"portalName":"one-more","firstName":"A","lastName":"B","email":"a@b.test"}`)
	if a.status != 400 || a.body["error"] != "tooMuchAttempts" {
		t.Errorf("the 11th registration in 5 minutes: %d %s", a.status, a.raw)
	}
}

func tenants(a answer) []any {
	list, _ := a.body["tenants"].([]any)
	return list
}
