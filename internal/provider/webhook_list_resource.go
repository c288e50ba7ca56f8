package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

// newWebhookListResource lists webhooks as docspace_webhook instances, for terraform query.
func newWebhookListResource() list.ListResource {
	return &listResource[struct{}, docspace.Webhook]{spec: listSpec[struct{}, docspace.Webhook]{
		name: "webhook",
		description: "Lists the webhooks the API key's user may see (all of them for admins) as `docspace_webhook` resources, so " +
			"`terraform query -generate-config-out=webhooks.tf` can write their import blocks and configuration. The secrets " +
			"are never reported: adopted webhooks keep theirs until `secret_wo` with a `secret_wo_version` (or `secret`) is set.",
		doing: "listing webhooks",
		fetch: func(ctx context.Context, client *docspace.Client, _ struct{}) ([]docspace.Webhook, error) {
			return client.Webhooks(ctx)
		},
		describe: func(_ context.Context, _ struct{}, w docspace.Webhook) (string, any, any) {
			return fmt.Sprintf("%s (%s)", w.Name, w.URL), webhookIdentity{ID: types.Int64Value(int64(w.ID))}, existingWebhookModel(&w)
		},
	}}
}
