package mockportal_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

// listLen is the length of a list answer, -1 when the answer is no list.
func listLen(a answer) int {
	list, ok := a.body["response"].([]any)
	if !ok {
		return -1
	}
	return len(list)
}

// response0 is the first item of a list answer.
func response0(a answer) map[string]any {
	list, _ := a.body["response"].([]any)
	if len(list) == 0 {
		return nil
	}
	m, _ := list[0].(map[string]any)
	return m
}

func TestPeople_ListsByStatusAndRole(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	owner, roomAdmin := asRole(t, srv, mockportal.Owner), asRole(t, srv, mockportal.RoomAdmin)
	seeded := listLen(owner.api("GET", "people/filter", "")) // every seeded account is active
	gone := createUser(t, owner, "gone@example.test", "User")
	srv.SetUserDisabled(gone, true)
	if a := owner.api("POST", "people/invite", `{"invitations":[{"email":"new@example.test","type":"User"}]}`); a.status != 200 {
		t.Fatalf("invite: %d %s", a.status, a.raw)
	}
	all := seeded + 2
	for _, c := range []struct {
		caller roleCaller
		path   string
		want   int
	}{
		{owner, "people", seeded}, // active only
		{owner, "people/status/active", seeded},
		{owner, "people/status/2", 1},
		{owner, "people/status/pending", 1},
		{owner, "people/status/all", all},
		{owner, "people/filter", all},
		{owner, "people/simple/filter", all},
		{roomAdmin, "people/status/terminated", 0}, // room admins never see disabled accounts
		{roomAdmin, "people/filter", all - 2},      // not the disabled account, nor a guest someone else invited
	} {
		if a := c.caller.api("GET", c.path, ""); a.status != 200 || listLen(a) != c.want {
			t.Errorf("GET %s: %d, %d accounts, want %d", c.path, a.status, listLen(a), c.want)
		}
	}
	short := owner.api("GET", "people/simple/filter", "")
	if first := response0(short); first["email"] != nil || first["displayName"] == nil {
		t.Errorf("the simple filter answers the short profile: %v", first)
	}
	for _, role := range []mockportal.Role{mockportal.User, mockportal.Guest} {
		for _, path := range []string{"people", "people/status/1", "people/simple/filter"} {
			if a := asRole(t, srv, role).api("GET", path, ""); a.status != 403 {
				t.Errorf("%s GET %s: %d", role, path, a.status)
			}
		}
	}
	if a := owner.api("GET", "people/status/sleeping", ""); a.status != 400 {
		t.Errorf("an unknown status: %d", a.status)
	}
	if a := owner.api("GET", "people/filter?filterValue=gone,new&filterSeparator=,", ""); listLen(a) != 2 {
		t.Errorf("filterSeparator matches any part: %s", a.raw)
	}
	if a := owner.api("GET", "people/search?query=gone", ""); a.status != 200 || listLen(a) != 0 {
		t.Errorf("search lists active accounts only: %d %s", a.status, a.raw)
	}
	if a := roomAdmin.api("GET", "people/@search/user", ""); a.status != 403 {
		t.Errorf("search is for admins: %d", a.status)
	}
}

func TestPeople_ActiveCreatesGuests(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	for i, c := range []struct {
		role mockportal.Role
		typ  string
		want int
	}{
		{mockportal.Owner, "Guest", 200}, {mockportal.DocSpaceAdmin, "Guest", 200}, {mockportal.RoomAdmin, "Guest", 200},
		{mockportal.RoomAdmin, "RoomAdmin", 403}, {mockportal.User, "Guest", 403}, {mockportal.DocSpaceAdmin, "DocSpaceAdmin", 403},
	} {
		a := asRole(t, srv, c.role).api("POST", "people/active", fmt.Sprintf(`{"email":"g%d@example.test","firstName":"Gina","type":%q}`, i, c.typ))
		if a.status != c.want {
			t.Errorf("%s creating an active %s: %d %s", c.role, c.typ, a.status, a.raw)
			continue
		}
		if u := response(a); c.want == 200 && (u["isVisitor"] != true || u["status"] != float64(1)) {
			t.Errorf("%s: not an active guest: %s", c.role, a.raw)
		}
	}
}

func TestPeople_BulkDeleteAndWhatARemovedAccountIs(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	owner := asRole(t, srv, mockportal.Owner)
	a, b := createUser(t, owner, "a@example.test", "User"), createUser(t, owner, "b@example.test", "User")
	srv.SetUserDisabled(a, true)
	body := fmt.Sprintf(`{"userIds":[%q,%q]}`, a, b)
	if r := owner.api("PUT", "people/delete", body); r.status != 403 || errMessage(r) != "Users are not suspended" {
		t.Errorf("an active account in the list: %d %s", r.status, r.raw)
	}
	if _, ok := srv.User(a); !ok {
		t.Fatal("nothing may be removed when one account is active")
	}
	if r := owner.api("PUT", "people/delete", `{}`); r.status != 400 {
		t.Errorf("no userIds: %d", r.status)
	}
	if r := asRole(t, srv, mockportal.RoomAdmin).api("PUT", "people/delete", body); r.status != 403 {
		t.Errorf("room admin: %d", r.status)
	}
	srv.SetUserDisabled(b, true)
	if r := owner.api("PUT", "people/delete", body); r.status != 200 || listLen(r) != 2 {
		t.Fatalf("delete: %d %s", r.status, r.raw)
	}
	for _, path := range []string{"people/" + a, "people/email?email=a@example.test"} {
		if r := owner.api("GET", path, ""); r.status != 404 {
			t.Errorf("GET %s of a removed account: %d", path, r.status)
		}
	}
	if r := owner.api("PUT", "people/"+a, `{"disable":false}`); r.status != 404 {
		t.Errorf("updating a removed account: %d", r.status)
	}
}

func TestPeople_ResendInvitations(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	owner := asRole(t, srv, mockportal.Owner)
	owner.api("POST", "people/invite", `{"invitations":[{"email":"p@example.test","type":"User"}]}`)
	pending := srv.UserIDByEmail("p@example.test")
	if r := owner.api("PUT", "people/invite", fmt.Sprintf(`{"userIds":[%q]}`, pending)); r.status != 200 || listLen(r) != 1 || response0(r)["status"] != float64(4) {
		t.Errorf("resend: %d %s", r.status, r.raw)
	}
	user := asRole(t, srv, mockportal.User)
	if r := user.api("PUT", "people/invite", fmt.Sprintf(`{"userIds":[%q]}`, pending)); r.status != 403 {
		t.Errorf("a user resending someone else's invitation: %d", r.status)
	}
	if r := user.api("PUT", "people/invite", `{"userIds":[],"resendAll":true}`); r.status != 403 {
		t.Errorf("a user resending all: %d", r.status)
	}
	if r := owner.api("PUT", "people/invite", `{"resendAll":true}`); r.status != 200 || !strings.Contains(r.raw, pending) {
		t.Errorf("resend all: %d %s", r.status, r.raw)
	}
}

func TestPeople_TerminateATypeChange(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{JobDuration: 1 << 40}) // never finishes on its own
	owner := asRole(t, srv, mockportal.Owner)
	id := createUser(t, owner, "ra@example.test", "RoomAdmin")
	if r := owner.api("POST", "people/type", fmt.Sprintf(`{"userId":%q,"type":"User"}`, id)); r.status != 200 {
		t.Fatalf("start: %d %s", r.status, r.raw)
	}
	if r := asRole(t, srv, mockportal.RoomAdmin).api("PUT", "people/type/terminate", fmt.Sprintf(`{"userId":%q}`, id)); r.status != 403 {
		t.Errorf("room admin terminating: %d", r.status)
	}
	r := owner.api("PUT", "people/type/terminate", fmt.Sprintf(`{"userId":%q}`, id))
	if job := response(r); r.status != 200 || job["status"] != float64(3) || job["isCompleted"] != true {
		t.Fatalf("terminate: %d %s", r.status, r.raw)
	}
	if u, _ := srv.User(id); u.Type != mockportal.RoomAdmin {
		t.Errorf("a cancelled downgrade changed the type to %s", u.Type)
	}
}

func TestPeople_EachNameFieldIsCheckedOnItsOwn(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	long := strings.Repeat("a", 256)
	r := asRole(t, srv, mockportal.Owner).api("POST", "people", `{"email":"x@example.test","firstName":"`+long+`","lastName":"`+long+`"}`)
	if r.status != 400 || !strings.Contains(r.raw, `"FirstName"`) || !strings.Contains(r.raw, `"LastName"`) {
		t.Errorf("both names too long: %d %s", r.status, r.raw)
	}
}

// The portal's invitation settings gate new accounts: members and guests each.
func TestPeople_InvitationSettingsGateNewAccounts(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	owner := asRole(t, srv, mockportal.Owner)
	owner.api("PUT", "settings/invitationsettings", `{"allowInvitingMembers":false,"allowInvitingGuests":true}`)
	if a := owner.api("POST", "people", `{"email":"m@example.test","firstName":"M","type":"User"}`); a.status != 403 {
		t.Errorf("a member while members are off: %d", a.status)
	}
	if a := owner.api("POST", "people/invite", `{"invitations":[{"email":"i@example.test","type":"User"}]}`); a.status != 403 {
		t.Errorf("an invitation while members are off: %d", a.status)
	}
	if a := owner.api("POST", "people/active", `{"email":"g@example.test","firstName":"G","type":"Guest"}`); a.status != 200 {
		t.Errorf("a guest while guests are on: %d %s", a.status, a.raw)
	}
	owner.api("PUT", "settings/invitationsettings", `{"allowInvitingMembers":true,"allowInvitingGuests":false}`)
	if a := owner.api("POST", "people/active", `{"email":"g2@example.test","firstName":"G","type":"Guest"}`); a.status != 403 {
		t.Errorf("a guest while guests are off: %d", a.status)
	}
	if a := owner.api("POST", "people", `{"email":"m@example.test","firstName":"M","type":"User"}`); a.status != 200 {
		t.Errorf("a member while members are on: %d", a.status)
	}
}

func TestPeople_FilterSelectorsAndOrder(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	owner, admin := asRole(t, srv, mockportal.Owner), asRole(t, srv, mockportal.DocSpaceAdmin)
	createUser(t, admin, "zed@example.test", "User") // created by the DocSpace admin, in no group
	all := listLen(owner.api("GET", "people/filter", ""))
	ids := func(a answer) []string {
		var out []string
		for _, u := range a.body["response"].([]any) {
			out = append(out, u.(map[string]any)["email"].(string))
		}
		return out
	}
	for query, want := range map[string]int{
		"isAdministrator=true":  2, // the Owner and the DocSpace admin
		"isAdministrator=false": all - 2,
		"payments=0":            3, // Owner, DocSpace admin, room admin
		"payments=1":            all - 3,
		"area=guests":           1,
		"area=1":                all - 1,
		"withoutGroup=true":     4, // owner, DocSpace admin, guest, zed
		"groupId=" + srv.GroupID("Developers") + "&excludeGroup=true": all - 2,
	} {
		if a := owner.api("GET", "people/filter?"+query, ""); a.status != 200 || listLen(a) != want {
			t.Errorf("%s: %d, %d accounts, want %d", query, a.status, listLen(a), want)
		}
	}
	if got := ids(admin.api("GET", "people/filter?invitedByMe=true", "")); len(got) != 1 || got[0] != "zed@example.test" {
		t.Errorf("invitedByMe: %v", got)
	}
	if got := ids(owner.api("GET", "people/filter?sortBy=email&sortOrder=descending", "")); got[0] != "zed@example.test" {
		t.Errorf("by email, descending: %v", got)
	}
	if got := ids(owner.api("GET", "people/filter?sortBy=email", "")); got[0] != "docspace_admin@example.test" {
		t.Errorf("by email: %v", got)
	}
	for _, bad := range []string{"sortOrder=up", "area=robots", "withoutGroup=maybe"} {
		if a := owner.api("GET", "people/filter?"+bad, ""); a.status != 400 {
			t.Errorf("%s: %d", bad, a.status)
		}
	}
}
