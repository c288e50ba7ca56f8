package docspace_test

import (
	"context"
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestRoomSharing_SetAndList(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{}, mockportal.RoomAdmin)
	ctx := context.Background()
	room, err := client.CreateRoom(ctx, docspace.RoomSettings{Title: ptr("Shared"), Type: ptr(docspace.CustomRoom)})
	if err != nil {
		t.Fatal(err)
	}
	user, guest, devs := srv.UserID(mockportal.User), srv.UserID(mockportal.Guest), srv.GroupID(mockportal.DevelopersGroup)
	got, err := client.SetRoomAccess(ctx, room.ID, []docspace.AccessChange{
		{SubjectID: user, Access: docspace.AccessEditor}, {SubjectID: devs, Access: docspace.AccessViewer}, {SubjectID: guest, Access: docspace.AccessViewer},
	}, false)
	if err != nil || len(got) != 2 {
		t.Fatalf("set: %+v %v (the guest is skipped silently)", got, err)
	}
	members, err := client.RoomMembers(ctx, room.ID)
	if err != nil || len(members) != 3 || !members[0].Owner || members[0].SubjectID != srv.UserID(mockportal.RoomAdmin) {
		t.Fatalf("members %+v %v", members, err)
	}
	if m := members[2]; !m.Group || m.SubjectID != devs || m.Access != docspace.AccessViewer || m.Name != mockportal.DevelopersGroup {
		t.Errorf("group member %+v", m)
	}
	_, err = client.SetRoomAccess(ctx, room.ID, []docspace.AccessChange{{SubjectID: devs, Access: docspace.AccessRoomManager}}, false)
	if docspace.StatusCode(err) != 403 {
		t.Errorf("a group as room manager: %v", err)
	}
}

func TestAccessAllowed(t *testing.T) {
	cases := []struct {
		room   docspace.RoomType
		access docspace.RoomAccess
		group  bool
		want   bool
	}{
		{docspace.CustomRoom, docspace.AccessRoomManager, false, true},
		{docspace.CustomRoom, docspace.AccessRoomManager, true, false},
		{docspace.CollaborationRoom, docspace.AccessCommenter, false, false},
		{docspace.PublicRoom, docspace.AccessViewer, false, false},
		{docspace.FormFillingRoom, docspace.AccessFormFiller, true, true},
		{docspace.VirtualDataRoom, docspace.AccessReviewer, false, false},
	}
	for _, tc := range cases {
		if got := docspace.AccessAllowed(tc.room, tc.access, tc.group); got != tc.want {
			t.Errorf("AccessAllowed(%s, %s, group=%v) = %v", tc.room, tc.access, tc.group, got)
		}
	}
}
