package mockportal_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func createKey(t *testing.T, c roleCaller, body string) map[string]any {
	t.Helper()
	a := c.api("POST", "keys", body)
	if a.status != 200 {
		t.Fatalf("create key %s: %d %s", body, a.status, a.raw)
	}
	return response(a)
}

func bearer(key string) func(*http.Request) {
	return func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+key) }
}

// The whole secret only at creation; scopes narrow what the key may call (403, empty
// body); switched off or expired keys do not authenticate.
func TestKeys_SecretScopesAndExpiry(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	admin := asRole(t, srv, mockportal.DocSpaceAdmin)
	k := createKey(t, admin, `{"name":"ci","permissions":["rooms:read"],"expiresInDays":1}`)
	secret := k["key"].(string)
	if !strings.HasPrefix(secret, "sk-") || len(secret) != 67 || k["keyPostfix"] != secret[63:] || k["expiresAt"] == nil {
		t.Fatalf("created key: %v", k)
	}
	list := admin.api("GET", "keys", "")
	if !strings.Contains(list.raw, `"sk-***`+secret[63:]+`"`) || strings.Contains(list.raw, secret) {
		t.Errorf("the list must mask the secret: %s", list.raw)
	}
	if a := call(t, "GET", srv.URL+"/api/2.0/files/rooms", bearer(secret)); a.status != 200 {
		t.Errorf("rooms:read reading rooms: %d", a.status)
	}
	if a := callBody(t, "POST", srv.URL+"/api/2.0/files/rooms", bearer(secret), `{"title":"x","roomType":5}`); a.status != 403 || a.raw != "" {
		t.Errorf("rooms:read creating a room: %d %q", a.status, a.raw)
	}
	if a := call(t, "GET", srv.URL+"/api/2.0/keys/@self", bearer(secret)); response(a)["id"] != k["id"] {
		t.Errorf("@self: %s", a.raw)
	}
	srv.ExpireAPIKey(k["id"].(string))
	if a := call(t, "GET", srv.URL+"/api/2.0/files/rooms", bearer(secret)); a.status != 401 {
		t.Errorf("an expired key: %d", a.status)
	}
	if a := admin.api("PUT", "keys/"+k["id"].(string), `{"name":"renamed"}`); a.body["response"] != false {
		t.Errorf("updating an expired key answers false: %s", a.raw)
	}
}

func TestKeys_ValidationRightsAndRateLimit(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	user := asRole(t, srv, mockportal.User)
	for body, want := range map[string]string{
		`{"name":""}`: "The Name field is required.", `{"name":"` + strings.Repeat("n", 31) + `"}`: "Incorrect name. Length must be less than 30",
		`{"name":"x","expiresInDays":400}`: "Incorrect number of days", `{"name":"x","permissions":["rooms:admin"]}`: "Permissions are not valid.",
	} {
		if a := user.api("POST", "keys", body); a.status != 400 || !strings.Contains(a.raw, want) {
			t.Errorf("%s: %d %s", body, a.status, a.raw)
		}
	}
	if a := asRole(t, srv, mockportal.Guest).api("POST", "keys", `{"name":"g"}`); a.status != 403 {
		t.Errorf("guest: %d", a.status)
	}
	// The four refused ones above counted: one more fits, then 429.
	mine := createKey(t, user, `{"name":"mine"}`)
	if a := user.api("POST", "keys", `{"name":"too many"}`); a.status != 429 || a.header.Get("X-RateLimit-Remaining") != "0" {
		t.Errorf("sixth creation in 15 minutes: %d", a.status)
	}
	other := createKey(t, asRole(t, srv, mockportal.RoomAdmin), `{"name":"theirs"}`)
	if a := user.api("DELETE", "keys/"+other["id"].(string), ""); a.body["response"] != false {
		t.Errorf("deleting someone else's key answers false: %s", a.raw)
	}
	if a := user.api("GET", "keys", ""); strings.Contains(a.raw, "theirs") {
		t.Errorf("a user lists only their own keys: %s", a.raw)
	}
	if a := user.api("PUT", "keys/"+mine["id"].(string), `{"isActive":false}`); a.body["response"] != true {
		t.Errorf("switching off: %s", a.raw)
	}
	if a := call(t, "GET", srv.URL+"/api/2.0/people/@self", bearer(mine["key"].(string))); a.status != 401 {
		t.Errorf("a switched-off key: %d", a.status)
	}
	if a := user.api("DELETE", "keys/"+mine["id"].(string), ""); a.body["response"] != true {
		t.Errorf("delete: %s", a.raw)
	}
	if a := user.api("DELETE", "keys/"+mine["id"].(string), ""); a.status != 500 {
		t.Errorf("deleting twice: %d", a.status)
	}
	if got := len(srv.APIKeys()); got != 1 {
		t.Errorf("keys left: %d", got)
	}
}
