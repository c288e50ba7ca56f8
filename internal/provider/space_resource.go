package provider

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

// docspace_space: a portal (tenant) of a self-hosted DocSpace server, through the server's
// hosting API. The hosting API lists active spaces only, so a space it does not list is
// asked about by name (its anonymous settings, through this portal): a suspended space
// says so; a name the server no longer knows answers as another portal, and only that
// counts as gone.

type spaceModel struct {
	ID             types.String `tfsdk:"id"`
	Name           types.String `tfsdk:"name"`
	OwnerEmail     types.String `tfsdk:"owner_email"`
	OwnerFirstName types.String `tfsdk:"owner_first_name"`
	OwnerLastName  types.String `tfsdk:"owner_last_name"`
	OwnerPassword  types.String `tfsdk:"owner_password_wo"`
	Language       types.String `tfsdk:"language"`
	TimeZone       types.String `tfsdk:"time_zone"`
	LimitedAccess  types.Bool   `tfsdk:"limited_access"`
	Suspended      types.Bool   `tfsdk:"suspended"`
	TenantID       types.Int64  `tfsdk:"tenant_id"`
	Domain         types.String `tfsdk:"domain"`
	PortalURL      types.String `tfsdk:"portal_url"`
	Status         types.String `tfsdk:"status"`
	OwnerID        types.String `tfsdk:"owner_id"`
	SetupLink      types.String `tfsdk:"setup_link"`
}

type spaceResource struct {
	data *providerData
}

var (
	_ resource.ResourceWithConfigure   = (*spaceResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*spaceResource)(nil)
	_ resource.ResourceWithImportState = (*spaceResource)(nil)
)

func newSpaceResource() resource.Resource { return &spaceResource{} }

func (r *spaceResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_space"
}

// spaceRegistrationDescription ends the description of every attribute sent only at
// registration.
const spaceRegistrationDescription = " Sent at registration only; changing it replaces the space."

func (r *spaceResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	computed := func(description string) schema.StringAttribute {
		return schema.StringAttribute{Computed: true, Description: description,
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}}
	}
	input := func(required bool, description string, validators ...validator.String) schema.StringAttribute {
		return schema.StringAttribute{Required: required, Optional: !required, Validators: validators,
			Description:   description + spaceRegistrationDescription,
			PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplaceIf(registeredValueChanged, "", "")}}
	}
	resp.Schema = schema.Schema{
		Description: "A space: one portal of a self-hosted DocSpace server with several portals (the Spaces settings of a full-access " +
			"space), registered, suspended and removed through the server's hosting API. Needs the provider's `hosting` credentials; " +
			"DocSpace Cloud has no spaces (refused at plan and apply). `portal_url` is the new portal's address for a provider block of " +
			"its own. Destroying removes the space at once while its owner has not finished the setup; afterwards DocSpace only " +
			"e-mails the owner removal instructions, and the destroy fails until they confirm (then run it again).",
		Attributes: map[string]schema.Attribute{
			"id": computed("The space's tenant id, as a string (the import id)."),
			"name": input(true, "The space's name: its subdomain below the server's base domain, 3 to 63 lower-case letters, digits and inner hyphens.",
				spaceNameValidator()),
			"owner_email":      input(true, "The e-mail address of the space's owner, who receives the setup link.", stringvalidator.LengthBetween(3, 255)),
			"owner_first_name": input(true, "The owner's first name.", stringvalidator.LengthBetween(1, 255)),
			"owner_last_name":  input(true, "The owner's last name.", stringvalidator.LengthBetween(1, 255)),
			"owner_password_wo": schema.StringAttribute{
				Optional: true, Sensitive: true, WriteOnly: true, Validators: []validator.String{stringvalidator.LengthAtLeast(8)},
				Description: "The owner's password (write-only: never in plan or state; Terraform 1.11+, OpenTofu 1.11+). With it the " +
					"space is set up at once, and removing it later needs the owner's confirmation by e-mail. Without it the owner " +
					"finishes the setup through `setup_link`, and until then destroy removes the space at once. Used at registration only.",
			},
			"language":  input(false, "The space's language, such as `en-US` (the server's default when unset). Afterwards manage it inside the space (`docspace_portal_settings`)."),
			"time_zone": input(false, "The space's time zone, an IANA name such as `Europe/Berlin`. Afterwards manage it inside the space.", timeZoneValidator()),
			"limited_access": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.RequiresReplaceIf(registeredBoolChanged, "", "")},
				Description: "Whether the space is a limited-access space: no whole-server backups and restores, no Spaces settings. " +
					"Default false (a full-access space). The server keeps at least one full-access space." + spaceRegistrationDescription,
			},
			"suspended": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				Description: "Suspend the space (true): its people cannot use it and its API answers 404, its data stays. False resumes it.",
			},
			"tenant_id": schema.Int64Attribute{Computed: true, Description: "The space's tenant id.",
				PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()}},
			"domain":     computed("The space's host name: its name below the server's base domain."),
			"portal_url": computed("The space's address (the scheme of the provider's portal_url and `domain`), for the provider block that manages what is inside the space."),
			"status":     schema.StringAttribute{Computed: true, Description: "`Active` or `Suspended`."},
			"owner_id":   computed("The user id of the space's owner."),
			"setup_link": schema.StringAttribute{Computed: true, Sensitive: true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
				Description: "The owner's one-time sign-in link to the new space, returned by the registration only (sensitive: kept in " +
					"state, null after import). DocSpace also e-mails it; hand it over only if the e-mail cannot reach the owner."},
		},
	}
}

// registeredValueChanged replaces a space for a changed registration input, but not for a
// value that was unknown so far (after import, state has none).
func registeredValueChanged(_ context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
	resp.RequiresReplace = !req.StateValue.IsNull()
}

func registeredBoolChanged(_ context.Context, req planmodifier.BoolRequest, resp *boolplanmodifier.RequiresReplaceIfFuncResponse) {
	resp.RequiresReplace = !req.StateValue.IsNull()
}

func spaceNameValidator() validator.String {
	return stringCheck{
		description: "must be 3 to 63 lower-case letters, digits and inner hyphens",
		summary:     "Invalid space name",
		check:       docspace.CheckSpaceName,
	}
}

func (r *spaceResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan checks, for a new space, that the server has spaces and the provider the
// credentials for them: a warning now, an error at apply.
func (r *spaceResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || !req.State.Raw.IsNull() || r.data == nil || r.data.client == nil {
		return
	}
	resp.Diagnostics.Append(warnAtPlan(spacesAvailable(ctx, r.data.client))...)
}

// spacesAvailable refuses spaces without hosting credentials or on DocSpace Cloud.
func spacesAvailable(ctx context.Context, c *docspace.Client) diag.Diagnostics {
	var diags diag.Diagnostics
	if !c.HostingConfigured() {
		diags.AddError("docspace_space needs the provider's hosting credentials",
			"The server's hosting API accepts no API key. Set the provider's hosting block: machine_key (the server's "+
				"core.machinekey), or email and password of the Owner or a DocSpace admin of "+c.PortalURL()+".")
		return diags
	}
	settings, err := c.Settings(ctx)
	switch {
	case err != nil:
		diags.Append(apiErrorDiagnostic(c.PortalURL(), "checking whether the portal is a self-hosted server", err))
	case !settings.Standalone:
		diags.AddError("Spaces exist on self-hosted servers only",
			c.PortalURL()+" is a DocSpace Cloud portal: it cannot register, suspend or remove portals. Remove docspace_space from this portal's configuration.")
	}
	return diags
}

func (r *spaceResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan, config spaceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	client := r.data.client
	if resp.Diagnostics.Append(spacesAvailable(ctx, client)...); resp.Diagnostics.HasError() {
		return
	}
	name := plan.Name.ValueString()
	if err := client.ValidateSpaceName(ctx, name); err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(client.PortalURL(), "checking the space name "+name, err))
		return
	}
	reg, err := client.RegisterSpace(ctx, docspace.SpaceRequest{
		Name: name, FirstName: plan.OwnerFirstName.ValueString(), LastName: plan.OwnerLastName.ValueString(),
		Email: plan.OwnerEmail.ValueString(), Password: config.OwnerPassword.ValueString(),
		Language: plan.Language.ValueString(), TimeZone: plan.TimeZone.ValueString(), LimitedAccessSpace: plan.LimitedAccess.ValueBool(),
	})
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(client.PortalURL(), "registering the space "+name, err))
		return
	}
	plan.SetupLink = types.StringValue(reg.SetupLink)
	r.record(client, &plan, reg.Space)
	// Saved before anything else can fail: the space exists now.
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	if plan.Suspended.ValueBool() {
		r.setSuspended(ctx, client, &plan, &resp.Diagnostics)
		resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	}
}

// record copies what the server reports of a space into the model.
func (r *spaceResource) record(client *docspace.Client, m *spaceModel, s docspace.Space) {
	m.ID = types.StringValue(strconv.Itoa(s.TenantID))
	m.TenantID = types.Int64Value(int64(s.TenantID))
	m.Name = types.StringValue(s.Name)
	m.Domain = types.StringValue(s.Domain)
	scheme, _, _ := strings.Cut(client.PortalURL(), "://")
	m.PortalURL = types.StringValue(scheme + "://" + s.Domain)
	m.Status = types.StringValue(s.Status)
	m.Suspended = types.BoolValue(s.Status == docspace.SpaceSuspended)
	m.OwnerID = types.StringValue(s.OwnerID)
	if s.Owner.Email != "" && m.OwnerEmail.IsNull() {
		m.OwnerEmail = types.StringValue(s.Owner.Email)
	}
	m.OwnerPassword = types.StringNull()
}

func (r *spaceResource) setSuspended(ctx context.Context, client *docspace.Client, m *spaceModel, diags *diag.Diagnostics) {
	id := int(m.TenantID.ValueInt64())
	s, err := client.SetSpaceSuspended(ctx, id, m.Suspended.ValueBool())
	if err != nil {
		diags.Append(apiErrorDiagnostic(client.PortalURL(), fmt.Sprintf("changing the status of space %d", id), err))
		return
	}
	r.record(client, m, *s)
}

func (r *spaceResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state spaceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	client := r.data.client
	id, _ := strconv.Atoi(state.ID.ValueString())
	s, err := client.SpaceByID(ctx, id)
	switch {
	case err == nil:
		r.record(client, &state, *s)
	case errors.Is(err, docspace.ErrSpaceNotListed):
		if !r.readUnlisted(ctx, client, &state, &resp.Diagnostics) {
			resp.State.RemoveResource(ctx)
			return
		}
	default:
		resp.Diagnostics.Append(apiErrorDiagnostic(client.PortalURL(), fmt.Sprintf("reading space %d", id), err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

// readUnlisted asks a space the hosting API does not list about itself. It reports false
// when the space is gone: its name now answers as another portal.
func (r *spaceResource) readUnlisted(ctx context.Context, client *docspace.Client, m *spaceModel, diags *diag.Diagnostics) bool {
	if m.Domain.IsNull() || m.Domain.ValueString() == "" {
		diags.AddError("The server does not list this space",
			fmt.Sprintf("The hosting API of %s lists active spaces only, and space %s is not among them: it is suspended, removed, or the id is wrong. Resume it in DocSpace, or check the id, and import again.", client.PortalURL(), m.ID.ValueString()))
		return true
	}
	settings, err := client.SpaceSettings(ctx, m.Domain.ValueString())
	if err != nil {
		diags.Append(apiErrorDiagnostic(client.PortalURL(), "asking space "+m.Name.ValueString()+" for its status", err))
		return true
	}
	if settings.TenantAlias != m.Name.ValueString() {
		return false
	}
	m.Suspended = types.BoolValue(settings.TenantStatus == 1)
	m.Status = types.StringValue(map[bool]string{true: docspace.SpaceSuspended, false: fmt.Sprintf("status %d", settings.TenantStatus)}[settings.TenantStatus == 1])
	return true
}

func (r *spaceResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state spaceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	// Only the status is a call; the registration inputs only fill what an import left empty.
	plan.OwnerPassword = types.StringNull()
	if !plan.Suspended.Equal(state.Suspended) {
		r.setSuspended(ctx, r.data.client, &plan, &resp.Diagnostics)
		if resp.Diagnostics.HasError() {
			return
		}
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

func (r *spaceResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state spaceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	client := r.data.client
	id := int(state.TenantID.ValueInt64())
	removed, err := client.RemoveSpace(ctx, id)
	var apiErr *docspace.APIError
	switch {
	case errors.As(err, &apiErr) && apiErr.Code == "portalNameNotFound":
		return // the server says it has no such space: already removed
	case err != nil:
		resp.Diagnostics.Append(apiErrorDiagnostic(client.PortalURL(), fmt.Sprintf("removing space %d (%s)", id, state.Name.ValueString()), err))
	case !removed:
		resp.Diagnostics.AddError("The space's owner must confirm its removal",
			fmt.Sprintf("Space %s (%s) is set up, so DocSpace did not remove it: it e-mailed the owner (%s) removal instructions. "+
				"The space and its data stay until the owner follows them; Terraform keeps it in state. After they confirm, run the "+
				"destroy again: the refresh sees the space gone. Running it before sends the e-mail again.",
				state.Name.ValueString(), state.Domain.ValueString(), state.OwnerEmail.ValueString()))
	}
}

func (r *spaceResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id := importedIntID(ctx, req, &resp.Diagnostics)
	if id <= 0 {
		resp.Diagnostics.AddError("Invalid import id for docspace_space",
			fmt.Sprintf("Got %q. Import a space by its tenant id, a number (the hosting API's portal/get lists them).", req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), strconv.FormatInt(id, 10))...)
}
