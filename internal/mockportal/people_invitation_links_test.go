package mockportal_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestInvitationLinks(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	owner, admin := asRole(t, srv, mockportal.Owner), asRole(t, srv, mockportal.DocSpaceAdmin)
	if a := owner.api("GET", "portal/users/invitationlink/User", ""); a.status != 200 || a.body["response"] != nil {
		t.Fatalf("no link yet: %d %s", a.status, a.raw)
	}
	a := admin.api("POST", "portal/users/invitationlink", `{"employeeType":"User","maxUseCount":10,"expiration":"2099-01-01T00:00:00Z"}`)
	link := response(a)
	if a.status != 200 || link["maxUseCount"] != float64(10) || !strings.Contains(link["url"].(string), "/s/") || link["isExpired"] != false {
		t.Fatalf("create: %d %s", a.status, a.raw)
	}
	id := link["id"].(string)
	if a := admin.api("POST", "portal/users/invitationlink", `{"employeeType":"User"}`); a.status != 400 || !strings.Contains(errMessage(a), "already exists") {
		t.Errorf("a second link for the role: %d %s", a.status, a.raw)
	}
	if a := admin.api("POST", "portal/users/invitationlink", `{"employeeType":"DocSpaceAdmin"}`); a.status != 403 {
		t.Errorf("a DocSpace admin making the admin link: %d", a.status)
	}
	if a := admin.api("POST", "portal/users/invitationlink", `{"employeeType":"Guest"}`); a.status != 400 {
		t.Errorf("a guest link: %d", a.status)
	}
	if a := admin.api("POST", "portal/users/invitationlink", `{"employeeType":"RoomAdmin","expiration":"2000-01-01T00:00:00Z"}`); a.status != 400 {
		t.Errorf("an expiration in the past: %d", a.status)
	}
	if a := owner.api("GET", "portal/users/invitationlink/user", ""); response(a)["url"] == link["url"] || response(a)["id"] != id {
		t.Errorf("the url is signed per caller, the link is the same: %s", a.raw)
	}
	srv.UseInvitationLink(mockportal.User, 3)
	if a := admin.api("PUT", "portal/users/invitationlink", fmt.Sprintf(`{"id":%q,"maxUseCount":2}`, id)); a.status != 400 {
		t.Errorf("a limit under the uses: %d", a.status)
	}
	a = admin.api("PUT", "portal/users/invitationlink", fmt.Sprintf(`{"id":%q,"maxUseCount":5}`, id))
	if response(a)["maxUseCount"] != float64(5) || response(a)["expiration"] != "" {
		t.Errorf("update replaces the whole body (expiration cleared): %s", a.raw)
	}
	if a := asRole(t, srv, mockportal.User).api("GET", "portal/users/invitationlink/User", ""); a.status != 403 {
		t.Errorf("a user reading the link: %d", a.status)
	}
	owner.api("PUT", "settings/invitationsettings", `{"allowInvitingMembers":false,"allowInvitingGuests":true}`)
	if a := admin.api("GET", "portal/users/invitationlink/User", ""); a.status != 403 {
		t.Errorf("members' invitations off: %d", a.status)
	}
	owner.api("PUT", "settings/invitationsettings", `{"allowInvitingMembers":true,"allowInvitingGuests":true}`)
	if a := admin.api("DELETE", "portal/users/invitationlink", fmt.Sprintf(`{"id":%q}`, id)); a.status != 200 {
		t.Errorf("delete: %d %s", a.status, a.raw)
	}
	if a := admin.api("DELETE", "portal/users/invitationlink", fmt.Sprintf(`{"id":%q}`, id)); a.status != 404 || errMessage(a) == "" {
		t.Errorf("a second delete: %d %s", a.status, a.raw)
	}
}
