package mockportal_test

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

// signature gets a role's x-signature from GET security/oauth2/token.
func signature(t *testing.T, srv *mockportal.Server, role mockportal.Role) func(*http.Request) {
	t.Helper()
	a := asRole(t, srv, role).api("GET", "security/oauth2/token", "")
	jwt, _ := a.body["response"].(string)
	if a.status != 200 || !strings.HasPrefix(jwt, "eyJ") || strings.Count(jwt, ".") != 2 {
		t.Fatalf("signature for %s: %d %s", role, a.status, a.raw)
	}
	return func(r *http.Request) { r.Header.Set("x-signature", jwt) }
}

const oauthLogo = "data:image/png;base64,iVBORw0KGgo="

func oauthClientBody(name string, extra string) string {
	return fmt.Sprintf(`{"name":%q,"logo":%q,"website_url":"https://app.example.com","terms_url":"https://app.example.com/terms",
	"policy_url":"https://app.example.com/privacy","logout_redirect_uri":"https://app.example.com/bye",
	"redirect_uris":["https://app.example.com/cb"],"allowed_origins":["https://app.example.com"],"scopes":["rooms:read","openid"]%s}`, name, oauthLogo, extra)
}

func identity(t *testing.T, srv *mockportal.Server, method, path string, auth func(*http.Request), body string) answer {
	t.Helper()
	return callBody(t, method, srv.URL+"/api/2.0/"+path, auth, body)
}

// The secret comes with the creation and GET one, lists carry its stored form; the
// identity service's auth is the signature, never the API key.
func TestOAuthClients_LifecycleAndSecret(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	admin := signature(t, srv, mockportal.DocSpaceAdmin)
	a := identity(t, srv, "POST", "clients", admin, oauthClientBody("Reporting", `,"allow_pkce":true,"is_public":false`))
	if a.status != 201 || a.body["enabled"] != true || a.body["is_public"] != true || len(a.body["client_secret"].(string)) != 36 {
		t.Fatalf("create: %d %s", a.status, a.raw)
	}
	id, secret := a.body["client_id"].(string), a.body["client_secret"].(string)
	if methods := fmt.Sprint(a.body["authentication_methods"]); methods != "[client_secret_post none]" {
		t.Errorf("PKCE adds none: %s", methods)
	}
	if got := identity(t, srv, "GET", "oauth2/clients/"+id, admin, ""); got.body["client_secret"] != secret {
		t.Errorf("GET one (through the oauth2 alias) carries the secret: %s", got.raw)
	}
	if list := identity(t, srv, "GET", "clients?limit=1", admin, ""); strings.Contains(list.raw, secret) || !strings.Contains(list.raw, id) {
		t.Errorf("a list carries the stored form of the secret: %s", list.raw)
	}
	if a := identity(t, srv, "PUT", "clients/"+id, admin, `{"name":"Reports","logo":"`+oauthLogo+`","allow_pkce":false}`); a.status != 200 || a.raw != "" {
		t.Errorf("update: %d %s", a.status, a.raw)
	}
	regen := identity(t, srv, "PATCH", "clients/"+id+"/regenerate", admin, "")
	if fresh, _ := regen.body["client_secret"].(string); len(fresh) != 36 || fresh == secret {
		t.Errorf("regenerate: %s", regen.raw)
	}
	if a := identity(t, srv, "PATCH", "clients/"+id+"/activation", admin, `{"status":false}`); a.status != 200 {
		t.Errorf("activation: %d %s", a.status, a.raw)
	}
	c := srv.OAuthClients()[0]
	if c.Name != "Reports" || c.AllowPKCE || c.Enabled || len(c.AllowedOrigins) != 1 {
		t.Errorf("after update and activation: %+v", c)
	}
	if a := identity(t, srv, "DELETE", "clients/"+id, admin, ""); a.status != 200 {
		t.Errorf("delete: %d", a.status)
	}
	if a := identity(t, srv, "DELETE", "clients/"+id, admin, ""); a.status != 404 || a.body["detail"] != "Client with ID "+id+" was not found" {
		t.Errorf("delete again: %d %s", a.status, a.raw)
	}
}

func TestOAuthClients_SignatureAndRoles(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	if a := call(t, "GET", srv.URL+"/api/2.0/security/oauth2/token", nil); a.status != 401 {
		t.Errorf("anonymous token: %d", a.status)
	}
	withKey := rawKey(srv.Key(mockportal.Owner))
	if a := identity(t, srv, "GET", "clients", withKey, ""); a.status != 403 || a.raw != "" {
		t.Errorf("an API key is no signature: %d %q", a.status, a.raw)
	}
	forged := func(r *http.Request) { r.Header.Set("x-signature", "eyJhbGciOiJIUzI1NiJ9.e30.AAAA") }
	if a := identity(t, srv, "GET", "scopes", forged, ""); a.status != 403 || a.raw != "" {
		t.Errorf("a forged signature: %d %q", a.status, a.raw)
	}
	guest := signature(t, srv, mockportal.Guest)
	if a := identity(t, srv, "GET", "scopes", guest, ""); a.status != 200 || !strings.HasPrefix(a.raw, `[{"group":"profiles","name":"accounts.self:read"`) {
		t.Errorf("scopes for a guest: %d %s", a.status, a.raw)
	}
	if a := identity(t, srv, "POST", "clients", guest, oauthClientBody("Guest app", "")); a.status != 403 || a.body["detail"] != "Access denied" {
		t.Errorf("a guest creating: %d %s", a.status, a.raw)
	}
	user := signature(t, srv, mockportal.User)
	mine := identity(t, srv, "POST", "clients", user, oauthClientBody("Mine", ""))
	theirs := identity(t, srv, "POST", "clients", signature(t, srv, mockportal.RoomAdmin), oauthClientBody("Theirs", ""))
	if a := identity(t, srv, "GET", "clients/"+theirs.body["client_id"].(string), user, ""); a.status != 404 {
		t.Errorf("a user reading another's client: %d", a.status)
	}
	if a := identity(t, srv, "GET", "clients", user, ""); strings.Contains(a.raw, "Theirs") || !strings.Contains(a.raw, mine.body["client_id"].(string)) {
		t.Errorf("a user lists their own: %s", a.raw)
	}
	if a := identity(t, srv, "GET", "clients", signature(t, srv, mockportal.Owner), ""); len(a.body["data"].([]any)) != 2 {
		t.Errorf("the owner lists every client: %s", a.raw)
	}
	srv.SetUserDisabled(srv.UserID(mockportal.User), true)
	if a := identity(t, srv, "GET", "scopes", user, ""); a.status != 403 {
		t.Errorf("a disabled account's signature: %d", a.status)
	}
}

func TestOAuthClients_Validation(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	admin := signature(t, srv, mockportal.DocSpaceAdmin)
	big := "data:image/png;base64," + base64.StdEncoding.EncodeToString(make([]byte, 256_001))
	for body, want := range map[string]string{
		oauthClientBody("ab", ""):                                                                                   `"code":"ErrorName","field":"name"`,
		strings.Replace(oauthClientBody("App", ""), oauthLogo, "", 1):                                               "client logo must not be empty",
		strings.Replace(oauthClientBody("App", ""), oauthLogo, big, 1):                                              "Logo size exceeds the maximum allowed size",
		strings.Replace(oauthClientBody("App", ""), "https://app.example.com/terms", "http://localhost/t", 1):       "terms url is expected to be passed as url",
		strings.Replace(oauthClientBody("App", ""), `["https://app.example.com/cb"]`, `["ftp://x.example.com"]`, 1): "url collection has invalid entries",
		strings.Replace(oauthClientBody("App", ""), `["rooms:read","openid"]`, `[]`, 1):                             "scopes field can not be empty",
		strings.Replace(oauthClientBody("App", ""), `["rooms:read","openid"]`, `["rooms:admin"]`, 1):                "Invalid scopes: rooms:admin",
	} {
		if a := identity(t, srv, "POST", "clients", admin, body); a.status != 400 || !strings.Contains(a.raw, want) ||
			a.header.Get("Content-Type") != "application/problem+json" {
			t.Errorf("want %q: %d %s", want, a.status, a.raw)
		}
	}
	if a := identity(t, srv, "PUT", "clients/"+mockportal.NewGUID(), admin, `{"name":"App"}`); a.status != 400 {
		t.Errorf("a PUT without a logo is refused before the lookup: %d %s", a.status, a.raw)
	}
	if len(srv.OAuthClients()) != 0 {
		t.Error("refused requests created clients")
	}
}

// Pages of the list, newest first, continue after the last item of the page before.
func TestOAuthClients_ListPages(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	admin := signature(t, srv, mockportal.Owner)
	for i := range 5 {
		identity(t, srv, "POST", "clients", admin, oauthClientBody(fmt.Sprintf("App %d", i), ""))
	}
	seen := map[string]bool{}
	query := "clients?limit=2"
	for page := 0; page < 4; page++ {
		a := identity(t, srv, "GET", query, admin, "")
		data := a.body["data"].([]any)
		for _, c := range data {
			seen[c.(map[string]any)["client_id"].(string)] = true
		}
		if len(data) < 2 {
			break
		}
		query = fmt.Sprintf("clients?limit=2&last_client_id=%s&last_created_on=%s", a.body["last_client_id"], a.body["last_created_on"])
	}
	if len(seen) != 5 {
		t.Errorf("pages saw %d clients, want 5", len(seen))
	}
	if a := identity(t, srv, "GET", "clients?limit=51", admin, ""); a.status != 400 {
		t.Errorf("limit 51: %d", a.status)
	}
}
