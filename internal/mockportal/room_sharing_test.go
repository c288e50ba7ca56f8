package mockportal_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestRoomSharing_PatchSkipsAndOwnerEntry(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	roomAdmin := asRole(t, srv, mockportal.RoomAdmin)
	id := roomAdmin.create(`{"title":"Shared","roomType":5}`)
	user, second, guest := srv.UserID(mockportal.User), srv.UserIDByEmail(mockportal.SecondUserEmail), srv.UserID(mockportal.Guest)
	devs := srv.GroupID(mockportal.DevelopersGroup)
	srv.SetUserDisabled(second, true)
	body := fmt.Sprintf(`{"invitations":[{"id":%q,"access":10},{"id":%q,"access":"Read"},{"id":%q,"access":2},{"id":%q,"access":2}],"notify":false}`, user, devs, second, guest)
	a := roomAdmin.do("PUT", fmt.Sprint("rooms/", id, "/share"), body)
	members := response(a)["members"].([]any)
	if a.status != 200 || len(members) != 2 {
		// the disabled user and a guest the room admin did not invite are skipped silently
		t.Fatalf("share: %d %s", a.status, a.raw)
	}
	list := roomAdmin.do("GET", fmt.Sprint("rooms/", id, "/share"), "")
	entries := list.body["response"].([]any)
	first := entries[0].(map[string]any)
	if len(entries) != 3 || first["isOwner"] != true || first["access"] != float64(1) || list.body["total"] != float64(3) {
		t.Fatalf("share list: %s", list.raw)
	}
	if first["sharedToUser"].(map[string]any)["id"] != srv.UserID(mockportal.RoomAdmin) {
		t.Errorf("owner entry %v", first)
	}
	// A patch: revoking one leaves the other.
	roomAdmin.do("PUT", fmt.Sprint("rooms/", id, "/share"), fmt.Sprintf(`{"invitations":[{"id":%q,"access":0}]}`, user))
	room, _ := srv.Room(id)
	if _, still := room.Members[user]; still || room.Members[devs].Access != 2 {
		t.Errorf("members after revoking one: %+v", room.Members)
	}
	// An unknown access name revokes, as DocSpace binds it to None.
	roomAdmin.do("PUT", fmt.Sprint("rooms/", id, "/share"), fmt.Sprintf(`{"invitations":[{"id":%q,"access":"Owner"}]}`, devs))
	if room, _ := srv.Room(id); len(room.Members) != 0 {
		t.Errorf("members %+v", room.Members)
	}
	if a := roomAdmin.do("PUT", fmt.Sprint("rooms/", id, "/share"), `{}`); a.status != 200 || response(a)["members"] != nil {
		t.Errorf("empty share body: %s", a.raw)
	}
}

func TestRoomSharing_RoleMatrix(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	owner := asRole(t, srv, mockportal.Owner)
	user, roomAdmin, devs := srv.UserID(mockportal.User), srv.UserID(mockportal.RoomAdmin), srv.GroupID(mockportal.DevelopersGroup)
	cases := []struct {
		roomType, access int
		subject          string
		ok               bool
	}{
		{5, 9, roomAdmin, true}, {5, 9, user, false}, {5, 9, devs, false}, {5, 11, devs, true},
		{2, 5, user, false}, {2, 10, user, true}, {6, 2, user, false}, {6, 11, user, true},
		{1, 7, user, true}, {1, 2, user, false}, {8, 7, user, true}, {8, 6, user, false}, {5, 999, user, false},
	}
	for _, tc := range cases {
		id := owner.create(fmt.Sprintf(`{"title":"r","roomType":%d}`, tc.roomType))
		a := owner.do("PUT", fmt.Sprint("rooms/", id, "/share"), fmt.Sprintf(`{"invitations":[{"id":%q,"access":%d}]}`, tc.subject, tc.access))
		if ok := a.status == 200; ok != tc.ok || (!ok && errMessage(a) != "The role is not available for this user type") {
			t.Errorf("room type %d, access %d for %s: %d %s", tc.roomType, tc.access, tc.subject, a.status, a.raw)
		}
	}
}

func TestRoomSharing_WhoMay(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	roomAdmin := asRole(t, srv, mockportal.RoomAdmin)
	id := roomAdmin.create(`{"title":"Theirs","roomType":5}`)
	share := fmt.Sprintf(`{"invitations":[{"id":%q,"access":2}]}`, srv.UserID(mockportal.User))
	if a := asRole(t, srv, mockportal.DocSpaceAdmin).do("PUT", fmt.Sprint("rooms/", id, "/share"), share); a.status != 403 || errMessage(a) != "Access denied" {
		t.Errorf("admin sharing someone else's room: %d %s", a.status, a.raw)
	}
	if a := asRole(t, srv, mockportal.User).do("GET", fmt.Sprint("rooms/", id, "/share"), ""); a.status != 200 || len(a.body["response"].([]any)) != 0 {
		t.Errorf("a non-member user reading the share list gets 200 and nothing: %d %s", a.status, a.raw)
	}
	if a := roomAdmin.do("PUT", fmt.Sprint("rooms/", id, "/share"), `{"invitations":[{"id":0,"access":2}]}`); a.status != 400 {
		t.Errorf("non-GUID id: %d", a.status)
	}
	if a := roomAdmin.do("PUT", fmt.Sprint("rooms/", id, "/share"), fmt.Sprintf(`{"invitations":[{"id":%q,"access":0}]}`, srv.UserID(mockportal.RoomAdmin))); a.status != 200 || !strings.Contains(a.raw, `"members":[]`) {
		t.Errorf("revoking the owner is a no-op: %s", a.raw)
	}
}
