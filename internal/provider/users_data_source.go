package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

var _ datasource.DataSourceWithConfigure = (*usersDataSource)(nil)

func newUsersDataSource() datasource.DataSource { return &usersDataSource{} }

// usersDataSource lists accounts with filters, page by page until done.
type usersDataSource struct {
	data *providerData
}

type usersDataSourceModel struct {
	userFilterModel
	GroupID types.String    `tfsdk:"group_id"`
	Users   []userDataModel `tfsdk:"users"`
}

// userFilterModel are the filters shared by the data source and the list resource.
type userFilterModel struct {
	Type   types.String `tfsdk:"type"`
	Status types.String `tfsdk:"status"`
	Search types.String `tfsdk:"search"`
}

const (
	userTypeFilterDescription   = "Only accounts of this type: `docspace_admin` (the Owner included), `room_admin`, `user` or `guest`."
	userStatusFilterDescription = "Only accounts with this status: `active`, `pending` or `disabled`. Unset: all the key's user may see (room admins do not see disabled accounts)."
	userSearchDescription       = "Only accounts whose first name, last name or email contain every word of this text, ignoring case."
)

// filter turns the configured filters into the client's.
func (f userFilterModel) filter() docspace.UserFilter {
	out := docspace.UserFilter{Search: f.Search.ValueString()}
	if t, err := docspace.ParseUserType(f.Type.ValueString()); err == nil {
		out.Type = t
	}
	if s, err := docspace.ParseUserStatus(f.Status.ValueString()); err == nil {
		out.Status = s
	}
	return out
}

func userFilterAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"type":   schema.StringAttribute{Optional: true, Description: userTypeFilterDescription, Validators: []validator.String{stringvalidator.OneOf(docspace.UserTypeNames()...)}},
		"status": schema.StringAttribute{Optional: true, Description: userStatusFilterDescription, Validators: []validator.String{stringvalidator.OneOf(docspace.UserStatusNames()...)}},
		"search": schema.StringAttribute{Optional: true, Description: userSearchDescription},
	}
}

func (d *usersDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_users"
}

func (d *usersDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := userFilterAttributes()
	attrs["group_id"] = schema.StringAttribute{Optional: true, Validators: subjectIDValidators(), Description: "Only members of this group (disabled members are not listed by DocSpace)."}
	attrs["users"] = schema.ListNestedAttribute{
		Computed: true, Description: "The accounts found: active first, then pending, then disabled, each by first name.",
		NestedObject: schema.NestedAttributeObject{Attributes: userDataAttributes()},
	}
	resp.Schema = schema.Schema{
		Description: "The accounts the API key's user can see, filtered. Needs the key of a room admin or higher: users and guests cannot list accounts.",
		Attributes:  attrs,
	}
}

func (d *usersDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *usersDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg usersDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() || !requireClient(d.data, &resp.Diagnostics) {
		return
	}
	f := cfg.filter()
	f.GroupID = cfg.GroupID.ValueString()
	users, err := d.data.client.Users(ctx, f)
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(d.data.client.PortalURL(), "listing accounts", err))
		return
	}
	cfg.Users = make([]userDataModel, 0, len(users))
	for _, u := range users {
		cfg.Users = append(cfg.Users, newUserDataModel(u))
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
