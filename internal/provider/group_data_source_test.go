package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestAccGroupDataSources(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	devs := srv.GroupID(mockportal.DevelopersGroup)
	roomAdmin := srv.UserID(mockportal.RoomAdmin)
	srv.ChangeGroup(devs, func(g *mockportal.Group) { g.Manager = roomAdmin })
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      providerConfig(srv, mockportal.RoomAdmin) + `data "docspace_group" "x" { name = "Nobody" }`,
				ExpectError: expectError(`0 groups are named "Nobody"`),
			},
			{
				Config: providerConfig(srv, mockportal.RoomAdmin) + `
data "docspace_group" "by_name" {
  name = "Developers"
}
data "docspace_group" "by_id" {
  id = "` + srv.GroupID(mockportal.DesignersGroup) + `"
}
data "docspace_groups" "all" {}
data "docspace_groups" "de" {
  name_contains = "de"
}
data "docspace_groups" "none" {
  name_contains = "sales"
}
`,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr("data.docspace_group.by_name", "id", devs),
					resource.TestCheckResourceAttr("data.docspace_group.by_name", "manager", srv.UserID(mockportal.RoomAdmin)),
					resource.TestCheckResourceAttr("data.docspace_group.by_name", "members.#", "2"),
					resource.TestCheckResourceAttr("data.docspace_group.by_id", "name", "Designers"),
					resource.TestCheckNoResourceAttr("data.docspace_group.by_id", "manager"),
					resource.TestCheckResourceAttr("data.docspace_groups.all", "groups.#", "2"),
					resource.TestCheckResourceAttr("data.docspace_groups.all", "groups.0.name", "Designers"),
					resource.TestCheckResourceAttr("data.docspace_groups.all", "groups.1.members_count", "2"),
					resource.TestCheckResourceAttr("data.docspace_groups.de", "groups.#", "2"),
					resource.TestCheckResourceAttr("data.docspace_groups.none", "groups.#", "0"),
				),
			},
		},
	})
}
