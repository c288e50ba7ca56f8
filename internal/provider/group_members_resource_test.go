package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

// A member disabled outside Terraform vanishes from the group. The plan to put it back
// warns (apply refuses it), and terraform destroy, which plans the configuration first,
// goes through.
func TestAccGroupMembers_FailingCheckDoesNotBlockDestroy(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	user := srv.UserID(mockportal.User)
	config := groupConfig(srv, mockportal.Owner, "Destroyable", "", []string{user})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config},
			{PreConfig: func() { srv.SetUserDisabled(user, true) }, Config: config, ExpectError: expectError(`Disabled accounts cannot join a group`)},
			{Config: config, Destroy: true},
		},
		CheckDestroy: func(*terraform.State) error {
			if id := srv.GroupID("Destroyable"); id != "" {
				return fmt.Errorf("group %s is still on the portal", id)
			}
			return nil
		},
	})
}
