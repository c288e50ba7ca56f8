package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

// wrongPathConfig is one object of every area that reads and deletes by id (room, user,
// group, webhook, a setting), on the portal at portalURL.
func wrongPathConfig(portalURL, key string) string {
	return fmt.Sprintf(`
provider "docspace" {
  portal_url = %q
  api_key    = %q
}
resource "docspace_room" "this" {
  title     = "Kept"
  room_type = "custom"
}
resource "docspace_user" "this" {
  email      = "kept@example.test"
  first_name = "Kept"
  last_name  = "Account"
  type       = "user"
}
resource "docspace_group" "this" {
  name = "Kept"
}
resource "docspace_webhook" "this" {
  name      = "kept"
  url       = "https://hooks.example.com/kept"
  secret    = "Kept-webhook-secret-1"
}
resource "docspace_password_policy" "this" {
  min_length = 12
}
`, portalURL, key)
}

// stateID is the id of address in state, for an import step.
func stateID(address string) resource.ImportStateIdFunc {
	return func(s *terraform.State) (string, error) {
		rs, ok := s.RootModule().Resources[address]
		if !ok {
			return "", fmt.Errorf("%s not in state", address)
		}
		return rs.Primary.ID, nil
	}
}

// checkAllStillThere asserts that every object of wrongPathConfig still exists on the portal.
func checkAllStillThere(srv *mockportal.Server) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		id, err := roomID(s)
		if err != nil {
			return err
		}
		if _, ok := srv.Room(id); !ok {
			return fmt.Errorf("room %d is gone from the portal", id)
		}
		for _, addr := range []string{"docspace_user.this", "docspace_group.this"} {
			rs, ok := s.RootModule().Resources[addr]
			if !ok {
				return fmt.Errorf("%s is gone from state", addr)
			}
			_, userThere := srv.User(rs.Primary.ID)
			_, groupThere := srv.Group(rs.Primary.ID)
			if !userThere && !groupThere {
				return fmt.Errorf("%s (%s) is gone from the portal", addr, rs.Primary.ID)
			}
		}
		if n := len(srv.Webhooks()); n != 1 {
			return fmt.Errorf("%d webhooks on the portal, want 1", n)
		}
		return nil
	}
}

// A portal_url whose path is wrong reaches a web server, not DocSpace's API: every call
// answers an HTML 404. Plan and destroy must fail naming portal_url, and neither may drop
// anything from state or report anything destroyed.
func TestAccWrongPortalPath_KeepsStateAndDestroysNothing(t *testing.T) {
	opts := fastJobs()
	opts.PathPrefix = "/docspace"
	srv := mockportal.StartTest(t, opts)
	key := srv.Key(mockportal.Owner)
	right, wrong := srv.URL, strings.TrimSuffix(srv.URL, "/docspace")
	notAtPortalURL := expectError(`The DocSpace API is not at portal_url \(HTTP 404\).*` + "Check portal_url")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: wrongPathConfig(right, key), Check: checkAllStillThere(srv)},
			{Config: wrongPathConfig(wrong, key), PlanOnly: true, ExpectError: notAtPortalURL},
			{Config: wrongPathConfig(wrong, key), Destroy: true, ExpectError: notAtPortalURL},
			{Config: wrongPathConfig(wrong, key), ResourceName: "docspace_user.this", ImportState: true, ImportStateIdFunc: stateID("docspace_user.this"), ExpectError: notAtPortalURL},
			// Back on the right URL: nothing was forgotten (no change planned) or destroyed.
			{Config: wrongPathConfig(right, key), Check: checkAllStillThere(srv)},
		},
	})
}
