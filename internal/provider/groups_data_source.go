package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ datasource.DataSourceWithConfigure = (*groupsDataSource)(nil)

func newGroupsDataSource() datasource.DataSource { return &groupsDataSource{} }

// groupsDataSource lists groups, page by page until done.
type groupsDataSource struct {
	data *providerData
}

type groupsDataSourceModel struct {
	NameContains types.String        `tfsdk:"name_contains"`
	Groups       []groupSummaryModel `tfsdk:"groups"`
}

const groupNameContainsDescription = "Only groups whose name contains this text, ignoring case."

func (d *groupsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_groups"
}

func (d *groupsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "The portal's groups, by name. Needs the key of a room admin or higher.",
		Attributes: map[string]schema.Attribute{
			"name_contains": schema.StringAttribute{Optional: true, Description: groupNameContainsDescription},
			"groups": schema.ListNestedAttribute{
				Computed: true, Description: "The groups found, by name.",
				NestedObject: schema.NestedAttributeObject{Attributes: groupSummaryAttributes()},
			},
		},
	}
}

func (d *groupsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *groupsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg groupsDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() || !requireClient(d.data, &resp.Diagnostics) {
		return
	}
	groups, err := d.data.client.Groups(ctx, cfg.NameContains.ValueString())
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(d.data.client.PortalURL(), "listing groups", err))
		return
	}
	cfg.Groups = make([]groupSummaryModel, 0, len(groups))
	for _, g := range groups {
		cfg.Groups = append(cfg.Groups, newGroupSummaryModel(g))
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
