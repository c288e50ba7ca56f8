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

var _ list.ListResourceWithConfigure = (*userListResource)(nil)

func newUserListResource() list.ListResource { return &userListResource{} }

// userListResource lists accounts as docspace_user instances, for terraform query.
type userListResource struct {
	data *providerData
}

func (l *userListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_user"
}

func (l *userListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Lists the accounts the API key's user can see as `docspace_user` resources, so `terraform query " +
			"-generate-config-out=people.tf` can write their import blocks and configuration.",
		Attributes: map[string]schema.Attribute{
			"type":   schema.StringAttribute{Optional: true, Description: userTypeFilterDescription},
			"status": schema.StringAttribute{Optional: true, Description: userStatusFilterDescription},
			"search": schema.StringAttribute{Optional: true, Description: userSearchDescription},
		},
	}
}

func (l *userListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (l *userListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg userFilterModel
	diags := req.Config.Get(ctx, &cfg)
	if _, err := docspace.ParseUserType(cfg.Type.ValueString()); !cfg.Type.IsNull() && err != nil {
		diags.AddError("Invalid type", err.Error())
	}
	if _, err := docspace.ParseUserStatus(cfg.Status.ValueString()); !cfg.Status.IsNull() && err != nil {
		diags.AddError("Invalid status", err.Error())
	}
	if diags.HasError() || !requireClient(l.data, &diags) {
		stream.Results = listError(diags)
		return
	}
	users, err := l.data.client.Users(ctx, cfg.filter())
	if err != nil {
		diags.Append(apiErrorDiagnostic(l.data.client.PortalURL(), "listing accounts", false, err))
		stream.Results = listError(diags)
		return
	}
	stream.Results = streamListResults(ctx, req, users, func(u docspace.User) (string, any, any) {
		return fmt.Sprintf("%s (%s, %s)", u.Email, u.Type, u.Status), userIdentity{ID: types.StringValue(u.ID)}, existingUserModel(&u)
	})
}
