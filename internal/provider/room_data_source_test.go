package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestAccRoomDataSource_ByIDAndByTitle(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{Rooms: 3})
	ids := srv.RoomIDs()
	srv.ChangeRoom(ids[2], func(r *mockportal.Room) { r.Title = "Project room 1" }) // a duplicate title
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: providerConfig(srv, mockportal.Owner) + `data "docspace_room" "both" {
  id    = 1
  title = "x"
}`, ExpectError: expectError(`Invalid Attribute Combination`)},
			{
				Config: providerConfig(srv, mockportal.Owner) + fmt.Sprintf(`
data "docspace_room" "by_id" {
  id = %d
}
data "docspace_room" "by_title" {
  title = "Project room 2"
}
`, ids[0]),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr("data.docspace_room.by_id", "title", "Project room 1"),
					resource.TestCheckResourceAttr("data.docspace_room.by_id", "owner", srv.UserID(mockportal.Owner)),
					resource.TestCheckResourceAttr("data.docspace_room.by_title", "id", fmt.Sprint(ids[1])),
				),
			},
			{Config: providerConfig(srv, mockportal.Owner) + `data "docspace_room" "dup" {
  title = "Project room 1"
}`, ExpectError: expectError(`2 rooms are titled "Project room 1"`)},
			{Config: providerConfig(srv, mockportal.Owner) + `data "docspace_room" "gone" {
  id = 424242
}`, ExpectError: expectError(`DocSpace room not found \(HTTP 404\)`)},
			{Config: providerConfig(srv, mockportal.Owner)},
		},
	})
}
