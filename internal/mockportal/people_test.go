package mockportal_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestPeople_SelfAnswersForEveryKey(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	for _, role := range mockportal.Roles {
		a := call(t, "GET", srv.URL+"/api/2.0/people/@self", rawKey(srv.Key(role)))
		me := response(a)
		if a.status != 200 || me["id"] != srv.UserID(role) || me["email"] != string(role)+"@example.test" {
			t.Errorf("%s: %d %s", role, a.status, a.raw)
		}
	}
	if a := call(t, "GET", srv.URL+"/api/2.0/people/@self", nil); a.status != 401 {
		t.Errorf("anonymous: %d", a.status)
	}
}

// createUser creates an account as role and returns its id.
func createUser(t *testing.T, c roleCaller, email, typ string) string {
	t.Helper()
	a := c.api("POST", "people", fmt.Sprintf(`{"email":%q,"firstName":"Jane","lastName":"Doe","type":%q}`, email, typ))
	if a.status != 200 {
		t.Fatalf("create %s: %d %s", email, a.status, a.raw)
	}
	return response(a)["id"].(string)
}

func TestPeople_CreateShapesAndWhoMayCreateWhat(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	owner := asRole(t, srv, mockportal.Owner)
	a := owner.api("POST", "people", `{"email":"jane@example.test","firstName":"Jane","lastName":"Doe","type":"RoomAdmin"}`)
	u := response(a)
	if a.status != 200 || u["status"] != float64(1) || u["activationStatus"] != float64(2) || u["isRoomAdmin"] != true || u["userName"] != "jane" {
		t.Fatalf("create: %d %s", a.status, a.raw)
	}
	if !strings.HasSuffix(u["registrationDate"].(string), "+03:00") || u["createdBy"].(map[string]any)["id"] != srv.UserID(mockportal.Owner) {
		t.Errorf("dates carry the portal's offset, createdBy is the caller: %s", a.raw)
	}
	if a := owner.api("POST", "people", `{"email":"JANE@example.test","firstName":"Jane","type":"User"}`); a.status != 400 || errMessage(a) != "User with this email is already registered" {
		t.Errorf("duplicate: %d %s", a.status, a.raw)
	}
	if a := owner.api("POST", "people", `{"email":"x@example.test","firstName":"R2-D2","type":"User"}`); a.status != 400 || errMessage(a) != "Incorrect firstname or lastname" {
		t.Errorf("bad name: %d %s", a.status, a.raw)
	}
	cases := []struct {
		role  mockportal.Role
		typ   string
		allow bool
	}{
		{mockportal.Owner, "DocSpaceAdmin", true}, {mockportal.DocSpaceAdmin, "DocSpaceAdmin", false},
		{mockportal.DocSpaceAdmin, "RoomAdmin", true}, {mockportal.RoomAdmin, "RoomAdmin", false},
		{mockportal.RoomAdmin, "User", true}, {mockportal.User, "User", false},
		{mockportal.Owner, "Guest", false}, {mockportal.DocSpaceAdmin, "Guest", false},
	}
	for i, c := range cases {
		a := asRole(t, srv, c.role).api("POST", "people", fmt.Sprintf(`{"email":"u%d@example.test","firstName":"U","type":%q}`, i, c.typ))
		if (a.status == 200) != c.allow || (!c.allow && a.status != 403) {
			t.Errorf("%s creating %s: %d %s", c.role, c.typ, a.status, a.raw)
		}
	}
	if a := owner.api("POST", "people", `{"email":"long@example.test","firstName":"`+strings.Repeat("a", 256)+`"}`); a.status != 400 || !strings.Contains(a.raw, `"FirstName"`) {
		t.Errorf("validation: %d %s", a.status, a.raw)
	}
}

func TestPeople_NoFreeSeatMakesAUserAndInvitesAre402(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{PaidSeats: 3}) // owner, DSA, RA are seeded
	owner := asRole(t, srv, mockportal.Owner)
	id := createUser(t, owner, "late@example.test", "RoomAdmin")
	if u, _ := srv.User(id); u.Type != mockportal.User {
		t.Errorf("no seat: DocSpace creates a user silently, got %s", u.Type)
	}
	if a := owner.api("POST", "people/invite", `{"invitations":[{"email":"ra@example.test","type":"RoomAdmin"}]}`); a.status != 402 {
		t.Errorf("invite beyond the seats: %d %s", a.status, a.raw)
	}
	if a := owner.api("PUT", "people/type/RoomAdmin", `{"userIds":["`+id+`"]}`); a.status != 402 {
		t.Errorf("upgrade beyond the seats: %d %s", a.status, a.raw)
	}
}

func TestPeople_AnAdminCannotRenameSomeoneElse(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	owner := asRole(t, srv, mockportal.Owner)
	id := srv.UserID(mockportal.User)
	a := owner.api("PUT", "people/"+id, `{"firstName":"Renamed","disable":true}`)
	if a.status != 200 || response(a)["firstName"] != "User" || response(a)["status"] != float64(2) {
		t.Errorf("other user: names silently ignored, disable applied: %d %s", a.status, a.raw)
	}
	self := asRole(t, srv, mockportal.RoomAdmin)
	if a := self.api("PUT", "people/"+srv.UserID(mockportal.RoomAdmin), `{"firstName":"Renamed","disable":true}`); a.status != 200 || response(a)["firstName"] != "Renamed" || response(a)["status"] != float64(1) {
		t.Errorf("self: names applied, disable ignored: %d %s", a.status, a.raw)
	}
	if a := asRole(t, srv, mockportal.DocSpaceAdmin).api("PUT", "people/"+srv.UserID(mockportal.Owner), `{"disable":true}`); a.status != 403 {
		t.Errorf("the owner is untouchable: %d", a.status)
	}
	if a := owner.api("PUT", "people/"+mockportal.NewGUID(), `{}`); a.status != 404 {
		t.Errorf("unknown: %d", a.status)
	}
}

func TestPeople_TypeChanges(t *testing.T) {
	clk := &clock{now: time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)}
	srv := mockportal.StartTest(t, mockportal.Options{Now: clk.Now, JobDuration: time.Second})
	owner, dsa := asRole(t, srv, mockportal.Owner), asRole(t, srv, mockportal.DocSpaceAdmin)
	user := srv.UserID(mockportal.User)
	if a := owner.api("PUT", "people/type/User", `{"userIds":["`+user+`"]}`); a.status != 403 {
		t.Errorf("same type is a 403: %d", a.status)
	}
	if a := dsa.api("PUT", "people/type/DocSpaceAdmin", `{"userIds":["`+user+`"]}`); a.status != 403 {
		t.Errorf("only the owner makes admins: %d", a.status)
	}
	a := dsa.api("PUT", "people/type/RoomAdmin", `{"userIds":["`+user+`"]}`)
	if list, _ := a.body["response"].([]any); a.status != 200 || len(list) != 1 || list[0].(map[string]any)["isRoomAdmin"] != true {
		t.Fatalf("upgrade: %d %s", a.status, a.raw)
	}
	if a := dsa.api("PUT", "people/type/User", `{"userIds":["`+user+`"]}`); a.status != 403 {
		t.Errorf("downgrades are not immediate: %d", a.status)
	}
	a = dsa.api("POST", "people/type", `{"userId":"`+user+`","type":"User"}`)
	if a.status != 200 || response(a)["isCompleted"] != false {
		t.Fatalf("start downgrade: %d %s", a.status, a.raw)
	}
	if a := asRole(t, srv, mockportal.RoomAdmin).api("GET", "people/type/progress/"+user, ""); a.status != 403 {
		t.Errorf("progress is for admins: %d", a.status)
	}
	if u, _ := srv.User(user); u.Type != mockportal.RoomAdmin {
		t.Errorf("changed before the job ended: %s", u.Type)
	}
	clk.advance(time.Second)
	a = dsa.api("GET", "people/type/progress/"+user, "")
	if p := response(a); p["isCompleted"] != true || p["error"] != "" || p["percentage"] != float64(100) {
		t.Errorf("progress after the job: %s", a.raw)
	}
	if u, _ := srv.User(user); u.Type != mockportal.User {
		t.Errorf("after the job: %s", u.Type)
	}
	if a := dsa.api("GET", "people/type/progress/"+srv.UserID(mockportal.Guest), ""); a.status != 200 || a.body["response"] != nil {
		t.Errorf("no job: no response member: %s", a.raw)
	}
}

func TestPeople_DisableBeforeDelete(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	owner := asRole(t, srv, mockportal.Owner)
	id := createUser(t, owner, "leaver@example.test", "User")
	if a := owner.api("DELETE", "people/"+id, ""); a.status != 403 || errMessage(a) != "The user is not suspended" {
		t.Errorf("delete active: %d %s", a.status, a.raw)
	}
	if a := owner.api("PUT", "people/status/2", `{"userIds":["`+id+`","`+srv.UserID(mockportal.Owner)+`"]}`); a.status != 403 {
		t.Errorf("a list naming the owner: %d", a.status)
	}
	if u, _ := srv.User(id); u.Disabled {
		t.Error("a refused status list changed someone")
	}
	if a := asRole(t, srv, mockportal.RoomAdmin).api("PUT", "people/status/2", `{"userIds":["`+id+`"]}`); a.status != 403 {
		t.Errorf("room admins do not disable: %d", a.status)
	}
	if a := owner.api("PUT", "people/status/Terminated", `{"userIds":["`+id+`"]}`); a.status != 200 {
		t.Fatalf("disable: %d %s", a.status, a.raw)
	}
	if a := owner.api("DELETE", "people/"+id, ""); a.status != 200 || response(a)["status"] != float64(2) {
		t.Errorf("delete: %d %s", a.status, a.raw)
	}
	if a := owner.api("DELETE", "people/"+id, ""); a.status != 404 {
		t.Errorf("second delete: %d", a.status)
	}
	if a := asRole(t, srv, mockportal.RoomAdmin).api("DELETE", "people/"+mockportal.NewGUID(), ""); a.status != 403 {
		t.Errorf("the permission check comes before the lookup: %d", a.status)
	}
}

func TestPeople_InviteListsEveryPendingAccount(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	owner := asRole(t, srv, mockportal.Owner)
	createUser(t, owner, "created@example.test", "User") // created, not yet activated
	a := owner.api("POST", "people/invite", `{"invitations":[{"email":"bob@example.test","type":"User"}]}`)
	list, _ := a.body["response"].([]any)
	if a.status != 200 || len(list) != 2 {
		t.Fatalf("invite: %d %s", a.status, a.raw)
	}
	bob := owner.api("GET", "people/email?email=bob@example.test", "")
	if u := response(bob); u["status"] != float64(4) || u["firstName"] != "" || u["displayName"] != "bob@example.test" {
		t.Errorf("invited: %s", bob.raw)
	}
	if a := owner.api("POST", "people/invite", `{"invitations":[{"email":"g@example.test","type":"Guest"}]}`); a.status != 403 {
		t.Errorf("guests cannot be invited: %d", a.status)
	}
	srv.SetUserDisabled(srv.UserID(mockportal.User), true)
	if a := owner.api("POST", "people/invite", `{"invitations":[{"email":"user@example.test","type":"User"}]}`); a.status != 400 || !strings.HasPrefix(errMessage(a), "User disabled") {
		t.Errorf("disabled email: %d %s", a.status, a.raw)
	}
}

func TestPeople_Visibility(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	guest := srv.UserID(mockportal.Guest) // invited by the owner
	ra, user := asRole(t, srv, mockportal.RoomAdmin), asRole(t, srv, mockportal.User)
	if a := ra.api("GET", "people/"+guest, ""); a.status != 403 {
		t.Errorf("a room admin sees only their own guests: %d", a.status)
	}
	if a := ra.api("GET", "people/"+srv.UserID(mockportal.User), ""); a.status != 200 {
		t.Errorf("room admin reading a user: %d", a.status)
	}
	if a := user.api("GET", "people/"+srv.UserID(mockportal.Owner), ""); a.status != 403 {
		t.Errorf("users see nobody else: %d", a.status)
	}
	if a := user.api("GET", "people/filter", ""); a.status != 403 {
		t.Errorf("users cannot list: %d", a.status)
	}
	if a := ra.api("GET", "people/"+mockportal.NewGUID(), ""); a.status != 404 || errMessage(a) != "The user could not be found" {
		t.Errorf("unknown: %d %s", a.status, a.raw)
	}
	if a := ra.api("GET", "people/user", ""); a.status != 200 || response(a)["id"] != srv.UserID(mockportal.User) {
		t.Errorf("by user name: %d %s", a.status, a.raw)
	}
}

func TestPeople_FilterAndPaging(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	owner := asRole(t, srv, mockportal.Owner)
	srv.SetUserDisabled(srv.UserID(mockportal.User), true)
	a := owner.api("GET", "people/filter?employeeType=User&count=1", "")
	if a.status != 200 || a.body["total"] != float64(2) || len(a.body["response"].([]any)) != 1 {
		t.Errorf("type filter, paged: %s", a.raw)
	}
	a = owner.api("GET", "people/filter?employeeStatus=2", "")
	if a.body["total"] != float64(1) || a.body["response"].([]any)[0].(map[string]any)["id"] != srv.UserID(mockportal.User) {
		t.Errorf("status filter: %s", a.raw)
	}
	a = owner.api("GET", "people/filter?groupId="+srv.GroupID(mockportal.DesignersGroup)+"&filterValue=second", "")
	if a.body["total"] != float64(1) {
		t.Errorf("group and text: %s", a.raw)
	}
	if a := asRole(t, srv, mockportal.RoomAdmin).api("GET", "people/filter", ""); a.body["total"] != float64(4) {
		t.Errorf("a room admin sees neither disabled users nor others' guests: %s", a.raw)
	}
}

func TestPeople_AdminChangesAnEmail(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	owner := asRole(t, srv, mockportal.Owner)
	id := srv.UserID(mockportal.User)
	if a := owner.api("POST", "people/email", `{"userId":"`+id+`","email":"second.user@example.test"}`); a.status != 400 || errMessage(a) != "User with this email is already registered" {
		t.Errorf("taken: %d %s", a.status, a.raw)
	}
	if a := asRole(t, srv, mockportal.DocSpaceAdmin).api("POST", "people/email", `{"userId":"`+srv.UserID(mockportal.Owner)+`","email":"o@example.test"}`); a.status != 403 {
		t.Errorf("the owner's: %d", a.status)
	}
	if a := owner.api("POST", "people/email", `{"userId":"`+id+`","email":"new@example.test"}`); a.status != 200 {
		t.Fatalf("change: %d %s", a.status, a.raw)
	}
	if u, _ := srv.User(id); u.Email != "new@example.test" || u.Activated {
		t.Errorf("after: %+v", u)
	}
	srv.SetUserDisabled(id, true)
	if a := owner.api("POST", "people/email", `{"userId":"`+id+`","email":"newer@example.test"}`); a.status != 404 {
		t.Errorf("disabled: %d", a.status)
	}
}

func TestPeople_AnAccountCreatedWithAPasswordLogsIn(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	owner := asRole(t, srv, mockportal.Owner)
	if a := owner.api("POST", "people", `{"email":"pw@example.test","firstName":"Pw","type":"User","password":"short"}`); a.status != 400 {
		t.Errorf("password policy: %d %s", a.status, a.raw)
	}
	owner.api("POST", "people", `{"email":"pw@example.test","firstName":"Pw","type":"User","password":"Long-enough-1"}`)
	login := callBody(t, "POST", srv.URL+"/api/2.0/authentication", nil, `{"userName":"pw@example.test","password":"Long-enough-1"}`)
	token, _ := response(login)["token"].(string)
	if me := call(t, "GET", srv.URL+"/api/2.0/people/@self", rawKey("Bearer "+token)); response(me)["email"] != "pw@example.test" {
		t.Fatalf("login: %s / %s", login.raw, me.raw)
	}
	srv.SetUserDisabled(srv.UserIDByEmail("pw@example.test"), true)
	if a := callBody(t, "POST", srv.URL+"/api/2.0/authentication", nil, `{"userName":"pw@example.test","password":"Long-enough-1"}`); a.status != 401 {
		t.Errorf("a disabled account logged in: %d", a.status)
	}
}
