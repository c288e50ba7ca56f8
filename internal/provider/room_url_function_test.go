package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

func TestAccRoomURLFunction(t *testing.T) {
	newTerraformCLI(t, featureFunctions)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: functionConfig(`
output "url" {
  value = provider::docspace::room_url("https://Portal.example.com/docspace/", 1042)
}`),
				Check: resource.TestCheckOutput("url", "https://portal.example.com/docspace/rooms/shared/1042/filter?folder=1042"),
			},
			{
				Config:      functionConfig(`output "url" { value = provider::docspace::room_url("portal.example.com", 1) }`),
				ExpectError: expectError(`portal_url the URL must start with https://`),
			},
			{
				Config:      functionConfig(`output "url" { value = provider::docspace::room_url("https://portal.example.com", 0) }`),
				ExpectError: expectError(`room_id must be a room's id`),
			},
		},
	})
}
