package provider

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

// docspace_api_key: a long-lived API key. Its secret exists in the creation answer only,
// so it lives in state (sensitive) and an imported key has none; for a key that lives
// only as long as one run, use the ephemeral resource of the same name.

type apiKeyModel struct {
	ID            types.String `tfsdk:"id"`
	Name          types.String `tfsdk:"name"`
	Permissions   types.Set    `tfsdk:"permissions"`
	ExpiresInDays types.Int64  `tfsdk:"expires_in_days"`
	Enabled       types.Bool   `tfsdk:"enabled"`
	Key           types.String `tfsdk:"key"`
	KeyPostfix    types.String `tfsdk:"key_postfix"`
	ExpiresAt     types.String `tfsdk:"expires_at"`
	CreatedAt     types.String `tfsdk:"created_at"`
	CreatedBy     types.String `tfsdk:"created_by"`
}

type apiKeyIdentity struct {
	ID types.String `tfsdk:"id"`
}

type apiKeyResource struct {
	data *providerData
}

var (
	_ resource.ResourceWithConfigure   = (*apiKeyResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*apiKeyResource)(nil)
	_ resource.ResourceWithImportState = (*apiKeyResource)(nil)
	_ resource.ResourceWithIdentity    = (*apiKeyResource)(nil)
)

func newAPIKeyResource() resource.Resource { return &apiKeyResource{} }

func (r *apiKeyResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_api_key"
}

// apiKeyNameAttribute and apiKeyPermissionsAttribute are shared with the ephemeral key.
func apiKeyNameAttribute() (validators []validator.String, description string) {
	return []validator.String{stringvalidator.LengthBetween(1, docspace.MaxAPIKeyName)},
		"The key's name, 1 to 30 characters, as DocSpace lists it under Settings > Developer Tools > API keys (names need not be unique)."
}

func apiKeyPermissionsValidators() []validator.Set {
	return []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueStringsAre(stringvalidator.OneOf(docspace.APIKeyPermissions...))}
}

const apiKeyPermissionsDescription = "Scopes the key is limited to: `*:read` (read everything), `*:write`, `rooms:read`, `rooms:write`, " +
	"`files:read`, `files:write`, `accounts:read`, `accounts:write`, `accounts.self:read`, `accounts.self:write`. A call outside " +
	"them answers 403. Unset: unrestricted (everything its user may do). Portal settings need `*:write`."

func (r *apiKeyResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	nameValidators, nameDescription := apiKeyNameAttribute()
	computed := func(description string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, Description: description, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}}
	}
	resp.Schema = schema.Schema{
		Description: "A DocSpace API key for another tool (a CI job, an integration). It acts as the user whose key the provider " +
			"uses, narrowed by `permissions`. The secret exists only in DocSpace's answer to the creation: it is kept in state as a " +
			"sensitive value (protect the state), and an imported key has none. For a key that lives only as long as one Terraform " +
			"run, never stored anywhere, use the ephemeral resource `docspace_api_key` instead. DocSpace lets each user create at " +
			"most 5 keys in 15 minutes.",
		Attributes: map[string]schema.Attribute{
			"id":   computed("The key's id (a GUID)."),
			"name": schema.StringAttribute{Required: true, Validators: nameValidators, Description: nameDescription},
			"permissions": schema.SetAttribute{Optional: true, ElementType: types.StringType, Validators: apiKeyPermissionsValidators(),
				Description: apiKeyPermissionsDescription},
			"expires_in_days": schema.Int64Attribute{Optional: true, Validators: []validator.Int64{int64validator.Between(1, 365)},
				PlanModifiers: []planmodifier.Int64{int64planmodifier.RequiresReplace()},
				Description: "Days until the key expires, 1 to 365 (never when unset). DocSpace cannot extend a key: changing it, or " +
					"planning after the key expired, replaces the key."},
			"enabled": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(true),
				Description: "Whether the key works. Default true."},
			"key": schema.StringAttribute{Computed: true, Sensitive: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
				Description: "The secret (`sk-…`), from the creation; null for an imported key. Sensitive: kept in state only."},
			"key_postfix": computed("The secret's last four characters, as DocSpace shows them."),
			"expires_at":  computed("When the key expires (RFC 3339), or null."),
			"created_at":  computed("When the key was created (RFC 3339)."),
			"created_by":  computed("The id of the user who created the key (the user the key acts as)."),
		},
	}
}

func (r *apiKeyResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{Attributes: map[string]identityschema.Attribute{
		"id": identityschema.StringAttribute{RequiredForImport: true, Description: "API key id."},
	}}
}

func (r *apiKeyResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan replaces a key that has expired: DocSpace can neither extend nor re-enable it.
func (r *apiKeyResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || req.State.Raw.IsNull() {
		return
	}
	var state apiKeyModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	expires, err := time.Parse(time.RFC3339, state.ExpiresAt.ValueString())
	if err != nil || time.Now().Before(expires) {
		return
	}
	// Terraform replaces only for an attribute whose planned value differs: the expiry's.
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("expires_at"), types.StringUnknown())...)
	resp.RequiresReplace = append(resp.RequiresReplace, path.Root("expires_at"))
	resp.Diagnostics.AddAttributeWarning(path.Root("expires_in_days"), "The API key has expired",
		"Key "+state.Name.ValueString()+" expired at "+state.ExpiresAt.ValueString()+". DocSpace cannot extend it, so this plan replaces it with a new key (a new secret).")
}

func (r *apiKeyResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan apiKeyModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	client := r.data.client
	perms := setStrings(ctx, plan.Permissions, &resp.Diagnostics)
	k, err := client.CreateAPIKey(ctx, docspace.NewAPIKey{Name: plan.Name.ValueString(), Permissions: perms, ExpiresInDays: int(plan.ExpiresInDays.ValueInt64())})
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(client.PortalURL(), "creating API key "+plan.Name.ValueString(), err))
		return
	}
	plan.Key = types.StringValue(k.Secret)
	resp.Diagnostics.Append(resp.Identity.Set(ctx, apiKeyIdentity{ID: types.StringValue(k.ID)})...)
	state := apiKeyState(k, plan)
	// Saved before anything else can fail: the key exists now.
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	if !plan.Enabled.ValueBool() {
		if err := client.UpdateAPIKey(ctx, k.ID, docspace.APIKeyUpdate{Name: k.Name, Permissions: perms, Active: false}); err != nil {
			resp.Diagnostics.Append(apiErrorDiagnostic(client.PortalURL(), "switching off API key "+k.Name, err))
			return
		}
		state.Enabled = types.BoolValue(false)
		resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	}
}

// apiKeyState maps what DocSpace reports onto the model; known holds what it does not
// report (the secret after creation, the requested expiry days).
func apiKeyState(k *docspace.APIKey, known apiKeyModel) apiKeyModel {
	m := known
	m.ID = types.StringValue(k.ID)
	m.Name = types.StringValue(k.Name)
	m.Enabled = types.BoolValue(k.Active)
	m.KeyPostfix = types.StringValue(k.Postfix)
	m.ExpiresAt = nullIfEmpty(rfc3339(k.Expires))
	m.CreatedAt = nullIfEmpty(rfc3339(k.Created))
	m.CreatedBy = nullIfEmpty(k.CreatedBy.ID)
	m.Permissions = types.SetNull(types.StringType)
	if len(k.Permissions) > 0 {
		m.Permissions = stringSet(k.Permissions)
	}
	return m
}

// rfc3339 turns DocSpace's time stamps into RFC 3339 UTC; "" stays "".
func rfc3339(s string) string {
	t, err := docspace.ParseTimestamp(s)
	if err != nil || t.IsZero() {
		return s
	}
	return t.UTC().Format(time.RFC3339)
}

func setStrings(ctx context.Context, s types.Set, diags *diag.Diagnostics) []string {
	var out []string
	if !s.IsNull() && !s.IsUnknown() {
		diags.Append(s.ElementsAs(ctx, &out, false)...)
	}
	return out
}

func (r *apiKeyResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state apiKeyModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	resp.Diagnostics.Append(resp.Identity.Set(ctx, apiKeyIdentity{ID: state.ID})...)
	k, ok := readOrGone(ctx, resp, r.data.client, "reading API key "+state.Name.ValueString(), func() (*docspace.APIKey, error) {
		return r.data.client.APIKeyByID(ctx, state.ID.ValueString())
	})
	if ok {
		resp.Diagnostics.Append(resp.State.Set(ctx, apiKeyState(k, state))...)
	}
}

func (r *apiKeyResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan apiKeyModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	client := r.data.client
	perms := setStrings(ctx, plan.Permissions, &resp.Diagnostics)
	err := client.UpdateAPIKey(ctx, plan.ID.ValueString(), docspace.APIKeyUpdate{Name: plan.Name.ValueString(), Permissions: perms, Active: plan.Enabled.ValueBool()})
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(client.PortalURL(), "updating API key "+plan.Name.ValueString(), err))
		return
	}
	k, err := client.APIKeyByID(ctx, plan.ID.ValueString())
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(client.PortalURL(), "reading API key "+plan.Name.ValueString()+" back", err))
		return
	}
	stored := apiKeyState(k, plan)
	if resp.Diagnostics.Append(verifyStored("API key "+plan.Name.ValueString(), plan, stored)...); resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.Identity.Set(ctx, apiKeyIdentity{ID: plan.ID})...)
	resp.Diagnostics.Append(resp.State.Set(ctx, stored)...)
}

func (r *apiKeyResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state apiKeyModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	if err := r.data.client.DeleteAPIKey(ctx, state.ID.ValueString()); err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(r.data.client.PortalURL(), "deleting API key "+state.Name.ValueString(), err))
	}
}

func (r *apiKeyResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id := importedID(ctx, req, &resp.Diagnostics)
	if !guidPattern.MatchString(id) {
		resp.Diagnostics.AddError("Invalid import id for docspace_api_key",
			"Got "+id+". Import an API key by its id, a GUID (GET /api/2.0/keys lists them; the list resource docspace_api_key finds them).")
		return
	}
	if !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	k, err := r.data.client.APIKeyByID(ctx, id)
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(r.data.client.PortalURL(), "importing API key "+id, err))
		return
	}
	resp.Diagnostics.Append(resp.Identity.Set(ctx, apiKeyIdentity{ID: types.StringValue(k.ID)})...)
	resp.Diagnostics.Append(resp.State.Set(ctx, existingAPIKeyModel(k))...)
}

// existingAPIKeyModel is the state of a key Terraform did not create: no secret, no
// expiry days (its expires_at tells).
func existingAPIKeyModel(k *docspace.APIKey) apiKeyModel {
	return apiKeyState(k, apiKeyModel{Key: types.StringNull(), ExpiresInDays: types.Int64Null()})
}
