package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

// roomMemberConfig is a room owned by role's user plus one docspace_room_member "this".
func roomMemberConfig(srv *mockportal.Server, role mockportal.Role, roomType, member string) string {
	return providerConfig(srv, role) + fmt.Sprintf(`
resource "docspace_room" "this" {
  title     = "Team"
  room_type = %q
}

resource "docspace_room_member" "this" {
  room_id = docspace_room.this.id
  %s
}
`, roomType, member)
}

// checkMember asserts a subject's access in the room of docspace_room.this (0: none).
func checkMember(srv *mockportal.Server, subject string, want int) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		id, err := roomID(s)
		if err != nil {
			return err
		}
		room, _ := srv.Room(id)
		if got := room.Members[subject].Access; got != want {
			return fmt.Errorf("%s has access %d in room %d, want %d (members %+v)", subject, got, id, want, room.Members)
		}
		return nil
	}
}

func TestAccRoomMember_Lifecycle(t *testing.T) {
	srv := mockportal.StartTest(t, fastJobs())
	user, devs := srv.UserID(mockportal.User), srv.GroupID(mockportal.DevelopersGroup)
	var room int
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: roomMemberConfig(srv, mockportal.RoomAdmin, "custom", fmt.Sprintf(`user_id = %q
  access  = "editor"`, user)) + fmt.Sprintf(`
resource "docspace_room_member" "devs" {
  room_id  = docspace_room.this.id
  group_id = %q
  access   = "viewer"
}
`, devs),
				Check: resource.ComposeAggregateTestCheckFunc(
					stateRoomID(&room),
					checkMember(srv, user, 10), checkMember(srv, devs, 2),
					resource.TestCheckResourceAttrPair("docspace_room_member.this", "room_id", "docspace_room.this", "id"),
				),
			},
			{
				Config: roomMemberConfig(srv, mockportal.RoomAdmin, "custom", fmt.Sprintf(`user_id = %q
  access  = "commenter"`, user)),
				Check: resource.ComposeAggregateTestCheckFunc(checkMember(srv, user, 6), checkMember(srv, devs, 0)),
			},
			{ResourceName: "docspace_room_member.this", ImportState: true, ImportStateVerify: true},
			{
				// Revoked in the UI: the next plan gives it back.
				PreConfig: func() { srv.SetRoomMember(room, user, 0) },
				Config: roomMemberConfig(srv, mockportal.RoomAdmin, "custom", fmt.Sprintf(`user_id = %q
  access  = "commenter"`, user)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction("docspace_room_member.this", plancheck.ResourceActionCreate)}},
				Check:            checkMember(srv, user, 6),
			},
			{
				// Changed in the UI: the next plan sets it back.
				PreConfig: func() { srv.SetRoomMember(room, user, 2) },
				Config: roomMemberConfig(srv, mockportal.RoomAdmin, "custom", fmt.Sprintf(`user_id = %q
  access  = "commenter"`, user)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction("docspace_room_member.this", plancheck.ResourceActionUpdate)}},
				Check:            checkMember(srv, user, 6),
			},
		},
	})
}

func TestAccRoomMember_PlanRefusesWhatTheRoomTypeDoesNotTake(t *testing.T) {
	srv := mockportal.StartTest(t, fastJobs())
	user, devs := srv.UserID(mockportal.User), srv.GroupID(mockportal.DevelopersGroup)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: roomMemberConfig(srv, mockportal.Owner, "public", fmt.Sprintf(`user_id = %q
  group_id = %q
  access  = "viewer"`, user, devs)), PlanOnly: true, ExpectError: expectError(`Invalid Attribute Combination`)},
			{Config: roomMemberConfig(srv, mockportal.Owner, "public", fmt.Sprintf(`group_id = %q
  access   = "room_manager"`, devs)), PlanOnly: true, ExpectError: expectError(`A group cannot be a room manager`)},
			// The room exists; a member the public room cannot take is refused at plan.
			{Config: roomMemberConfig(srv, mockportal.Owner, "public", fmt.Sprintf(`user_id = %q
  access  = "content_creator"`, user))},
			{Config: roomMemberConfig(srv, mockportal.Owner, "public", fmt.Sprintf(`user_id = %q
  access  = "viewer"`, user)), PlanOnly: true, ExpectError: expectError(`A public room does not take viewer.*room_manager, content_creator`)},
		},
	})
}

// DocSpace answers 200 but skips a subject it cannot apply (here a guest the room admin did
// not invite): the provider says so and records nothing.
func TestAccRoomMember_SilentlySkippedSubjectIsAnError(t *testing.T) {
	srv := mockportal.StartTest(t, fastJobs())
	guest := srv.UserID(mockportal.Guest)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: roomMemberConfig(srv, mockportal.RoomAdmin, "custom", fmt.Sprintf(`user_id = %q
  access  = "viewer"`, guest)),
			ExpectError: expectError(`DocSpace did not give user ` + guest + ` access to room \d+.*disabled or removed users`),
		}},
	})
}

func TestAccRoomMember_SomeoneElsesRoom(t *testing.T) {
	srv := mockportal.StartTest(t, fastJobs())
	ids := srv.SeedRooms(1) // owned by the owner
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: providerConfig(srv, mockportal.DocSpaceAdmin) + fmt.Sprintf(`
resource "docspace_room_member" "this" {
  room_id = %d
  user_id = %q
  access  = "viewer"
}
`, ids[0], srv.UserID(mockportal.User)),
			ExpectError: expectError(`DocSpace refused the room operation \(HTTP 403\).*Only a room's owner`),
		}},
	})
}
