package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

var _ list.ListResourceWithConfigure = (*webhookListResource)(nil)

func newWebhookListResource() list.ListResource { return &webhookListResource{} }

// webhookListResource lists webhooks as docspace_webhook instances, for terraform query.
type webhookListResource struct {
	data *providerData
}

func (l *webhookListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_webhook"
}

func (l *webhookListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Lists the webhooks the API key's user may see (all of them for admins) as `docspace_webhook` resources, so " +
			"`terraform query -generate-config-out=webhooks.tf` can write their import blocks and configuration. The secrets " +
			"are never reported: adopted webhooks keep theirs until `secret_wo` with a `secret_wo_version` (or `secret`) is set.",
	}
}

func (l *webhookListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (l *webhookListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var diags = req.Config.Get(ctx, &struct{}{})
	if diags.HasError() || !requireClient(l.data, &diags) {
		stream.Results = listError(diags)
		return
	}
	hooks, err := l.data.client.Webhooks(ctx)
	if err != nil {
		diags.Append(apiErrorDiagnostic(l.data.client.PortalURL(), "listing webhooks", false, err))
		stream.Results = listError(diags)
		return
	}
	stream.Results = streamListResults(ctx, req, hooks, func(w docspace.Webhook) (string, any, any) {
		return fmt.Sprintf("%s (%s)", w.Name, w.URL), webhookIdentity{ID: types.Int64Value(int64(w.ID))}, existingWebhookModel(&w)
	})
}
