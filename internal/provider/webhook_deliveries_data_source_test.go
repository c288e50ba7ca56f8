package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestAccWebhookDeliveriesDataSource(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{AllowLoopbackWebhooks: true})
	rc := newWebhookReceiver(t)
	hook := webhookConfig(srv, mockportal.DocSpaceAdmin, `name = "feed"
  url              = "`+rc.URL+`"
  ssl_verification = false
  secret           = "Long-enough-1"`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: hook, Check: deliverAndVerify(srv, rc, "Long-enough-1")},
			{
				Config: hook + `
data "docspace_webhook_deliveries" "feed" {
  webhook_id = docspace_webhook.this.id
}
`,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr("data.docspace_webhook_deliveries.feed", "deliveries.#", "1"),
					resource.TestCheckResourceAttr("data.docspace_webhook_deliveries.feed", "deliveries.0.status", "200"),
					resource.TestCheckResourceAttr("data.docspace_webhook_deliveries.feed", "deliveries.0.trigger", "file.created"),
					resource.TestCheckResourceAttr("data.docspace_webhook_deliveries.feed", "deliveries.0.webhook_name", "feed"),
				),
			},
		},
	})
}
