package provider

import (
	"context"
	"net/http"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

var _ datasource.DataSourceWithConfigure = (*signInStatusDataSource)(nil)

func newSignInStatusDataSource() datasource.DataSource { return &signInStatusDataSource{} }

// signInStatusDataSource reports how people sign in: SSO and LDAP, on or off.
type signInStatusDataSource struct {
	data *providerData
}

type signInStatusModel struct {
	SSOAvailable     types.Bool   `tfsdk:"sso_available"`
	SSOEnabled       types.Bool   `tfsdk:"sso_enabled"`
	SSOIdPEntityID   types.String `tfsdk:"sso_idp_entity_id"`
	SSOLoginLabel    types.String `tfsdk:"sso_login_label"`
	SSOHideAuthPage  types.Bool   `tfsdk:"sso_hide_auth_page"`
	LDAPAvailable    types.Bool   `tfsdk:"ldap_available"`
	LDAPEnabled      types.Bool   `tfsdk:"ldap_enabled"`
	LDAPServer       types.String `tfsdk:"ldap_server"`
	LDAPAutoSyncCron types.String `tfsdk:"ldap_auto_sync_cron"`
}

func (d *signInStatusDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_sign_in_status"
}

func (d *signInStatusDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	flag := func(description string) schema.BoolAttribute {
		return schema.BoolAttribute{Computed: true, Description: description}
	}
	text := func(description string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, Description: description}
	}
	resp.Schema = schema.Schema{
		Description: "How people sign in to the portal right now: whether SAML single sign-on and LDAP are available on its plan and " +
			"switched on, whoever configured them (Terraform or the UI). Use it to check a portal before managing " +
			"`docspace_sso_settings` or `docspace_ldap_settings`, or in a check block. Needs the key of the Owner or a DocSpace admin.",
		Attributes: map[string]schema.Attribute{
			"sso_available":       flag("Whether the portal's plan includes SSO (DocSpace Cloud: paid plans; self-hosted: always)."),
			"sso_enabled":         flag("Whether SSO is on; false when it is not available."),
			"sso_idp_entity_id":   text("The identity provider's entity id; null when none is set."),
			"sso_login_label":     text("The label of the sign-in button; null when none is set."),
			"sso_hide_auth_page":  flag("Whether the e-mail and password sign-in is hidden (people go straight to the identity provider)."),
			"ldap_available":      flag("Whether the portal's plan includes LDAP (DocSpace Cloud: paid plans; self-hosted: always)."),
			"ldap_enabled":        flag("Whether LDAP sign-in is on; false when it is not available."),
			"ldap_server":         text("The directory server; null when none is set."),
			"ldap_auto_sync_cron": text("The schedule of automatic syncs (a Quartz cron expression); null when there is none."),
		},
	}
}

func (d *signInStatusDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *signInStatusDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	if !requireClient(d.data, &resp.Diagnostics) {
		return
	}
	client := d.data.client
	m := signInStatusModel{SSOAvailable: types.BoolValue(false), SSOEnabled: types.BoolValue(false), SSOHideAuthPage: types.BoolValue(false),
		LDAPAvailable: types.BoolValue(false), LDAPEnabled: types.BoolValue(false)}
	sso, err := client.SSOSettings(ctx)
	switch {
	case err == nil:
		m.SSOAvailable, m.SSOEnabled, m.SSOHideAuthPage = types.BoolValue(true), types.BoolValue(sso.Enabled), types.BoolValue(sso.HideAuthPage)
		m.SSOIdPEntityID, m.SSOLoginLabel = nullIfEmpty(sso.IdP.EntityID), nullIfEmpty(sso.LoginLabel)
	case docspace.StatusCode(err) != http.StatusPaymentRequired:
		resp.Diagnostics.Append(apiErrorDiagnostic(client.PortalURL(), "reading the SSO settings", err))
		return
	}
	ldap, err := client.LDAPSettings(ctx)
	switch {
	case err == nil:
		m.LDAPAvailable, m.LDAPEnabled = types.BoolValue(true), types.BoolValue(ldap.Enabled)
		m.LDAPServer, m.LDAPAutoSyncCron = nullIfEmpty(ldap.Server), nullIfEmpty(ldap.AutoSyncCron)
	case docspace.StatusCode(err) != http.StatusPaymentRequired:
		resp.Diagnostics.Append(apiErrorDiagnostic(client.PortalURL(), "reading the LDAP settings", err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, m)...)
}
