package docspace_test

import (
	"context"
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func ptr[T any](v T) *T { return &v }

func TestRooms_CreateReadUpdateList(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{Rooms: 2, RoomQuotas: true}, mockportal.RoomAdmin)
	ctx := context.Background()
	created, err := client.CreateRoom(ctx, docspace.RoomSettings{
		Title: ptr("Launch: Q3"), Type: ptr(docspace.CollaborationRoom), Tags: &[]string{"launch"}, Quota: ptr(int64(1 << 20)),
	})
	if err != nil {
		t.Fatal(err)
	}
	if created.Title != "Launch_ Q3" || created.Type != docspace.CollaborationRoom || created.OwnerID != srv.UserID(mockportal.RoomAdmin) ||
		created.Archived || len(created.Color) != 6 || created.Quota != nil {
		t.Errorf("created %+v", created)
	}
	got, err := client.Room(ctx, created.ID)
	if err != nil || got.Quota == nil || *got.Quota != 1<<20 || got.Tags[0] != "launch" {
		t.Fatalf("read %+v %v", got, err)
	}
	updated, err := client.UpdateRoom(ctx, created.ID, docspace.RoomSettings{Tags: &[]string{}, Quota: ptr(docspace.QuotaPortalDefault)})
	if err != nil || len(updated.Tags) != 0 || updated.Quota != nil || updated.Title != "Launch_ Q3" {
		t.Fatalf("updated %+v %v", updated, err)
	}
	if _, err := client.Room(ctx, 999999); docspace.StatusCode(err) != 404 {
		t.Errorf("unknown room: %v", err)
	}
	rooms, err := client.Rooms(ctx, docspace.RoomFilter{Types: []docspace.RoomType{docspace.CollaborationRoom}})
	if err != nil || len(rooms) != 1 || rooms[0].ID != created.ID {
		t.Errorf("rooms of the room admin, collaboration only: %+v %v", rooms, err)
	}
}

func TestRooms_ListPagesUntilDone(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{Rooms: 230}, mockportal.Owner)
	rooms, err := client.Rooms(context.Background(), docspace.RoomFilter{Archived: ptr(false)})
	if err != nil || len(rooms) != 230 {
		t.Fatalf("%d rooms, %v", len(rooms), err)
	}
	pages := 0
	for _, line := range srv.RequestLines() {
		if line[:len("GET /api/2.0/files/rooms")] == "GET /api/2.0/files/rooms" {
			pages++
		}
	}
	if pages != 3 {
		t.Errorf("%d page requests for 230 rooms, want 3", pages)
	}
}

// roomTitles is DocSpace's title sanitising as a table: the client's SanitizeRoomTitle and
// the mock's rooms must both follow it, so the two copies cannot drift apart.
var roomTitles = map[string]string{"  a:b/c😀 ": "a_b_c__", "Q3 & co; -x": "Q3 & co; -x", "x\t*+<>?|\\\"": "x_________"}

func TestSanitizeRoomTitle(t *testing.T) {
	for in, want := range roomTitles {
		if got := docspace.SanitizeRoomTitle(in); got != want {
			t.Errorf("SanitizeRoomTitle(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSanitizeRoomTitle_TheMockStoresTheSame(t *testing.T) {
	_, client := newPortal(t, mockportal.Options{}, mockportal.Owner)
	for in, want := range roomTitles {
		room, err := client.CreateRoom(context.Background(), docspace.RoomSettings{Title: ptr(in), Type: ptr(docspace.CustomRoom)})
		if err != nil || room.Title != want {
			t.Errorf("the mock stored %q as %+v (%v), want %q", in, room, err, want)
		}
	}
}
