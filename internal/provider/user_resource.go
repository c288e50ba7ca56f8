package provider

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

const defaultUserTimeout = 10 * time.Minute

var (
	_ resource.ResourceWithConfigure      = (*userResource)(nil)
	_ resource.ResourceWithValidateConfig = (*userResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*userResource)(nil)
	_ resource.ResourceWithImportState    = (*userResource)(nil)
	_ resource.ResourceWithIdentity       = (*userResource)(nil)
)

func newUserResource() resource.Resource { return &userResource{} }

// userResource is one portal account: its email, type and whether it is disabled. Names
// are set when the account is created; afterwards they belong to the user.
type userResource struct {
	data *providerData
}

type userModel struct {
	ID              types.String   `tfsdk:"id"`
	Email           types.String   `tfsdk:"email"`
	FirstName       types.String   `tfsdk:"first_name"`
	LastName        types.String   `tfsdk:"last_name"`
	Type            types.String   `tfsdk:"type"`
	Disabled        types.Bool     `tfsdk:"disabled"`
	Invite          types.Bool     `tfsdk:"invite"`
	DeleteOnDestroy types.Bool     `tfsdk:"delete_on_destroy"`
	Status          types.String   `tfsdk:"status"`
	UserName        types.String   `tfsdk:"user_name"`
	Activated       types.Bool     `tfsdk:"activated"`
	PasswordWO      types.String   `tfsdk:"password_wo"`
	Quota           types.Int64    `tfsdk:"quota"`
	Timeouts        timeouts.Value `tfsdk:"timeouts"`
}

// userIdentity identifies an account in list results and import blocks.
type userIdentity struct {
	ID types.String `tfsdk:"id"`
}

func (r *userResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_user"
}

func (r *userResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		Description: "A DocSpace account. Creating it creates an active account (DocSpace mails the user to confirm the " +
			"address) or, with `invite = true`, sends an invitation. Destroying it disables the account and then deletes it " +
			"(its documents are erased), or only disables it with `delete_on_destroy = false`. Names are set at creation: " +
			"DocSpace does not let an administrator rename someone else, so a changed name is refused at plan.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, PlanModifiers: keep, Description: userIDDescription + " Import by id or by email."},
			"email": schema.StringAttribute{
				Required: true, Validators: []validator.String{emailValidator()},
				Description: "Email address, unique on the portal. Changing it changes the address in place (the user must confirm it); " +
					"for an invitation not accepted yet it invites the new address instead (replacing the account). Letter case is not a change.",
			},
			"first_name": schema.StringAttribute{
				Optional: true, Computed: true, PlanModifiers: keep, Validators: []validator.String{personNameValidator()},
				Description: "First name: letters, spaces, apostrophes and hyphens. Required to create an account, not allowed with " +
					"`invite = true` (the invitee enters it). Set at creation only: a different value later is refused at plan, " +
					"because DocSpace silently ignores an administrator renaming someone else. Leave it out to stop managing it.",
			},
			"last_name": schema.StringAttribute{
				Optional: true, Computed: true, PlanModifiers: keep, Validators: []validator.String{personNameValidator()},
				Description: "Last name, as first_name (optional at creation).",
			},
			"type": schema.StringAttribute{
				Required: true, Validators: []validator.String{stringvalidator.OneOf(docspace.UserTypeNames()...)},
				Description: userTypeDescription + " Raising the type is immediate; lowering it to `user` or `guest` is a DocSpace job " +
					"that hands the account's rooms and files to the API key's user, and the provider waits for it. Guests cannot be " +
					"invited: they are created as users and then made guests.",
			},
			"disabled": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				Description: "true disables the account (it can no longer sign in and disappears from group member lists), false enables it. Default false.",
			},
			"invite": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				Description: "Create the account by sending an invitation (the account stays `pending` until it is accepted) instead " +
					"of creating an active account. Used at creation only. Default false.",
			},
			"delete_on_destroy": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(true),
				Description: "On destroy, delete the account after disabling it (true, the default), or only disable it so its data stays for an auditor (false).",
			},
			"password_wo": schema.StringAttribute{
				Optional: true, Sensitive: true, WriteOnly: true,
				Validators: []validator.String{stringvalidator.LengthAtLeast(8)},
				Description: "Login password for a new account (write-only: never stored in state or plan; Terraform 1.11+ and OpenTofu 1.11+). " +
					"Used only when the account is created, and it must meet the portal's password policy; afterwards the user changes it. " +
					"Without it DocSpace mails the user a link to set one. Not allowed with `invite = true`.",
			},
			"quota": schema.Int64Attribute{
				Optional: true, Validators: []validator.Int64{quotaBytesValidator()},
				Description: "The account's own storage quota in bytes, or -1 for unlimited. Unset: the portal's default user quota " +
					"applies. DocSpace counts (and reports) user quotas only while the portal's user quotas are on: switch them on with " +
					"`docspace_quota_settings` (`user_quotas_enabled = true`) and let the account depend on it; otherwise the apply refuses `quota`.",
			},
			"status":    schema.StringAttribute{Computed: true, Description: "Status of the account: " + userStatusDescription},
			"user_name": schema.StringAttribute{Computed: true, PlanModifiers: keep, Description: "Login name DocSpace made from the email address."},
			"activated": schema.BoolAttribute{Computed: true, Description: "Whether the user has confirmed the email address (false for new accounts and after an email change)."},
		},
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Update: true,
				CreateDescription: "How long creating (and making a guest) may take. Default 10m.",
				UpdateDescription: "How long an update, a type change included, may take. Default 10m."}),
		},
	}
}

func (r *userResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"id": identityschema.StringAttribute{RequiredForImport: true, Description: userIDDescription},
		},
	}
}

func (r *userResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *userResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var cfg userModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if !cfg.Invite.ValueBool() {
		return
	}
	for _, name := range []string{"first_name", "last_name", "password_wo"} {
		var v types.String
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(name), &v)...)
		if !v.IsNull() {
			resp.Diagnostics.AddAttributeError(path.Root(name), "Names and passwords cannot be set with invite = true",
				name+" is set, but an invitation carries no names or password: the invitee enters them on accepting. Remove "+name+", or set invite = false to create the account with them.")
		}
	}
	if cfg.Type.ValueString() == docspace.TypeGuest.String() {
		resp.Diagnostics.AddAttributeError(path.Root("type"), "Guests cannot be invited",
			"DocSpace does not invite guests through its API. Set invite = false: the provider creates the account as a user and then makes it a guest.")
	}
}

// ModifyPlan refuses at plan what DocSpace would silently ignore or refuse, and warns when
// a type change will move the account's data. status and activated are left to the
// framework: known from state when nothing changes, unknown otherwise (an invitee may
// accept, or a user confirm an address, at any time).
func (r *userResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	var plan, config userModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(warnQuotaSwitchAtPlan(ctx, req, r.data, userQuotas)...)
	if req.State.Raw.IsNull() {
		if !plan.Invite.ValueBool() && config.FirstName.IsNull() {
			resp.Diagnostics.AddAttributeError(path.Root("first_name"), "first_name is required to create an account",
				"DocSpace needs a first name to create an active account. Set first_name, or set invite = true to let the invitee enter it.")
		}
		return
	}
	var state userModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	refuseRename(path.Root("first_name"), config.FirstName, state.FirstName, &resp.Diagnostics)
	refuseRename(path.Root("last_name"), config.LastName, state.LastName, &resp.Diagnostics)
	emailChanged := !plan.Email.IsUnknown() && !strings.EqualFold(plan.Email.ValueString(), state.Email.ValueString())
	switch {
	case emailChanged && state.Status.ValueString() == docspace.StatusPending.String():
		resp.RequiresReplace = append(resp.RequiresReplace, path.Root("email"))
	case emailChanged && plan.Disabled.ValueBool() && state.Disabled.ValueBool():
		resp.Diagnostics.AddAttributeError(path.Root("email"), "The email of a disabled account cannot be changed",
			"DocSpace changes the address of active accounts only. Set disabled = false in the same change (the provider enables, changes the address, then disables), or leave email as it is.")
	}
	warnTypeChange(state.Type, plan.Type, state.Email, &resp.Diagnostics)
	resp.Diagnostics.Append(warnAtPlan(refusePendingDowngrade(state, plan.Type))...)
}

// refusePendingDowngrade refuses lowering the type of an invitation nobody has accepted
// yet: DocSpace's type change job takes active accounts only, and fails with words about
// groups and guests.
func refusePendingDowngrade(state userModel, to types.String) diag.Diagnostics {
	var diags diag.Diagnostics
	if to.IsUnknown() || state.Status.ValueString() != docspace.StatusPending.String() {
		return diags
	}
	from, errF := docspace.ParseUserType(state.Type.ValueString())
	want, errT := docspace.ParseUserType(to.ValueString())
	if errF == nil && errT == nil && docspace.ChangeNeedsJob(from, want) {
		diags.AddAttributeError(path.Root("type"), "Cannot lower the type of a pending invitation",
			fmt.Sprintf("%s has not accepted the invitation yet, and DocSpace lowers the type of active accounts only (from %s to %s). "+
				"Keep type = %q until the invitation is accepted, or send a new invitation with the lower type: "+
				"terraform apply -replace=<this docspace_user's address> withdraws this one and invites again.",
				state.Email.ValueString(), from, want, state.Type.ValueString()))
	}
	return diags
}

// refuseRename errors on a configured name that differs from the portal's.
func refuseRename(at path.Path, configured, current types.String, diags *diag.Diagnostics) {
	if configured.IsNull() || configured.IsUnknown() || configured.Equal(current) {
		return
	}
	diags.AddAttributeError(at, "DocSpace does not let an administrator rename someone else",
		fmt.Sprintf("The portal has %q; the configuration asks for %q. DocSpace answers such a change with success and keeps the old name, "+
			"so the provider refuses it: the user changes their name in their profile. Set %s = %q, or remove %s from the configuration to stop managing it.",
			current.ValueString(), configured.ValueString(), at, current.ValueString(), at))
}

// warnTypeChange says at plan what lowering a type does to the account's data.
func warnTypeChange(from, to, email types.String, diags *diag.Diagnostics) {
	if from.IsUnknown() || to.IsUnknown() || from.Equal(to) {
		return
	}
	f, errF := docspace.ParseUserType(from.ValueString())
	t, errT := docspace.ParseUserType(to.ValueString())
	if errF == nil && errT == nil && docspace.ChangeNeedsJob(f, t) {
		diags.AddAttributeWarning(path.Root("type"), "Lowering the type moves the account's rooms and files",
			fmt.Sprintf("Changing %s from %s to %s runs DocSpace's type change job, which hands the rooms and files the account owns to the API key's user. It cannot be undone by raising the type again.",
				email.ValueString(), from.ValueString(), to.ValueString()))
	}
}

func (r *userResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan userModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	want, err := docspace.ParseUserType(plan.Type.ValueString())
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("type"), "Invalid user type", err.Error())
		return
	}
	timeout, diags := plan.Timeouts.Create(ctx, defaultUserTimeout)
	if resp.Diagnostics.Append(diags...); resp.Diagnostics.HasError() {
		return
	}
	if !plan.Quota.IsNull() {
		if resp.Diagnostics.Append(checkQuotasOn(ctx, r.data.client, userQuotas)...); resp.Diagnostics.HasError() {
			return
		}
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	client, email := r.data.client, plan.Email.ValueString()
	var created *docspace.User
	if plan.Invite.ValueBool() {
		created = r.invite(ctx, email, want, &resp.Diagnostics)
	} else {
		// Write-only values are only in the configuration, never in the plan.
		var password types.String
		resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("password_wo"), &password)...)
		created = r.create(ctx, plan, password.ValueString(), want, &resp.Diagnostics)
	}
	if created == nil {
		return
	}
	// The account exists from here on: whatever fails next, it is recorded.
	switch {
	case want == docspace.TypeGuest && created.Type != docspace.TypeGuest:
		resp.Diagnostics.Append(changeUserType(ctx, client, created.ID, email, created.Type, want)...)
	case created.Type != want:
		resp.Diagnostics.AddAttributeError(path.Root("type"), "DocSpace made the account a "+created.Type.String()+", not a "+want.String(),
			fmt.Sprintf("%s was created as %s: DocSpace does this without an error when the plan has no free paid seat for a %s. "+
				"Free a seat or add seats in DocSpace's Payments settings, then apply again to change the type.", email, created.Type, want))
	}
	if !plan.Quota.IsNull() && !resp.Diagnostics.HasError() {
		r.setQuota(ctx, created.ID, email, plan.Quota, &resp.Diagnostics)
	}
	if plan.Disabled.ValueBool() && !resp.Diagnostics.HasError() {
		r.setDisabled(ctx, created.ID, email, true, &resp.Diagnostics)
	}
	r.readInto(ctx, created.ID, plan, &resp.State, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.Identity.Set(ctx, userIdentity{ID: types.StringValue(created.ID)})...)
}

// setQuota gives the account its own quota, or (null) puts it back on the portal's default.
func (r *userResource) setQuota(ctx context.Context, id, email string, quota types.Int64, diags *diag.Diagnostics) {
	client := r.data.client
	var err error
	if quota.IsNull() {
		err = client.ResetUserQuota(ctx, id)
	} else {
		err = client.SetUserQuota(ctx, id, quota.ValueInt64())
	}
	if err != nil {
		diags.Append(apiErrorDiagnostic(client.PortalURL(), "setting the storage quota of "+email, err))
	}
}

// create makes an active account; a guest is made as a user first, as DocSpace creates
// no guests through its API.
func (r *userResource) create(ctx context.Context, plan userModel, password string, want docspace.UserType, diags *diag.Diagnostics) *docspace.User {
	createAs := want
	if want == docspace.TypeGuest {
		createAs = docspace.TypeUser
	}
	u, err := r.data.client.CreateUser(ctx, docspace.NewUser{Email: plan.Email.ValueString(), FirstName: plan.FirstName.ValueString(), LastName: plan.LastName.ValueString(), Type: createAs, Password: password})
	if err != nil {
		diags.Append(apiErrorDiagnostic(r.data.client.PortalURL(), "creating the account "+plan.Email.ValueString(), err))
	}
	return u
}

// invite sends an invitation. Inviting an address that has an account succeeds without
// doing anything, so an existing account is refused first rather than silently adopted.
func (r *userResource) invite(ctx context.Context, email string, want docspace.UserType, diags *diag.Diagnostics) *docspace.User {
	client := r.data.client
	existing, err := client.UserByEmail(ctx, email)
	switch {
	case err == nil:
		diags.AddAttributeError(path.Root("email"), "An account with this email already exists",
			fmt.Sprintf("%s already has an account (id %s, %s), so there is nothing to invite. To manage it, import it: terraform import docspace_user.<name> %s.", email, existing.ID, existing.Status, email))
		return nil
	case !docspace.IsNotFound(err):
		diags.Append(apiErrorDiagnostic(client.PortalURL(), "looking up "+email+" before inviting", err))
		return nil
	}
	u, err := client.InviteUser(ctx, email, want)
	if err != nil {
		diags.Append(apiErrorDiagnostic(client.PortalURL(), "inviting "+email, err))
	}
	return u
}

func (r *userResource) setDisabled(ctx context.Context, id, email string, disabled bool, diags *diag.Diagnostics) {
	if err := r.data.client.SetUserDisabled(ctx, id, disabled); err != nil {
		doing := map[bool]string{true: "disabling ", false: "enabling "}[disabled] + email
		diags.Append(apiErrorDiagnostic(r.data.client.PortalURL(), doing, err))
	}
}

func (r *userResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state userModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	resp.Diagnostics.Append(resp.Identity.Set(ctx, userIdentity{ID: state.ID})...)
	u, ok := readOrGone(ctx, resp, r.data.client, "reading the account "+state.Email.ValueString(), func() (*docspace.User, error) {
		return r.data.client.User(ctx, state.ID.ValueString())
	})
	if ok {
		resp.Diagnostics.Append(resp.State.Set(ctx, userState(u, state))...)
	}
}

// Update enables first (a disabled account cannot change), then changes the email and the
// type, then disables.
func (r *userResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state userModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	timeout, diags := plan.Timeouts.Update(ctx, defaultUserTimeout)
	if resp.Diagnostics.Append(diags...); resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	client, id, email := r.data.client, state.ID.ValueString(), state.Email.ValueString()
	if resp.Diagnostics.Append(refusePendingDowngrade(state, plan.Type)...); resp.Diagnostics.HasError() {
		return
	}
	quotaChanged := !plan.Quota.Equal(state.Quota)
	if quotaChanged && !plan.Quota.IsNull() {
		if resp.Diagnostics.Append(checkQuotasOn(ctx, client, userQuotas)...); resp.Diagnostics.HasError() {
			return
		}
	}
	if state.Disabled.ValueBool() && !plan.Disabled.ValueBool() {
		r.setDisabled(ctx, id, email, false, &resp.Diagnostics)
	}
	if newEmail := plan.Email.ValueString(); !resp.Diagnostics.HasError() && !strings.EqualFold(newEmail, email) {
		if err := client.ChangeUserEmail(ctx, id, newEmail); err != nil {
			resp.Diagnostics.Append(apiErrorDiagnostic(client.PortalURL(), "changing the email of "+email+" to "+newEmail, err))
		}
	}
	from, errFrom := docspace.ParseUserType(state.Type.ValueString())
	to, errTo := docspace.ParseUserType(plan.Type.ValueString())
	if !resp.Diagnostics.HasError() && errFrom == nil && errTo == nil {
		resp.Diagnostics.Append(changeUserType(ctx, client, id, email, from, to)...)
	}
	if !resp.Diagnostics.HasError() && quotaChanged {
		r.setQuota(ctx, id, email, plan.Quota, &resp.Diagnostics)
	}
	if !resp.Diagnostics.HasError() && plan.Disabled.ValueBool() && !state.Disabled.ValueBool() {
		r.setDisabled(ctx, id, email, true, &resp.Diagnostics)
	}
	r.readInto(ctx, id, plan, &resp.State, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.Identity.Set(ctx, userIdentity{ID: state.ID})...)
}

// Delete disables the account, then deletes it unless delete_on_destroy is false.
func (r *userResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state userModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	client, id, email := r.data.client, state.ID.ValueString(), state.Email.ValueString()
	u, err := client.User(ctx, id)
	switch {
	case docspace.IsNotFound(err):
		return // already gone
	case err != nil:
		resp.Diagnostics.Append(apiErrorDiagnostic(client.PortalURL(), "reading the account "+email+" before removing it", err))
		return
	case u.Status != docspace.StatusDisabled:
		if r.setDisabled(ctx, id, email, true, &resp.Diagnostics); resp.Diagnostics.HasError() {
			return
		}
	}
	if !state.DeleteOnDestroy.ValueBool() {
		return // disabled, kept for the record
	}
	if err := client.DeleteUser(ctx, id); err != nil && !docspace.IsNotFound(err) {
		resp.Diagnostics.Append(apiErrorDiagnostic(client.PortalURL(), "deleting the account "+email, err))
	}
}

// ImportState takes an id or an email address.
func (r *userResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	key := importedID(ctx, req, &resp.Diagnostics)
	if !guidPattern.MatchString(key) && !emailRE.MatchString(key) {
		resp.Diagnostics.AddError("Invalid import id for docspace_user",
			fmt.Sprintf("Got %q. Import an account by its id (a GUID, from its profile URL or the docspace_users data source) or by its email address.", key))
		return
	}
	if !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	client := r.data.client
	var u *docspace.User
	var err error
	if strings.Contains(key, "@") {
		u, err = client.UserByEmail(ctx, key)
	} else {
		u, err = client.User(ctx, key)
	}
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(client.PortalURL(), "importing the account "+key, err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, existingUserModel(u))...)
	resp.Diagnostics.Append(resp.Identity.Set(ctx, userIdentity{ID: types.StringValue(u.ID)})...)
}

// readInto reads the account back after a write and records it. If the read fails the
// plan is recorded, so the account is not lost.
func (r *userResource) readInto(ctx context.Context, id string, plan userModel, state stateSetter, diags *diag.Diagnostics) {
	plan.ID = types.StringValue(id)
	u, err := r.data.client.User(ctx, id)
	if err != nil {
		diags.Append(apiErrorDiagnostic(r.data.client.PortalURL(), "reading the account "+plan.Email.ValueString()+" back", err))
		plan.FirstName, plan.LastName, plan.UserName = unknownToNull(plan.FirstName), unknownToNull(plan.LastName), unknownToNull(plan.UserName)
		plan.Status = unknownToNull(plan.Status)
		if plan.Activated.IsUnknown() {
			plan.Activated = types.BoolNull()
		}
		diags.Append(state.Set(ctx, plan)...)
		return
	}
	diags.Append(state.Set(ctx, userState(u, plan))...)
}

// userState maps the portal's account onto state, keeping what only the configuration
// knows (invite, delete_on_destroy, timeouts) and the configured letter case of the email.
func userState(u *docspace.User, known userModel) userModel {
	out := existingUserModel(u)
	out.Invite, out.DeleteOnDestroy, out.Timeouts = known.Invite, known.DeleteOnDestroy, known.Timeouts
	if strings.EqualFold(known.Email.ValueString(), u.Email) {
		out.Email = known.Email
	}
	return out
}

// existingUserModel is the state of an account as the portal reports it (imported or
// listed). Empty names (an invitation not accepted yet) are null, so generated
// configuration leaves them out.
func existingUserModel(u *docspace.User) userModel {
	return userModel{
		ID: types.StringValue(u.ID), Email: types.StringValue(u.Email),
		FirstName: nullIfEmpty(u.FirstName), LastName: nullIfEmpty(u.LastName),
		Type: types.StringValue(u.Type.String()), Disabled: types.BoolValue(u.Status == docspace.StatusDisabled),
		Invite: types.BoolValue(u.Status == docspace.StatusPending), DeleteOnDestroy: types.BoolValue(true),
		Status: types.StringValue(u.Status.String()), UserName: types.StringValue(u.UserName), Activated: types.BoolValue(u.Activated),
		Quota:    types.Int64PointerValue(u.Quota),
		Timeouts: timeouts.Value{Object: types.ObjectNull(map[string]attr.Type{"create": types.StringType, "update": types.StringType})},
	}
}

// personNameValidator checks a first or last name the way DocSpace will.
func personNameValidator() validator.String {
	return stringCheck{
		description: "must be 1 to 255 letters, spaces, apostrophes or hyphens",
		summary:     "Invalid name",
		check: func(s string) error {
			if utf8.RuneCountInString(s) > maxPersonField || !personNameRE.MatchString(s) {
				return fmt.Errorf("%q is not a name DocSpace accepts: 1 to %d letters, spaces, apostrophes or hyphens (no digits or other signs)", s, maxPersonField)
			}
			return nil
		},
	}
}

// emailValidator checks an email address.
func emailValidator() validator.String {
	return stringCheck{
		description: "must be an email address",
		summary:     "Invalid email address",
		check: func(s string) error {
			if utf8.RuneCountInString(s) > maxPersonField || !emailRE.MatchString(s) {
				return fmt.Errorf("%q is not an email address of at most %d characters", s, maxPersonField)
			}
			return nil
		},
	}
}
