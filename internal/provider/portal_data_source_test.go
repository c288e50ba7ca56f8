package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestAccPortalDataSource(t *testing.T) {
	free := mockportal.StartTest(t, mockportal.Options{})
	paid := mockportal.StartTest(t, mockportal.Options{Paid: true})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: providerConfig(free, mockportal.DocSpaceAdmin) + `data "docspace_portal" "this" {}`,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr("data.docspace_portal.this", "owner_id", free.UserID(mockportal.Owner)),
					resource.TestCheckResourceAttr("data.docspace_portal.this", "version", mockportal.PortalVersion),
					resource.TestCheckResourceAttr("data.docspace_portal.this", "standalone", "false"),
					resource.TestCheckResourceAttr("data.docspace_portal.this", "plan", "startup"),
					resource.TestCheckResourceAttr("data.docspace_portal.this", "free", "true"),
					resource.TestCheckResourceAttr("data.docspace_portal.this", "audit", "false"),
					resource.TestCheckResourceAttr("data.docspace_portal.this", "max_room_admins", "3"),
				),
			},
			{
				Config: providerConfig(paid, mockportal.Owner) + `data "docspace_portal" "this" {}`,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr("data.docspace_portal.this", "audit", "true"),
					resource.TestCheckResourceAttr("data.docspace_portal.this", "free", "false"),
				),
			},
			{
				Config:      providerConfig(free, mockportal.User) + `data "docspace_portal" "this" {}`,
				ExpectError: expectError(`This API key may not change portal settings \(HTTP 403\)`),
			},
		},
	})
}
