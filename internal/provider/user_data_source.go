package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

var (
	_ datasource.DataSourceWithConfigure        = (*userDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*userDataSource)(nil)
)

func newUserDataSource() datasource.DataSource { return &userDataSource{} }

// userDataSource finds one account by id or by email.
type userDataSource struct {
	data *providerData
}

// userDataModel is an account as data sources report it.
type userDataModel struct {
	ID        types.String `tfsdk:"id"`
	Email     types.String `tfsdk:"email"`
	UserName  types.String `tfsdk:"user_name"`
	FirstName types.String `tfsdk:"first_name"`
	LastName  types.String `tfsdk:"last_name"`
	Type      types.String `tfsdk:"type"`
	Status    types.String `tfsdk:"status"`
	Owner     types.Bool   `tfsdk:"owner"`
	Activated types.Bool   `tfsdk:"activated"`
}

func newUserDataModel(u docspace.User) userDataModel {
	return userDataModel{
		ID: types.StringValue(u.ID), Email: types.StringValue(u.Email), UserName: types.StringValue(u.UserName),
		FirstName: types.StringValue(u.FirstName), LastName: types.StringValue(u.LastName), Type: types.StringValue(u.Type.String()),
		Status: types.StringValue(u.Status.String()), Owner: types.BoolValue(u.Owner), Activated: types.BoolValue(u.Activated),
	}
}

// userDataAttributes are the computed attributes of an account in data sources.
func userDataAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id":         schema.StringAttribute{Computed: true, Description: userIDDescription},
		"email":      schema.StringAttribute{Computed: true, Description: "Email address."},
		"user_name":  schema.StringAttribute{Computed: true, Description: "Login name."},
		"first_name": schema.StringAttribute{Computed: true, Description: "First name (empty until an invitation is accepted)."},
		"last_name":  schema.StringAttribute{Computed: true, Description: "Last name."},
		"type":       schema.StringAttribute{Computed: true, Description: userTypeDescription},
		"status":     schema.StringAttribute{Computed: true, Description: userStatusDescription},
		"owner":      schema.BoolAttribute{Computed: true, Description: "Whether this is the portal's owner."},
		"activated":  schema.BoolAttribute{Computed: true, Description: "Whether the email address is confirmed."},
	}
}

func (d *userDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_user"
}

func (d *userDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := userDataAttributes()
	attrs["id"] = schema.StringAttribute{Optional: true, Computed: true, Validators: subjectIDValidators(), Description: userIDDescription + " Exactly one of id and email."}
	attrs["email"] = schema.StringAttribute{Optional: true, Computed: true, Validators: []validator.String{emailValidator()}, Description: "Email address to look up. Exactly one of id and email."}
	resp.Schema = schema.Schema{
		Description: "One account, by id or email. Users and guests can look up only themselves; room admins do not see guests others invited.",
		Attributes:  attrs,
	}
}

func (d *userDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("email"))}
}

func (d *userDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *userDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg userDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() || !requireClient(d.data, &resp.Diagnostics) {
		return
	}
	client := d.data.client
	var u *docspace.User
	var err error
	key := cfg.ID.ValueString()
	if !cfg.Email.IsNull() {
		key = cfg.Email.ValueString()
		u, err = client.UserByEmail(ctx, key)
	} else {
		u, err = client.User(ctx, key)
	}
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(client.PortalURL(), "looking up the account "+key, err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, newUserDataModel(*u))...)
}
