package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestAccRoomsDataSource_Filters(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{Rooms: 4})
	ids := srv.RoomIDs()
	// Current servers list form-filling rooms apart from the other active rooms.
	srv.ChangeRoom(ids[3], func(r *mockportal.Room) { r.Type = mockportal.RoomFormFilling })
	roomAdmin := srv.UserID(mockportal.RoomAdmin)
	srv.ChangeRoom(ids[1], func(r *mockportal.Room) { r.Archived = true })
	srv.ChangeRoom(ids[2], func(r *mockportal.Room) {
		r.Type = mockportal.RoomPublic
		r.OwnerID = roomAdmin
		r.Tags = []string{"ext"}
	})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: providerConfig(srv, mockportal.DocSpaceAdmin) + `
data "docspace_rooms" "all" {}
data "docspace_rooms" "active" {
  archived = false
}
data "docspace_rooms" "public" {
  room_type = "public"
}
data "docspace_rooms" "search" {
  title_contains = "ROOM 2"
}
data "docspace_rooms" "theirs" {
  owner = "` + roomAdmin + `"
}
`,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr("data.docspace_rooms.all", "rooms.#", "4"),
				resource.TestCheckResourceAttr("data.docspace_rooms.all", "rooms.0.title", "Project room 1"),
				resource.TestCheckResourceAttr("data.docspace_rooms.all", "rooms.0.room_type", "custom"),
				resource.TestCheckResourceAttr("data.docspace_rooms.all", "rooms.1.archived", "true"),
				resource.TestCheckResourceAttr("data.docspace_rooms.active", "rooms.#", "3"),
				resource.TestCheckResourceAttr("data.docspace_rooms.active", "rooms.2.room_type", "form_filling"),
				resource.TestCheckResourceAttr("data.docspace_rooms.public", "rooms.#", "1"),
				resource.TestCheckResourceAttr("data.docspace_rooms.public", "rooms.0.id", fmt.Sprint(ids[2])),
				resource.TestCheckResourceAttr("data.docspace_rooms.public", "rooms.0.tags.0", "ext"),
				resource.TestCheckResourceAttr("data.docspace_rooms.search", "rooms.#", "1"),
				resource.TestCheckResourceAttr("data.docspace_rooms.theirs", "rooms.#", "1"),
			),
		}},
	})
}

// A user key sees only the rooms its user is in.
func TestAccRoomsDataSource_SeesWhatTheKeySees(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{Rooms: 2})
	srv.SetRoomMember(srv.RoomIDs()[0], srv.UserID(mockportal.User), 2)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: providerConfig(srv, mockportal.User) + `data "docspace_rooms" "mine" {}`,
			Check:  resource.TestCheckResourceAttr("data.docspace_rooms.mine", "rooms.#", "1"),
		}},
	})
}
