// Package provider is the Terraform glue around internal/docspace: schemas, plan-time
// validation and diagnostics. The API logic lives in the client.
package provider

import (
	"context"
	"fmt"
	"net/http"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

const (
	envPortalURL = "DOCSPACE_PORTAL_URL"
	envAPIKey    = "DOCSPACE_API_KEY" //nolint:gosec // the name of the variable, not a credential
)

var (
	_ provider.ProviderWithValidateConfig     = (*docspaceProvider)(nil)
	_ provider.ProviderWithActions            = (*docspaceProvider)(nil)
	_ provider.ProviderWithListResources      = (*docspaceProvider)(nil)
	_ provider.ProviderWithFunctions          = (*docspaceProvider)(nil)
	_ provider.ProviderWithEphemeralResources = (*docspaceProvider)(nil)
)

// New returns a provider factory for providerserver. version is set by GoReleaser.
func New(version string) func() provider.Provider {
	return func() provider.Provider { return &docspaceProvider{version: version} }
}

type docspaceProvider struct {
	version string
}

type providerModel struct {
	PortalURL          types.String `tfsdk:"portal_url"`
	APIKey             types.String `tfsdk:"api_key"`
	MaxRetries         types.Int64  `tfsdk:"max_retries"`
	AllowInsecureHTTP  types.Bool   `tfsdk:"allow_insecure_http"`
	CACertificate      types.String `tfsdk:"ca_certificate"`
	CACertificateFile  types.String `tfsdk:"ca_certificate_file"`
	InsecureSkipVerify types.Bool   `tfsdk:"insecure_skip_verify"`
	Hosting            types.Object `tfsdk:"hosting"`
}

func (p *docspaceProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "docspace"
	resp.Version = p.version
}

func (p *docspaceProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Manages an ONLYOFFICE DocSpace portal (SaaS or self-hosted) as code: backups and their retention, rooms and who " +
			"has access to them, people and groups, the security baseline, quotas and webhooks.",
		Attributes: map[string]schema.Attribute{
			"portal_url": schema.StringAttribute{
				Description: "Root URL of the DocSpace portal, for example `https://example.onlyoffice.com`, " +
					"or the path a reverse proxy serves DocSpace under (`https://intranet.example.com/docspace`). " +
					"No query or fragment; a trailing slash is ignored. Falls back to the `" + envPortalURL + "` environment variable.",
				Optional:   true,
				Validators: []validator.String{portalURLValidator()},
			},
			"api_key": schema.StringAttribute{
				Description: "DocSpace API key (`sk-…`). Backups, people, groups and portal settings need the key of the portal " +
					"Owner or a DocSpace admin; rooms and webhooks can also be managed with a room admin's key (a key sees and " +
					"changes what its user may). Sensitive: never logged and never stored in state. Falls back to the `" + envAPIKey +
					"` environment variable.",
				Optional:  true,
				Sensitive: true,
			},
			"max_retries": schema.Int64Attribute{
				Description: fmt.Sprintf("How many times a request is retried after HTTP 429, 502, 503, 504 or a connection error, "+
					"with exponential backoff (Retry-After is honoured). 0 to 10, default %d.", docspace.DefaultMaxRetries),
				Optional:   true,
				Validators: []validator.Int64{int64validator.Between(0, 10)},
			},
			"allow_insecure_http": schema.BoolAttribute{
				Description: "Allow an `http://` portal_url for a host other than this machine. Off by default because the API key " +
					"would travel in clear text; turn it on only for a network path you trust.",
				Optional: true,
			},
			"ca_certificate": schema.StringAttribute{
				Description: "PEM-encoded certificate authority (one or more certificates) to trust in addition to the system's, " +
					"for self-hosted portals with a private CA. Conflicts with `ca_certificate_file`.",
				Optional:   true,
				Validators: []validator.String{pemCertificateValidator(), stringvalidator.ConflictsWith(path.MatchRoot("ca_certificate_file"))},
			},
			"ca_certificate_file": schema.StringAttribute{
				Description: "Path to a PEM file with the certificate authority to trust (see `ca_certificate`). Conflicts with `ca_certificate`.",
				Optional:    true,
			},
			"hosting": hostingSchema(),
			"insecure_skip_verify": schema.BoolAttribute{
				Description: "Do not verify the portal's TLS certificate. Anyone on the network path could then read the API key; " +
					"every run warns while this is on. Prefer `ca_certificate`.",
				Optional: true,
			},
		},
	}
}

// ValidateConfig refuses plain HTTP to remote hosts at plan time, when the URL is known.
func (p *docspaceProvider) ValidateConfig(ctx context.Context, req provider.ValidateConfigRequest, resp *provider.ValidateConfigResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() || cfg.PortalURL.IsNull() || cfg.PortalURL.IsUnknown() || cfg.AllowInsecureHTTP.IsUnknown() {
		return
	}
	normalized, err := docspace.NormalizePortalURL(cfg.PortalURL.ValueString())
	if err != nil {
		return // the attribute validator reports it
	}
	if err := docspace.CheckTransportSecurity(normalized, cfg.AllowInsecureHTTP.ValueBool()); err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("portal_url"), "Refusing to send the API key over plain HTTP", insecureHTTPDetail(err))
	}
}

func (p *docspaceProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	// A URL or key that comes from another resource is unknown during plan. Planning needs no
	// API call, so leave the provider unconfigured; Terraform configures it again at apply.
	if cfg.PortalURL.IsUnknown() || cfg.APIKey.IsUnknown() || cfg.MaxRetries.IsUnknown() || hostingUnknown(ctx, cfg.Hosting) {
		tflog.Debug(ctx, "provider configuration not known yet; configuring at apply")
		return
	}

	portalURL := stringOrEnv(cfg.PortalURL, envPortalURL)
	apiKey := stringOrEnv(cfg.APIKey, envAPIKey)
	if portalURL == "" {
		resp.Diagnostics.AddAttributeError(path.Root("portal_url"), "Missing DocSpace portal URL",
			"Set portal_url in the provider \"docspace\" block or the "+envPortalURL+" environment variable "+
				"to the portal's root URL, for example https://example.onlyoffice.com.")
	}
	if apiKey == "" {
		resp.Diagnostics.AddAttributeError(path.Root("api_key"), "Missing DocSpace API key",
			"Set api_key in the provider \"docspace\" block (from a sensitive variable) or the "+envAPIKey+" environment variable. "+
				"Create the key in DocSpace under Settings > Developer Tools > API keys, as the Owner or a DocSpace admin.")
	}
	if resp.Diagnostics.HasError() {
		return
	}
	normalized, err := docspace.NormalizePortalURL(portalURL)
	if err != nil {
		// Only reachable for the environment variable: the attribute validator already
		// checked a configured value.
		resp.Diagnostics.AddAttributeError(path.Root("portal_url"), "Invalid DocSpace portal URL",
			fmt.Sprintf("The portal URL from %s is not usable: %s.", envPortalURL, err))
		return
	}

	if err := docspace.CheckTransportSecurity(normalized, cfg.AllowInsecureHTTP.ValueBool()); err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("portal_url"), "Refusing to send the API key over plain HTTP", insecureHTTPDetail(err))
		return
	}
	transport, diags := p.transport(cfg)
	resp.Diagnostics.Append(diags...)
	hosting, diags := hostingCredentials(ctx, cfg.Hosting)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}

	maxRetries := int64(docspace.DefaultMaxRetries)
	if !cfg.MaxRetries.IsNull() {
		maxRetries = cfg.MaxRetries.ValueInt64()
	}
	client, err := docspace.New(docspace.Config{
		PortalURL:         normalized,
		APIKey:            apiKey,
		UserAgent:         fmt.Sprintf("terraform-provider-docspace/%s Terraform/%s", p.version, req.TerraformVersion),
		MaxRetries:        int(maxRetries),
		AllowInsecureHTTP: cfg.AllowInsecureHTTP.ValueBool(),
		HTTPClient:        &http.Client{Transport: transport},
		Hosting:           hosting,
		Log:               clientLogger(apiKey),
	})
	if err != nil {
		resp.Diagnostics.AddError("Could not set up the DocSpace client", err.Error())
		return
	}
	tflog.Debug(ctx, "DocSpace provider configured", map[string]any{"portal_url": normalized, "max_retries": maxRetries})
	data := &providerData{client: client}
	resp.ResourceData = data
	resp.DataSourceData = data
	resp.ActionData = data
	resp.ListResourceData = data
	resp.EphemeralResourceData = data
}

func (p *docspaceProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		newBackupHistoryPurgeResource,
		newBackupScheduleResource,
		newBackupResource,
		newRoomResource,
		newRoomMemberResource,
		newRoomMembersResource,
		newUserResource,
		newGroupResource,
		newGroupMembersResource,
		newPasswordPolicyResource,
		newLoginSettingsResource,
		newIPRestrictionsResource,
		newTFASettingsResource,
		newSessionLifetimeResource,
		newQuotaSettingsResource,
		newPortalSettingsResource,
		newCSPDomainsResource,
		newBrandingResource,
		newSpaceResource,
		newInvitationLinkResource,
		newTrustedMailDomainsResource,
		newInvitationSettingsResource,
		newAuditSettingsResource,
		newWebhookResource,
		newAPIKeyResource,
		newSMTPSettingsResource,
		newSSOSettingsResource,
		newLDAPSettingsResource,
		newOAuthClientResource,
	}
}

func (p *docspaceProvider) EphemeralResources(context.Context) []func() ephemeral.EphemeralResource {
	return []func() ephemeral.EphemeralResource{
		newAPIKeyEphemeralResource,
	}
}

func (p *docspaceProvider) Actions(context.Context) []func() action.Action {
	return []func() action.Action{
		withEmptyConfigForNull(newBackupHistoryPurgeAction),
		withEmptyConfigForNull(newBackupStartAction),
		withEmptyConfigForNull(newBackupRestoreAction),
		withEmptyConfigForNull(newSMTPTestAction),
		withEmptyConfigForNull(newLDAPSyncAction),
	}
}

func (p *docspaceProvider) Functions(context.Context) []func() function.Function {
	return []func() function.Function{
		newWebhookSignatureFunction,
		newRoomURLFunction,
	}
}

func (p *docspaceProvider) ListResources(context.Context) []func() list.ListResource {
	return []func() list.ListResource{
		newBackupListResource,
		newRoomListResource,
		newUserListResource,
		newGroupListResource,
		newWebhookListResource,
		newAPIKeyListResource,
		newOAuthClientListResource,
	}
}

func (p *docspaceProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		newBackupHistoryDataSource,
		newRoomDataSource,
		newRoomsDataSource,
		newUserDataSource,
		newUsersDataSource,
		newGroupDataSource,
		newGroupsDataSource,
		newPortalDataSource,
		newAuditEventsDataSource,
		newLoginEventsDataSource,
		newWebhookDeliveriesDataSource,
		newOAuthScopesDataSource,
		newSignInStatusDataSource,
	}
}

// clientLogger sends the client's request log to tflog with the key masked, so it stays
// out of TF_LOG output even if a field ever carried it.
func clientLogger(apiKey string) func(ctx context.Context, msg string, fields map[string]any) {
	return func(ctx context.Context, msg string, fields map[string]any) {
		ctx = tflog.MaskAllFieldValuesStrings(ctx, apiKey)
		ctx = tflog.MaskMessageStrings(ctx, apiKey)
		tflog.Debug(ctx, msg, fields)
	}
}

// portalURLValidator checks portal_url with the rules the client applies.
func portalURLValidator() validator.String {
	return stringCheck{
		description: "must be an absolute http(s) URL without query or fragment",
		summary:     "Invalid DocSpace portal URL",
		check: func(s string) error {
			_, err := docspace.NormalizePortalURL(s)
			return err
		},
		detail: func(err error) string {
			return "portal_url " + err.Error() + ". Use the portal's root URL, for example https://example.onlyoffice.com."
		},
	}
}
