package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

// roomMembersConfig is a room owned by the room admin plus its docspace_room_members.
func roomMembersConfig(srv *mockportal.Server, members string) string {
	return providerConfig(srv, mockportal.RoomAdmin) + fmt.Sprintf(`
resource "docspace_room" "this" {
  title     = "Project"
  room_type = "custom"
}

resource "docspace_room_members" "this" {
  room_id = docspace_room.this.id
  members = [%s]
}
`, members)
}

func member(kind, id, access string) string {
	return fmt.Sprintf("{ %s_id = %q, access = %q }", kind, id, access)
}

func TestAccRoomMembers_Authoritative(t *testing.T) {
	srv := mockportal.StartTest(t, fastJobs())
	user, second, devs := srv.UserID(mockportal.User), srv.UserIDByEmail(mockportal.SecondUserEmail), srv.GroupID(mockportal.DevelopersGroup)
	var room int
	two := roomMembersConfig(srv, member("user", user, "editor")+", "+member("group", devs, "viewer"))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if _, ok := srv.Room(room); ok {
				return fmt.Errorf("room %d survived", room)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{Config: two, Check: resource.ComposeAggregateTestCheckFunc(stateRoomID(&room), checkMember(srv, user, 10), checkMember(srv, devs, 2))},
			{
				// Someone adds a member in the UI: the plan shows it, the apply removes it.
				PreConfig:        func() { srv.SetRoomMember(room, second, 11) },
				Config:           two,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction("docspace_room_members.this", plancheck.ResourceActionUpdate)}},
				Check:            resource.ComposeAggregateTestCheckFunc(checkMember(srv, second, 0), checkMember(srv, user, 10)),
			},
			{
				Config: roomMembersConfig(srv, member("user", second, "content_creator")),
				Check: resource.ComposeAggregateTestCheckFunc(checkMember(srv, user, 0), checkMember(srv, devs, 0), checkMember(srv, second, 11),
					func(s *terraform.State) error {
						r, _ := srv.Room(room)
						if r.OwnerID != srv.UserID(mockportal.RoomAdmin) || len(r.Members) != 1 {
							return fmt.Errorf("room %+v", r)
						}
						return nil
					}),
			},
			{ResourceName: "docspace_room_members.this", ImportState: true, ImportStateVerify: true, ImportStateIdFunc: func(s *terraform.State) (string, error) {
				return fmt.Sprint(room), nil
			}, ImportStateVerifyIdentifierAttribute: "room_id"},
			{Config: roomMembersConfig(srv, ""), Check: func(*terraform.State) error {
				if r, _ := srv.Room(room); len(r.Members) != 0 {
					return fmt.Errorf("members left: %+v", r.Members)
				}
				return nil
			}},
		},
	})
}

func TestAccRoomMembers_ValidationAtPlan(t *testing.T) {
	srv := mockportal.StartTest(t, fastJobs())
	user := srv.UserID(mockportal.User)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: roomMembersConfig(srv, member("user", user, "editor")+", "+member("user", user, "viewer")), PlanOnly: true, ExpectError: expectError(`A member is listed twice`)},
			{Config: roomMembersConfig(srv, member("group", srv.GroupID(mockportal.DevelopersGroup), "room_manager")), PlanOnly: true, ExpectError: expectError(`A group cannot be a room manager`)},
			{Config: roomMembersConfig(srv, `{ access = "viewer" }`), PlanOnly: true, ExpectError: expectError(`Invalid Attribute Combination`)},
			{Config: roomMembersConfig(srv, member("user", "not-a-guid", "viewer")), PlanOnly: true, ExpectError: expectError(`is not a DocSpace user or group id`)},
		},
	})
	if got := requestLines(srv); len(got) != 0 {
		t.Errorf("plan-time errors reached the portal: %q", got)
	}
}

// Accounts and groups made by this provider go into rooms by id, like any other.
func TestAccRoomMembers_TakeManagedUsersAndGroups(t *testing.T) {
	srv := mockportal.StartTest(t, fastJobs())
	var room int
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: providerConfig(srv, mockportal.DocSpaceAdmin) + `
resource "docspace_user" "ana" {
  email      = "ana@example.test"
  first_name = "Ana"
  type       = "room_admin"
}

resource "docspace_group" "finance" {
  name    = "Finance"
  manager = docspace_user.ana.id
}

resource "docspace_room" "this" {
  title     = "Budget"
  room_type = "custom"
}

resource "docspace_room_members" "this" {
  room_id = docspace_room.this.id
  members = [
    { user_id = docspace_user.ana.id, access = "room_manager" },
    { group_id = docspace_group.finance.id, access = "editor" },
  ]
}
`,
			Check: resource.ComposeAggregateTestCheckFunc(
				stateRoomID(&room),
				func(s *terraform.State) error {
					ana := s.RootModule().Resources["docspace_user.ana"].Primary.ID
					finance := s.RootModule().Resources["docspace_group.finance"].Primary.ID
					r, _ := srv.Room(room)
					if r.Members[ana].Access != 9 || r.Members[finance].Access != 10 || !r.Members[finance].Group {
						return fmt.Errorf("room members %+v", r.Members)
					}
					return nil
				},
			),
		}},
	})
}
