package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

var _ list.ListResourceWithConfigure = (*groupListResource)(nil)

func newGroupListResource() list.ListResource { return &groupListResource{} }

// groupListResource lists groups as docspace_group instances, for terraform query.
type groupListResource struct {
	data *providerData
}

func (l *groupListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_group"
}

func (l *groupListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Lists the portal's groups as `docspace_group` resources, so `terraform query -generate-config-out=groups.tf` " +
			"can write their import blocks and configuration.",
		Attributes: map[string]schema.Attribute{
			"name_contains": schema.StringAttribute{Optional: true, Description: groupNameContainsDescription},
		},
	}
}

func (l *groupListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (l *groupListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg struct {
		NameContains types.String `tfsdk:"name_contains"`
	}
	diags := req.Config.Get(ctx, &cfg)
	if diags.HasError() || !requireClient(l.data, &diags) {
		stream.Results = listError(diags)
		return
	}
	groups, err := l.data.client.Groups(ctx, cfg.NameContains.ValueString())
	if err != nil {
		diags.Append(apiErrorDiagnostic(l.data.client.PortalURL(), "listing groups", false, err))
		stream.Results = listError(diags)
		return
	}
	stream.Results = streamListResults(ctx, req, groups, func(g docspace.Group) (string, any, any) {
		return g.Name, groupIdentity{ID: types.StringValue(g.ID)}, existingGroupModel(&g)
	})
}
