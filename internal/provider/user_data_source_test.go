package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestAccUserDataSource_ByIDAndByEmail(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				// Errors first: the post-test destroy runs with the last step's configuration.
				Config:      providerConfig(srv, mockportal.RoomAdmin) + `data "docspace_user" "x" {}`,
				ExpectError: expectError(`Exactly one of these attributes must be configured: \[id,email\]`),
			},
			{
				// A room admin does not see a guest someone else invited.
				Config:      providerConfig(srv, mockportal.RoomAdmin) + `data "docspace_user" "g" { email = "guest@example.test" }`,
				ExpectError: expectError(`may not do that to the account or group \(HTTP 403\)`),
			},
			{
				Config: providerConfig(srv, mockportal.RoomAdmin) + `
data "docspace_user" "owner" {
  id = "` + srv.UserID(mockportal.Owner) + `"
}
data "docspace_user" "second" {
  email = "` + mockportal.SecondUserEmail + `"
}
`,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr("data.docspace_user.owner", "owner", "true"),
					resource.TestCheckResourceAttr("data.docspace_user.owner", "type", "docspace_admin"),
					resource.TestCheckResourceAttr("data.docspace_user.second", "id", srv.UserIDByEmail(mockportal.SecondUserEmail)),
					resource.TestCheckResourceAttr("data.docspace_user.second", "first_name", "Second"),
					resource.TestCheckResourceAttr("data.docspace_user.second", "type", "user"),
					resource.TestCheckResourceAttr("data.docspace_user.second", "status", "active"),
				),
			},
		},
	})
}

func TestAccUsersDataSource_Filters(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	srv.SetUserDisabled(srv.UserIDByEmail(mockportal.SecondUserEmail), true)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: providerConfig(srv, mockportal.DocSpaceAdmin) + `
data "docspace_users" "all" {}
data "docspace_users" "users" {
  type = "user"
}
data "docspace_users" "disabled" {
  status = "disabled"
}
data "docspace_users" "developers" {
  group_id = "` + srv.GroupID(mockportal.DevelopersGroup) + `"
}
data "docspace_users" "search" {
  search = "GUEST seeded"
}
`,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr("data.docspace_users.all", "users.#", "6"),
				resource.TestCheckResourceAttr("data.docspace_users.all", "users.5.status", "disabled"),
				resource.TestCheckResourceAttr("data.docspace_users.users", "users.#", "2"),
				resource.TestCheckResourceAttr("data.docspace_users.disabled", "users.#", "1"),
				resource.TestCheckResourceAttr("data.docspace_users.disabled", "users.0.email", mockportal.SecondUserEmail),
				resource.TestCheckResourceAttr("data.docspace_users.developers", "users.#", "2"),
				resource.TestCheckResourceAttr("data.docspace_users.search", "users.#", "1"),
				resource.TestCheckResourceAttr("data.docspace_users.search", "users.0.type", "guest"),
			),
		}},
	})
}

func TestAccUsersDataSource_UserKeyIsRefused(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      providerConfig(srv, mockportal.User) + `data "docspace_users" "all" {}`,
			ExpectError: expectError(`HTTP 403`),
		}},
	})
}
