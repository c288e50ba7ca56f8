package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ datasource.DataSourceWithConfigure = (*oauthScopesDataSource)(nil)

func newOAuthScopesDataSource() datasource.DataSource { return &oauthScopesDataSource{} }

// oauthScopesDataSource lists the scopes an OAuth client may ask for.
type oauthScopesDataSource struct {
	data *providerData
}

type oauthScopeModel struct {
	Name  types.String `tfsdk:"name"`
	Group types.String `tfsdk:"group"`
	Type  types.String `tfsdk:"type"`
}

type oauthScopesModel struct {
	Names  []types.String    `tfsdk:"names"`
	Scopes []oauthScopeModel `tfsdk:"scopes"`
}

func (d *oauthScopesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_oauth_scopes"
}

func (d *oauthScopesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	text := func(description string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, Description: description}
	}
	resp.Schema = schema.Schema{
		Description: "The scopes the portal's identity service offers OAuth clients (`docspace_oauth_client.scopes`), in its own " +
			"order (by name, `openid` last). Any signed-in key may read them.",
		Attributes: map[string]schema.Attribute{
			"names": schema.ListAttribute{Computed: true, ElementType: types.StringType, Description: "The scope names, such as `rooms:read`."},
			"scopes": schema.ListNestedAttribute{Computed: true, Description: "Each scope with its group and type.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"name":  text("The scope, such as `rooms:read`."),
					"group": text("What it is about: `rooms`, `files`, `accounts`, `profiles` or `openid`."),
					"type":  text("`read`, `write` or `openid`."),
				}},
			},
		},
	}
}

func (d *oauthScopesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *oauthScopesDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	if !requireClient(d.data, &resp.Diagnostics) {
		return
	}
	scopes, err := d.data.client.OAuthScopeCatalogue(ctx)
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(d.data.client.PortalURL(), "reading the OAuth scopes", err))
		return
	}
	m := oauthScopesModel{Names: []types.String{}, Scopes: []oauthScopeModel{}}
	for _, s := range scopes {
		m.Names = append(m.Names, types.StringValue(s.Name))
		m.Scopes = append(m.Scopes, oauthScopeModel{Name: types.StringValue(s.Name), Group: types.StringValue(s.Group), Type: types.StringValue(s.Type)})
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}
