package provider

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

var (
	_ resource.ResourceWithConfigure   = (*groupResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*groupResource)(nil)
	_ resource.ResourceWithImportState = (*groupResource)(nil)
	_ resource.ResourceWithIdentity    = (*groupResource)(nil)
)

func newGroupResource() resource.Resource { return &groupResource{} }

// groupResource is a portal group: its name and manager. Who else is in it is
// docspace_group_members.
type groupResource struct {
	data *providerData
}

type groupModel struct {
	ID      types.String `tfsdk:"id"`
	Name    types.String `tfsdk:"name"`
	Manager types.String `tfsdk:"manager"`
}

// groupIdentity identifies a group in list results and import blocks.
type groupIdentity struct {
	ID types.String `tfsdk:"id"`
}

func (r *groupResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_group"
}

func (r *groupResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "A DocSpace group. Destroying it deletes the group (its members keep their accounts; rooms shared with the " +
			"group lose that share). Members are managed with `docspace_group_members`.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
				Description: groupIDDescription + " Also the import id."},
			"name": schema.StringAttribute{Required: true, Validators: []validator.String{groupNameValidator()},
				Description: "Name of the group, 1 to 128 characters. DocSpace does not require names to be unique."},
			"manager": schema.StringAttribute{Optional: true, Validators: subjectIDValidators(),
				Description: groupManagerDescription + " It must be an active account that is not a guest (checked at plan). " +
					"Unsetting it removes that person from the group, as DocSpace has no other way to clear a manager."},
		},
	}
}

func (r *groupResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"id": identityschema.StringAttribute{RequiredForImport: true, Description: groupIDDescription},
		},
	}
}

func (r *groupResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan checks a new manager at plan: DocSpace refuses (create) or silently skips
// (update) guests and disabled accounts. A problem is a warning here and an error at
// apply (see warnAtPlan): the plan before a destroy runs this too.
func (r *groupResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || r.data == nil || r.data.client == nil {
		return
	}
	var plan groupModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	var prior types.String
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("manager"), &prior)...)
	}
	if plan.Manager.IsNull() || plan.Manager.IsUnknown() || strings.EqualFold(plan.Manager.ValueString(), prior.ValueString()) {
		return
	}
	resp.Diagnostics.Append(warnAtPlan(checkGroupCandidates(ctx, r.data.client, path.Root("manager"), []string{plan.Manager.ValueString()}))...)
}

func (r *groupResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan groupModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	client := r.data.client
	if !plan.Manager.IsNull() {
		if resp.Diagnostics.Append(checkGroupCandidates(ctx, client, path.Root("manager"), []string{plan.Manager.ValueString()})...); resp.Diagnostics.HasError() {
			return
		}
	}
	g, err := client.CreateGroup(ctx, docspace.NewGroup{Name: plan.Name.ValueString(), ManagerID: strings.ToLower(plan.Manager.ValueString())})
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(client.PortalURL(), "creating group "+plan.Name.ValueString(), err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, groupState(g, plan))...)
	resp.Diagnostics.Append(resp.Identity.Set(ctx, groupIdentity{ID: types.StringValue(g.ID)})...)
}

func (r *groupResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state groupModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	resp.Diagnostics.Append(resp.Identity.Set(ctx, groupIdentity{ID: state.ID})...)
	g, ok := readOrGone(ctx, resp, r.data.client, "reading group "+state.Name.ValueString(), func() (*docspace.Group, error) {
		return r.data.client.Group(ctx, state.ID.ValueString(), false)
	})
	if ok {
		resp.Diagnostics.Append(resp.State.Set(ctx, groupState(g, state))...)
	}
}

// Update renames and sets the manager in one call; clearing the manager removes them
// from the group, the only way DocSpace offers.
func (r *groupResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state groupModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	client, id := r.data.client, state.ID.ValueString()
	var change docspace.GroupChange
	if !plan.Name.Equal(state.Name) {
		change.Name = plan.Name.ValueStringPointer()
	}
	newManager := strings.ToLower(plan.Manager.ValueString())
	if newManager != "" && newManager != strings.ToLower(state.Manager.ValueString()) {
		change.ManagerID = newManager
		if resp.Diagnostics.Append(checkGroupCandidates(ctx, client, path.Root("manager"), []string{newManager})...); resp.Diagnostics.HasError() {
			return
		}
	}
	g, err := client.UpdateGroup(ctx, id, change)
	if err == nil && plan.Manager.IsNull() && !state.Manager.IsNull() {
		g, err = client.RemoveGroupMembers(ctx, id, []string{strings.ToLower(state.Manager.ValueString())})
	}
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(client.PortalURL(), "updating group "+state.Name.ValueString(), err))
		return
	}
	if change.ManagerID != "" && g.ManagerID != change.ManagerID {
		resp.Diagnostics.AddAttributeError(path.Root("manager"), "DocSpace did not make the account the group's manager",
			fmt.Sprintf("The portal answered success but kept manager %q: it skips accounts that are disabled or guests. Enable the account or raise its type, then apply again.", g.ManagerID))
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, groupState(g, plan))...)
	resp.Diagnostics.Append(resp.Identity.Set(ctx, groupIdentity{ID: state.ID})...)
}

func (r *groupResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state groupModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	if err := r.data.client.DeleteGroup(ctx, state.ID.ValueString()); err != nil && !docspace.IsNotFound(err) {
		resp.Diagnostics.Append(apiErrorDiagnostic(r.data.client.PortalURL(), "deleting group "+state.Name.ValueString(), err))
	}
}

func (r *groupResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id := importedID(ctx, req, &resp.Diagnostics)
	if !guidPattern.MatchString(id) {
		resp.Diagnostics.AddError("Invalid import id for docspace_group",
			fmt.Sprintf("Got %q. Import a group by its id, a GUID (the docspace_groups data source lists them).", id))
		return
	}
	if !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	g, err := r.data.client.Group(ctx, strings.ToLower(id), false)
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(r.data.client.PortalURL(), "importing group "+id, err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, existingGroupModel(g))...)
	resp.Diagnostics.Append(resp.Identity.Set(ctx, groupIdentity{ID: types.StringValue(g.ID)})...)
}

// groupState maps the portal's group onto state, keeping the configured spelling of ids.
func groupState(g *docspace.Group, known groupModel) groupModel {
	out := existingGroupModel(g)
	if strings.EqualFold(known.Manager.ValueString(), g.ManagerID) {
		out.Manager = known.Manager
	}
	return out
}

// existingGroupModel is the state of a group as the portal reports it.
func existingGroupModel(g *docspace.Group) groupModel {
	m := groupModel{ID: types.StringValue(g.ID), Name: types.StringValue(g.Name), Manager: types.StringNull()}
	if g.ManagerID != "" {
		m.Manager = types.StringValue(g.ManagerID)
	}
	return m
}

// checkGroupCandidates refuses at plan the ids DocSpace would not take into a group:
// unknown accounts, disabled ones and guests. at is the attribute that names them.
func checkGroupCandidates(ctx context.Context, client *docspace.Client, at path.Path, ids []string) diag.Diagnostics {
	var diags diag.Diagnostics
	for _, id := range ids {
		u, err := client.User(ctx, id)
		switch {
		case docspace.IsNotFound(err):
			diags.AddAttributeError(at, "No such account", fmt.Sprintf("There is no account with id %s on the portal (deleted, or a typo).", id))
		case err != nil:
			diags.Append(apiErrorDiagnostic(client.PortalURL(), "checking account "+id, err))
		case u.Type == docspace.TypeGuest:
			diags.AddAttributeError(at, "Guests cannot be in a group",
				fmt.Sprintf("%s (%s) is a guest; DocSpace silently leaves guests out of groups. Raise the account's type to user or higher, or remove it here.", u.Email, id))
		case u.Status == docspace.StatusDisabled:
			diags.AddAttributeError(at, "Disabled accounts cannot join a group",
				fmt.Sprintf("%s (%s) is disabled; DocSpace silently leaves it out. Enable it (docspace_user disabled = false) or remove it here.", u.Email, id))
		}
	}
	return diags
}

// groupNameValidator checks a group name: 1 to 128 characters, not only spaces.
func groupNameValidator() validator.String {
	return stringCheck{
		description: fmt.Sprintf("must be 1 to %d characters, not only spaces", maxGroupName),
		summary:     "Invalid group name",
		check: func(s string) error {
			if n := utf8.RuneCountInString(s); strings.TrimSpace(s) == "" || n > maxGroupName {
				return fmt.Errorf("the name has %d characters; DocSpace takes 1 to %d, not only spaces", n, maxGroupName)
			}
			return nil
		},
	}
}
