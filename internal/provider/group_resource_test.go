package provider

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

// groupConfig is a provider block for role plus docspace_group "this" (name, manager)
// and, when members is not nil, docspace_group_members "this" with those ids.
func groupConfig(srv *mockportal.Server, role mockportal.Role, name, manager string, members []string) string {
	config := providerConfig(srv, role) + fmt.Sprintf(`
resource "docspace_group" "this" {
  name    = %q
  manager = %s
}
`, name, hclStringOrNull(manager))
	if members != nil {
		quoted := make([]string, len(members))
		for i, m := range members {
			quoted[i] = fmt.Sprintf("%q", m)
		}
		config += fmt.Sprintf(`
resource "docspace_group_members" "this" {
  group_id = docspace_group.this.id
  members  = [%s]
}
`, strings.Join(quoted, ", "))
	}
	return config
}

func hclStringOrNull(s string) string {
	if s == "" {
		return "null"
	}
	return fmt.Sprintf("%q", s)
}

// expectNoGroupCreated fails t when a group was created: the apply had to refuse first.
func expectNoGroupCreated(t *testing.T, srv *mockportal.Server) {
	for _, line := range srv.RequestLines() {
		if strings.HasPrefix(line, "POST /api/2.0/group") {
			t.Errorf("a group was created although the apply was refused: %s", line)
		}
	}
}

// checkGroup asserts on the portal's group behind docspace_group.this.
func checkGroup(srv *mockportal.Server, want func(mockportal.Group) error) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources["docspace_group.this"]
		if !ok {
			return fmt.Errorf("docspace_group.this not in state")
		}
		g, ok := srv.Group(rs.Primary.ID)
		if !ok {
			return fmt.Errorf("group %s is not on the portal", rs.Primary.ID)
		}
		return want(g)
	}
}

// groupHas checks the group's manager and its members, in any order.
func groupHas(manager string, members ...string) func(mockportal.Group) error {
	return func(g mockportal.Group) error {
		got, want := slices.Clone(g.Members), slices.Clone(members)
		slices.Sort(got)
		slices.Sort(want)
		if g.Manager != manager || !slices.Equal(got, want) {
			return fmt.Errorf("group on the portal: manager %q members %v; want %q %v", g.Manager, got, manager, want)
		}
		return nil
	}
}

func TestAccGroup_ManagerKeptThroughMemberChanges(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	ra, user, dsa := srv.UserID(mockportal.RoomAdmin), srv.UserID(mockportal.User), srv.UserID(mockportal.DocSpaceAdmin)
	second := srv.UserIDByEmail(mockportal.SecondUserEmail)
	var groupID string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if _, ok := srv.Group(groupID); ok {
				return fmt.Errorf("group %s still exists after destroy", groupID)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: groupConfig(srv, mockportal.DocSpaceAdmin, "Platform", ra, []string{user, second}),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrWith("docspace_group.this", "id", func(v string) error { groupID = v; return nil }),
					checkGroup(srv, groupHas(ra, ra, user, second)),
				),
			},
			{
				// Members change by adds and removes: the manager stays.
				Config:           groupConfig(srv, mockportal.DocSpaceAdmin, "Platform team", ra, []string{second, dsa}),
				ConfigPlanChecks: expectUpdate("docspace_group_members.this"),
				Check:            checkGroup(srv, groupHas(ra, ra, second, dsa)),
			},
			{
				// Added in the UI: the next apply removes it.
				PreConfig: func() { srv.ChangeGroup(groupID, func(g *mockportal.Group) { g.Members = append(g.Members, user) }) },
				Config:    groupConfig(srv, mockportal.DocSpaceAdmin, "Platform team", ra, []string{second, dsa}),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("docspace_group_members.this", plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction("docspace_group.this", plancheck.ResourceActionNoop),
				}},
				Check: checkGroup(srv, groupHas(ra, ra, second, dsa)),
			},
			{ResourceName: "docspace_group.this", ImportState: true, ImportStateVerify: true},
			{ResourceName: "docspace_group_members.this", ImportState: true, ImportStateIdFunc: func(*terraform.State) (string, error) { return groupID, nil },
				ImportStateVerify: true, ImportStateVerifyIdentifierAttribute: "group_id"},
			{
				// A new manager: the old one stays a plain member, which these members do
				// not list, so the following apply removes them.
				Config:             groupConfig(srv, mockportal.DocSpaceAdmin, "Platform team", dsa, []string{second, dsa}),
				Check:              checkGroup(srv, groupHas(dsa, ra, second, dsa)),
				ExpectNonEmptyPlan: true,
			},
			{
				Config: groupConfig(srv, mockportal.DocSpaceAdmin, "Platform team", dsa, []string{second, dsa}),
				Check:  checkGroup(srv, groupHas(dsa, second, dsa)),
			},
			{
				// Clearing the manager removes them from the group: DocSpace's only way.
				Config: groupConfig(srv, mockportal.DocSpaceAdmin, "Platform team", "", []string{second}),
				Check:  checkGroup(srv, groupHas("", second)),
			},
		},
	})
}

func TestAccGroup_RefusedAtPlan(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	guest, user := srv.UserID(mockportal.Guest), srv.UserID(mockportal.User)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: groupConfig(srv, mockportal.Owner, "   ", "", nil), PlanOnly: true, ExpectError: expectError(`Invalid group name`)},
			{Config: groupConfig(srv, mockportal.Owner, "X", "not-a-guid", nil), PlanOnly: true, ExpectError: expectError(`"not-a-guid" is not a DocSpace user or group id`)},
			// Refused at apply, before anything is written (a warning at plan: see warnAtPlan).
			{Config: groupConfig(srv, mockportal.Owner, "X", guest, nil), ExpectError: expectError(`Guests cannot be in a group`)},
			{
				PreConfig:   func() { expectNoGroupCreated(t, srv) },
				Config:      groupConfig(srv, mockportal.Owner, "X", "", []string{user, guest}),
				ExpectError: expectError(`Guests cannot be in a group.*guest@example.test`),
			},
			{Config: groupConfig(srv, mockportal.Owner, "X", "", []string{user})},
			{
				// A member disabled in the UI vanishes from the group; putting it back is
				// refused at plan rather than silently skipped.
				PreConfig:   func() { srv.SetUserDisabled(user, true) },
				Config:      groupConfig(srv, mockportal.Owner, "X", "", []string{user}),
				ExpectError: expectError(`Disabled accounts cannot join a group`),
			},
			{PreConfig: func() { srv.SetUserDisabled(user, false) }, Config: groupConfig(srv, mockportal.Owner, "X", "", []string{user})},
		},
	})
}

func TestAccGroup_RoomAdminKeyIsRefused(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      groupConfig(srv, mockportal.RoomAdmin, "Ops", "", nil),
			ExpectError: expectError(`This API key may not do that to the account or group \(HTTP 403\).*manage groups`),
		}},
	})
}

func TestAccGroup_DeletedOutOfBandIsCreatedAgain(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	var groupID string
	config := groupConfig(srv, mockportal.Owner, "Ephemeral", "", []string{srv.UserID(mockportal.User)})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config, Check: resource.TestCheckResourceAttrWith("docspace_group.this", "id", func(v string) error { groupID = v; return nil })},
			{
				PreConfig: func() { srv.DeleteGroupNow(groupID) },
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("docspace_group.this", plancheck.ResourceActionCreate),
					plancheck.ExpectResourceAction("docspace_group_members.this", plancheck.ResourceActionCreate),
				}},
			},
		},
	})
}
