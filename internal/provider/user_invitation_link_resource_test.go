package provider

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func invitationLinkConfig(srv *mockportal.Server, body string) string {
	return providerConfig(srv, mockportal.DocSpaceAdmin) + fmt.Sprintf(`
resource "docspace_invitation_link" "this" {
  %s
}`, body)
}

// Create, clean re-plan, joins that change nothing, update, deletion outside Terraform
// (created again), import by type, destroy.
func TestAccInvitationLink_Lifecycle(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	config := func(maxUses int) string {
		return invitationLinkConfig(srv, fmt.Sprintf(`user_type  = "user"
  max_uses   = %d
  expires_at = "2099-01-01T00:00:00Z"`, maxUses))
	}
	linkIs := func(maxUses int) resource.TestCheckFunc {
		return func(*terraform.State) error {
			l, ok := srv.InvitationLinks()[mockportal.User]
			if !ok || l.MaxUses == nil || *l.MaxUses != maxUses || l.Expiration.Year() != 2099 {
				return fmt.Errorf("the user link on the portal: %+v", l)
			}
			return nil
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config(10), Check: resource.ComposeAggregateTestCheckFunc(linkIs(10),
				resource.TestCheckResourceAttrSet("docspace_invitation_link.this", "url"),
				resource.TestCheckResourceAttr("docspace_invitation_link.this", "uses", "0"))},
			{PreConfig: func() { srv.UseInvitationLink(mockportal.User, 2) }, Config: config(10),
				Check: resource.TestCheckResourceAttr("docspace_invitation_link.this", "uses", "2")},
			{Config: config(20), ConfigPlanChecks: expectUpdate("docspace_invitation_link.this"), Check: linkIs(20)},
			{
				PreConfig: func() {
					c := testClient(t, srv, mockportal.DocSpaceAdmin)
					l, _ := c.InvitationLink(context.Background(), docspace.TypeUser)
					_ = c.DeleteInvitationLink(context.Background(), l.ID)
				},
				Config: config(20), Check: linkIs(20),
			},
			{ResourceName: "docspace_invitation_link.this", ImportState: true, ImportStateId: "user", ImportStateVerify: true},
		},
		CheckDestroy: func(*terraform.State) error {
			if n := len(srv.InvitationLinks()); n != 0 {
				return fmt.Errorf("%d links left after destroy", n)
			}
			return nil
		},
	})
}

func TestAccInvitationLink_Refusals(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	if _, err := testClient(t, srv, mockportal.DocSpaceAdmin).CreateInvitationLink(context.Background(), docspace.TypeRoomAdmin, docspace.InvitationLinkLimits{}); err != nil {
		t.Fatal(err)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: invitationLinkConfig(srv, `user_type = "guest"`), PlanOnly: true, ExpectError: expectError(`value must be one of`)},
			{Config: invitationLinkConfig(srv, `user_type = "user"
  expires_at = "next week"`), PlanOnly: true, ExpectError: expectError(`Invalid time`)},
			{Config: invitationLinkConfig(srv, `user_type = "room_admin"`),
				ExpectError: expectError(`already has an invitation link for this user type.*terraform import docspace_invitation_link.<name> room_admin`)},
		},
	})
}
