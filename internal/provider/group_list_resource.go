package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

type groupListConfig struct {
	NameContains types.String `tfsdk:"name_contains"`
}

// newGroupListResource lists groups as docspace_group instances, for terraform query.
func newGroupListResource() list.ListResource {
	return &listResource[groupListConfig, docspace.Group]{spec: listSpec[groupListConfig, docspace.Group]{
		name: "group",
		description: "Lists the portal's groups as `docspace_group` resources, so `terraform query -generate-config-out=groups.tf` " +
			"can write their import blocks and configuration.",
		attributes: map[string]schema.Attribute{
			"name_contains": schema.StringAttribute{Optional: true, Description: groupNameContainsDescription},
		},
		doing: "listing groups",
		fetch: func(ctx context.Context, client *docspace.Client, cfg groupListConfig) ([]docspace.Group, error) {
			return client.Groups(ctx, cfg.NameContains.ValueString())
		},
		describe: func(_ context.Context, _ groupListConfig, g docspace.Group) (string, any, any) {
			return g.Name, groupIdentity{ID: types.StringValue(g.ID)}, existingGroupModel(&g)
		},
	}}
}
