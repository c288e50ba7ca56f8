package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

// newUserListResource lists accounts as docspace_user instances, for terraform query.
func newUserListResource() list.ListResource {
	return &listResource[userFilterModel, docspace.User]{spec: listSpec[userFilterModel, docspace.User]{
		name: "user",
		description: "Lists the accounts the API key's user can see as `docspace_user` resources, so `terraform query " +
			"-generate-config-out=people.tf` can write their import blocks and configuration.",
		attributes: map[string]schema.Attribute{
			"type":   schema.StringAttribute{Optional: true, Description: userTypeFilterDescription},
			"status": schema.StringAttribute{Optional: true, Description: userStatusFilterDescription},
			"search": schema.StringAttribute{Optional: true, Description: userSearchDescription},
		},
		doing: "listing accounts",
		check: func(cfg userFilterModel, diags *diag.Diagnostics) {
			if _, err := docspace.ParseUserType(cfg.Type.ValueString()); !cfg.Type.IsNull() && err != nil {
				diags.AddError("Invalid type", err.Error())
			}
			if _, err := docspace.ParseUserStatus(cfg.Status.ValueString()); !cfg.Status.IsNull() && err != nil {
				diags.AddError("Invalid status", err.Error())
			}
		},
		fetch: func(ctx context.Context, client *docspace.Client, cfg userFilterModel) ([]docspace.User, error) {
			return client.Users(ctx, cfg.filter())
		},
		describe: func(_ context.Context, _ userFilterModel, u docspace.User) (string, any, any) {
			return fmt.Sprintf("%s (%s, %s)", u.Email, u.Type, u.Status), userIdentity{ID: types.StringValue(u.ID)}, existingUserModel(&u)
		},
	}}
}
