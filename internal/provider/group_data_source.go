package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

var (
	_ datasource.DataSourceWithConfigure        = (*groupDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*groupDataSource)(nil)
)

func newGroupDataSource() datasource.DataSource { return &groupDataSource{} }

// groupDataSource finds one group by id or by exact name, with its members.
type groupDataSource struct {
	data *providerData
}

type groupDataModel struct {
	ID           types.String `tfsdk:"id"`
	Name         types.String `tfsdk:"name"`
	Manager      types.String `tfsdk:"manager"`
	MembersCount types.Int64  `tfsdk:"members_count"`
	Members      types.Set    `tfsdk:"members"`
}

// groupSummaryModel is a group in docspace_groups, without its members.
type groupSummaryModel struct {
	ID           types.String `tfsdk:"id"`
	Name         types.String `tfsdk:"name"`
	Manager      types.String `tfsdk:"manager"`
	MembersCount types.Int64  `tfsdk:"members_count"`
}

func newGroupSummaryModel(g docspace.Group) groupSummaryModel {
	m := existingGroupModel(&g)
	return groupSummaryModel{ID: m.ID, Name: m.Name, Manager: m.Manager, MembersCount: types.Int64Value(int64(g.MembersCount))}
}

// groupSummaryAttributes are the computed attributes of a group in data sources.
func groupSummaryAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id":            schema.StringAttribute{Computed: true, Description: groupIDDescription},
		"name":          schema.StringAttribute{Computed: true, Description: "Name of the group."},
		"manager":       schema.StringAttribute{Computed: true, Description: groupManagerDescription + " Null when the group has none."},
		"members_count": schema.Int64Attribute{Computed: true, Description: "How many active and pending members the group has (disabled members are not counted)."},
	}
}

func (d *groupDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_group"
}

func (d *groupDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := groupSummaryAttributes()
	attrs["id"] = schema.StringAttribute{Optional: true, Computed: true, Validators: subjectIDValidators(), Description: groupIDDescription + " Exactly one of id and name."}
	attrs["name"] = schema.StringAttribute{Optional: true, Computed: true, Description: "Exact name to look up; exactly one group must have it (DocSpace allows duplicates). Exactly one of id and name."}
	attrs["members"] = schema.SetAttribute{Computed: true, ElementType: types.StringType, Description: "Ids of the active and pending members, the manager included."}
	resp.Schema = schema.Schema{
		Description: "One group, by id or exact name, with its members. Needs the key of a room admin or higher.",
		Attributes:  attrs,
	}
}

func (d *groupDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("name"))}
}

func (d *groupDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *groupDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg groupDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() || !requireClient(d.data, &resp.Diagnostics) {
		return
	}
	client := d.data.client
	id := strings.ToLower(cfg.ID.ValueString())
	if !cfg.Name.IsNull() {
		name := cfg.Name.ValueString()
		groups, err := client.Groups(ctx, name)
		if err != nil {
			resp.Diagnostics.Append(apiErrorDiagnostic(client.PortalURL(), fmt.Sprintf("looking up group %q", name), err))
			return
		}
		var exact []string
		for _, g := range groups {
			if g.Name == name {
				exact = append(exact, g.ID)
			}
		}
		if len(exact) != 1 {
			resp.Diagnostics.AddAttributeError(path.Root("name"), fmt.Sprintf("%d groups are named %q", len(exact), name),
				"Exactly one group must have this name (DocSpace allows duplicates). Look the group up by id instead, or use docspace_groups.")
			return
		}
		id = exact[0]
	}
	g, err := client.Group(ctx, id, true)
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(client.PortalURL(), "reading group "+id, err))
		return
	}
	s := newGroupSummaryModel(*g)
	members, diags := types.SetValueFrom(ctx, types.StringType, g.MemberIDs)
	resp.Diagnostics.Append(diags...)
	resp.Diagnostics.Append(resp.State.Set(ctx, groupDataModel{ID: s.ID, Name: s.Name, Manager: s.Manager, MembersCount: s.MembersCount, Members: members})...)
}
