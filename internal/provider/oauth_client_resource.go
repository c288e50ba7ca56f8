package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

// docspace_oauth_client: an OAuth application registered with the portal's identity
// service. The portal generates the secret and shows it on every read, so it is kept in
// state (sensitive); client_secret_rotation asks for a new one.

type oauthClientModel struct {
	ID                    types.String `tfsdk:"id"`
	ClientID              types.String `tfsdk:"client_id"`
	Name                  types.String `tfsdk:"name"`
	Description           types.String `tfsdk:"description"`
	Logo                  types.String `tfsdk:"logo"`
	WebsiteURL            types.String `tfsdk:"website_url"`
	TermsURL              types.String `tfsdk:"terms_url"`
	PolicyURL             types.String `tfsdk:"policy_url"`
	LogoutRedirectURI     types.String `tfsdk:"logout_redirect_uri"`
	RedirectURIs          types.Set    `tfsdk:"redirect_uris"`
	AllowedOrigins        types.Set    `tfsdk:"allowed_origins"`
	Scopes                types.Set    `tfsdk:"scopes"`
	AllowPKCE             types.Bool   `tfsdk:"allow_pkce"`
	Enabled               types.Bool   `tfsdk:"enabled"`
	ClientSecretRotation  types.String `tfsdk:"client_secret_rotation"`
	ClientSecret          types.String `tfsdk:"client_secret"`
	AuthenticationMethods types.Set    `tfsdk:"authentication_methods"`
	CreatedAt             types.String `tfsdk:"created_at"`
	CreatedBy             types.String `tfsdk:"created_by"`
	ModifiedAt            types.String `tfsdk:"modified_at"`
}

type oauthClientIdentity struct {
	ID types.String `tfsdk:"id"`
}

type oauthClientResource struct {
	data *providerData
}

var (
	_ resource.ResourceWithConfigure   = (*oauthClientResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*oauthClientResource)(nil)
	_ resource.ResourceWithImportState = (*oauthClientResource)(nil)
	_ resource.ResourceWithIdentity    = (*oauthClientResource)(nil)
)

func newOAuthClientResource() resource.Resource { return &oauthClientResource{} }

func (r *oauthClientResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_oauth_client"
}

const oauthClientImmutable = " DocSpace cannot change it after registration: changing it replaces the client (a new client id and secret)."

func (r *oauthClientResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	link := func(what string) schema.StringAttribute {
		return schema.StringAttribute{Required: true, Validators: oauthClientURLValidators(),
			PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			Description:   what + " The identity service wants a public host name with a top-level domain (localhost is refused)." + oauthClientImmutable}
	}
	computed := func(description string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, Description: description, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}}
	}
	uris := func(description string, replace bool) schema.SetAttribute {
		a := schema.SetAttribute{Required: true, ElementType: types.StringType, Description: description,
			Validators: []validator.Set{setvalidator.SizeBetween(1, docspace.MaxOAuthClientURIs), setvalidator.ValueStringsAre(
				stringvalidator.RegexMatches(docspace.OAuthClientRedirectPattern, "must be an http(s) URL with a host, or a claude: URI"))}}
		if replace {
			a.PlanModifiers = []planmodifier.Set{setplanmodifier.RequiresReplace()}
		}
		return a
	}
	resp.Schema = schema.Schema{
		Description: "An OAuth 2.0 application registered with the portal (Settings > Developer Tools > OAuth), so people can sign in " +
			"to it with their DocSpace account and let it act for them within `scopes`. The portal generates `client_secret` and shows " +
			"it on every read: it is kept in state as a sensitive value (protect the state). Change `client_secret_rotation` to get a " +
			"new secret. Managing clients needs the key of the Owner or a DocSpace admin (every client of the portal), or of a room " +
			"admin or user (their own clients).",
		Attributes: map[string]schema.Attribute{
			"id":        computed("The client id (a GUID), the same as `client_id`."),
			"client_id": computed("The OAuth client id applications send."),
			"name": schema.StringAttribute{Required: true, Validators: []validator.String{stringvalidator.LengthBetween(3, 256)},
				Description: "The application's name people see when they consent, 3 to 256 characters."},
			"description": schema.StringAttribute{Optional: true,
				Validators:  []validator.String{stringvalidator.LengthBetween(1, docspace.MaxOAuthClientDescription)},
				Description: "What the application does, up to 255 characters."},
			"logo": schema.StringAttribute{Required: true, Validators: oauthClientLogoValidators(),
				Description: "The logo people see when they consent: a data URL of a PNG, JPEG or SVG image of at most 256,000 bytes, " +
					"for example `\"data:image/png;base64,${filebase64(\"logo.png\")}\"`."},
			"website_url":         link("The application's home page."),
			"terms_url":           link("The application's terms of service."),
			"policy_url":          link("The application's privacy policy."),
			"logout_redirect_uri": link("Where people land after signing out."),
			"redirect_uris": uris("Where the portal may send people back with an authorization code: 1 to 12 http(s) URLs (or claude: URIs)."+
				oauthClientImmutable, true),
			"allowed_origins": uris("Origins allowed to call the token endpoint from a browser: 1 to 12 http(s) URLs.", false),
			"scopes": schema.SetAttribute{Required: true, ElementType: types.StringType,
				Validators:    []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueStringsAre(stringvalidator.OneOf(docspace.OAuthScopes...))},
				PlanModifiers: []planmodifier.Set{setplanmodifier.RequiresReplace()},
				Description: "What the application may do for a person who consents: `openid`, `rooms:read`, `rooms:write`, `files:read`, " +
					"`files:write`, `accounts:read`, `accounts:write`, `accounts.self:read`, `accounts.self:write` (the data source " +
					"`docspace_oauth_scopes` lists the portal's)." + oauthClientImmutable},
			"allow_pkce": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				Description: "Whether public clients (single-page and mobile apps) may authorize with PKCE instead of the secret. Default false."},
			"enabled": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(true),
				Description: "Whether people can authorize the application. Switching it off keeps tokens already issued valid until they expire. Default true."},
			"client_secret_rotation": schema.StringAttribute{Optional: true,
				Description: "Any value; changing it makes the portal issue a new `client_secret` (the old one stops working at once), " +
					"for example a date or a counter. Setting it the first time, or removing it, does not rotate."},
			"client_secret": schema.StringAttribute{Computed: true, Sensitive: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
				Description: "The client secret the portal generated (36 letters and digits). Sensitive: kept in state."},
			"authentication_methods": schema.SetAttribute{Computed: true, ElementType: types.StringType,
				Description: "How the client authenticates at the token endpoint: `client_secret_post`, and `none` with PKCE."},
			"created_at":  computed("When the client was registered (RFC 3339)."),
			"created_by":  computed("The id of the user who registered the client."),
			"modified_at": schema.StringAttribute{Computed: true, Description: "When the client was last changed (RFC 3339)."},
		},
	}
}

func oauthClientURLValidators() []validator.String {
	return []validator.String{stringvalidator.RegexMatches(docspace.OAuthClientURLPattern,
		"must be a URL on a public host name with a top-level domain, such as https://app.example.com/terms (localhost is refused)")}
}

func oauthClientLogoValidators() []validator.String {
	return []validator.String{
		stringvalidator.LengthAtMost(docspace.MaxOAuthClientLogo),
		stringvalidator.RegexMatches(docspace.OAuthClientLogoPattern, "must be a base64 data URL of a PNG, JPEG or SVG image (data:image/png;base64,…)"),
	}
}

func (r *oauthClientResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{Attributes: map[string]identityschema.Attribute{
		"id": identityschema.StringAttribute{RequiredForImport: true, Description: "OAuth client id."},
	}}
}

func (r *oauthClientResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan plans a new secret when client_secret_rotation changes from one value to
// another.
func (r *oauthClientResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || req.State.Raw.IsNull() {
		return
	}
	var plan, state oauthClientModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !rotates(state.ClientSecretRotation, plan.ClientSecretRotation) {
		return
	}
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("client_secret"), types.StringUnknown())...)
}

// rotates: a trigger changed from one value to another (not set for the first time, not
// removed).
func rotates(before, after types.String) bool {
	return !before.IsNull() && !after.IsNull() && !before.Equal(after)
}

func (r *oauthClientResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan oauthClientModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	client := r.data.client
	c, err := client.CreateOAuthClient(ctx, docspace.NewOAuthClient{
		Name: plan.Name.ValueString(), Description: plan.Description.ValueString(), Logo: plan.Logo.ValueString(),
		WebsiteURL: plan.WebsiteURL.ValueString(), TermsURL: plan.TermsURL.ValueString(), PolicyURL: plan.PolicyURL.ValueString(),
		LogoutRedirectURI: plan.LogoutRedirectURI.ValueString(), RedirectURIs: setStrings(ctx, plan.RedirectURIs, &resp.Diagnostics),
		AllowedOrigins: setStrings(ctx, plan.AllowedOrigins, &resp.Diagnostics), Scopes: setStrings(ctx, plan.Scopes, &resp.Diagnostics),
		AllowPKCE: plan.AllowPKCE.ValueBool(),
	})
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(client.PortalURL(), "registering OAuth client "+plan.Name.ValueString(), err))
		return
	}
	resp.Diagnostics.Append(resp.Identity.Set(ctx, oauthClientIdentity{ID: types.StringValue(c.ID)})...)
	state := oauthClientState(c, plan)
	// Saved before anything else can fail: the client exists now.
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	if !plan.Enabled.ValueBool() {
		if err := client.SetOAuthClientEnabled(ctx, c.ID, false); err != nil {
			resp.Diagnostics.Append(apiErrorDiagnostic(client.PortalURL(), "switching off OAuth client "+c.Name, err))
			return
		}
		state.Enabled = types.BoolValue(false)
		resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	}
}

// oauthClientState maps what the portal reports onto the model; known holds what it does
// not report (the rotation trigger).
func oauthClientState(c *docspace.OAuthClient, known oauthClientModel) oauthClientModel {
	m := known
	m.ID, m.ClientID = types.StringValue(c.ID), types.StringValue(c.ID)
	m.Name, m.Description, m.Logo = types.StringValue(c.Name), nullIfEmpty(c.Description), types.StringValue(c.Logo)
	m.WebsiteURL, m.TermsURL, m.PolicyURL = types.StringValue(c.WebsiteURL), types.StringValue(c.TermsURL), types.StringValue(c.PolicyURL)
	m.LogoutRedirectURI = types.StringValue(c.LogoutRedirectURI())
	m.RedirectURIs, m.AllowedOrigins, m.Scopes = stringSet(c.RedirectURIs), stringSet(c.AllowedOrigins), stringSet(c.Scopes)
	m.AllowPKCE, m.Enabled = types.BoolValue(c.AllowsPKCE()), types.BoolValue(c.Enabled)
	if c.Secret != "" {
		m.ClientSecret = types.StringValue(c.Secret)
	}
	m.AuthenticationMethods = stringSet(c.AuthenticationMethods)
	m.CreatedAt, m.CreatedBy, m.ModifiedAt = nullIfEmpty(rfc3339(c.CreatedOn)), nullIfEmpty(c.CreatedBy), nullIfEmpty(rfc3339(c.ModifiedOn))
	return m
}

func (r *oauthClientResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state oauthClientModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	resp.Diagnostics.Append(resp.Identity.Set(ctx, oauthClientIdentity{ID: state.ID})...)
	c, ok := readOrGone(ctx, resp, r.data.client, "reading OAuth client "+state.Name.ValueString(), func() (*docspace.OAuthClient, error) {
		return r.data.client.OAuthClient(ctx, state.ID.ValueString())
	})
	if ok {
		resp.Diagnostics.Append(resp.State.Set(ctx, oauthClientState(c, state))...)
	}
}

func (r *oauthClientResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state oauthClientModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	client, id, name := r.data.client, plan.ID.ValueString(), plan.Name.ValueString()
	if oauthClientEditsDiffer(plan, state) {
		err := client.UpdateOAuthClient(ctx, id, docspace.OAuthClientUpdate{
			Name: name, Description: plan.Description.ValueString(), Logo: plan.Logo.ValueString(),
			AllowPKCE: plan.AllowPKCE.ValueBool(), AllowedOrigins: setStrings(ctx, plan.AllowedOrigins, &resp.Diagnostics),
		})
		if err != nil {
			resp.Diagnostics.Append(apiErrorDiagnostic(client.PortalURL(), "updating OAuth client "+name, err))
			return
		}
	}
	if !plan.Enabled.Equal(state.Enabled) {
		if err := client.SetOAuthClientEnabled(ctx, id, plan.Enabled.ValueBool()); err != nil {
			resp.Diagnostics.Append(apiErrorDiagnostic(client.PortalURL(), "switching OAuth client "+name+" on or off", err))
			return
		}
	}
	if rotates(state.ClientSecretRotation, plan.ClientSecretRotation) {
		if _, err := client.RegenerateOAuthClientSecret(ctx, id); err != nil {
			resp.Diagnostics.Append(apiErrorDiagnostic(client.PortalURL(), "rotating the secret of OAuth client "+name, err))
			return
		}
	}
	c, err := client.OAuthClient(ctx, id)
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(client.PortalURL(), "reading OAuth client "+name+" back", err))
		return
	}
	stored := oauthClientState(c, plan)
	if resp.Diagnostics.Append(verifyStored("OAuth client "+name, plan, stored)...); resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.Identity.Set(ctx, oauthClientIdentity{ID: plan.ID})...)
	resp.Diagnostics.Append(resp.State.Set(ctx, stored)...)
}

// oauthClientEditsDiffer says whether anything PUT clients/{id} changes differs.
func oauthClientEditsDiffer(plan, state oauthClientModel) bool {
	return !plan.Name.Equal(state.Name) || !plan.Description.Equal(state.Description) || !plan.Logo.Equal(state.Logo) ||
		!plan.AllowPKCE.Equal(state.AllowPKCE) || !plan.AllowedOrigins.Equal(state.AllowedOrigins)
}

func (r *oauthClientResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state oauthClientModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	err := r.data.client.DeleteOAuthClient(ctx, state.ID.ValueString())
	if err != nil && !docspace.IsNotFound(err) {
		resp.Diagnostics.Append(apiErrorDiagnostic(r.data.client.PortalURL(), "deleting OAuth client "+state.Name.ValueString(), err))
	}
}

func (r *oauthClientResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id := importedID(ctx, req, &resp.Diagnostics)
	if !guidPattern.MatchString(id) {
		resp.Diagnostics.AddError("Invalid import id for docspace_oauth_client",
			"Got "+id+". Import an OAuth client by its client id, a GUID (the list resource docspace_oauth_client finds them).")
		return
	}
	if !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	c, err := r.data.client.OAuthClient(ctx, id)
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(r.data.client.PortalURL(), "importing OAuth client "+id, err))
		return
	}
	resp.Diagnostics.Append(resp.Identity.Set(ctx, oauthClientIdentity{ID: types.StringValue(c.ID)})...)
	resp.Diagnostics.Append(resp.State.Set(ctx, existingOAuthClientModel(c))...)
}

// existingOAuthClientModel is the state of a client Terraform did not register.
func existingOAuthClientModel(c *docspace.OAuthClient) oauthClientModel {
	return oauthClientState(c, oauthClientModel{ClientSecretRotation: types.StringNull(), ClientSecret: types.StringNull()})
}
