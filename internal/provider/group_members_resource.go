package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

var (
	_ resource.ResourceWithConfigure   = (*groupMembersResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*groupMembersResource)(nil)
	_ resource.ResourceWithImportState = (*groupMembersResource)(nil)
)

func newGroupMembersResource() resource.Resource { return &groupMembersResource{} }

// groupMembersResource is the complete member list of a group: members not declared are
// removed. The manager stays a member whether listed or not.
type groupMembersResource struct {
	data *providerData
}

type groupMembersModel struct {
	GroupID types.String `tfsdk:"group_id"`
	Members types.Set    `tfsdk:"members"`
}

func (r *groupMembersResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_group_members"
}

func (r *groupMembersResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "The complete member list of a group. Members added outside Terraform show as drift and are removed on " +
			"apply. The group's manager is always a member: listing them is optional, and they are never removed here (change " +
			"the manager on `docspace_group`). Changes are adds and removes in one call, never a replacement of the list. " +
			"Destroying it removes the listed members from the group.",
		Attributes: map[string]schema.Attribute{
			"group_id": schema.StringAttribute{Required: true, Validators: subjectIDValidators(),
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Description:   groupIDDescription + " Also the import id. Changing it manages another group's members."},
			"members": schema.SetAttribute{Required: true, ElementType: types.StringType,
				Validators: []validator.Set{setvalidator.ValueStringsAre(subjectIDValidators()...)},
				Description: "Ids of the accounts in the group. Guests, disabled and unknown accounts are refused at plan: DocSpace " +
					"silently leaves them out. A member disabled later disappears from the group's list until enabled again, which shows as drift."},
		},
	}
}

func (r *groupMembersResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan checks the accounts about to be added; a problem is a warning here and an
// error at apply (see warnAtPlan).
func (r *groupMembersResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || r.data == nil || r.data.client == nil {
		return
	}
	var plan groupMembersModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if plan.Members.IsUnknown() {
		return
	}
	var planned, prior []string
	resp.Diagnostics.Append(plan.Members.ElementsAs(ctx, &planned, true)...)
	if !req.State.Raw.IsNull() {
		var state groupMembersModel
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		resp.Diagnostics.Append(state.Members.ElementsAs(ctx, &prior, false)...)
	}
	added := without(lowerAll(planned), lowerAll(prior))
	resp.Diagnostics.Append(warnAtPlan(checkGroupCandidates(ctx, r.data.client, path.Root("members"), added))...)
}

func (r *groupMembersResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.save(ctx, req.Plan, &resp.State, &resp.Diagnostics)
}

func (r *groupMembersResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.save(ctx, req.Plan, &resp.State, &resp.Diagnostics)
}

// save makes the group's members the planned ones (plus the manager) with one update of
// adds and removes, then checks that DocSpace took every one.
func (r *groupMembersResource) save(ctx context.Context, planData planGetter, state stateSetter, diags *diag.Diagnostics) {
	var plan groupMembersModel
	diags.Append(planData.Get(ctx, &plan)...)
	if diags.HasError() || !requireClient(r.data, diags) {
		return
	}
	var planned []string
	diags.Append(plan.Members.ElementsAs(ctx, &planned, false)...)
	client, id := r.data.client, strings.ToLower(plan.GroupID.ValueString())
	g, err := client.Group(ctx, id, true)
	if err != nil {
		diags.Append(apiErrorDiagnostic(client.PortalURL(), "reading the members of group "+id, err))
		return
	}
	want := lowerAll(planned)
	change := docspace.GroupChange{Add: without(want, g.MemberIDs), Remove: without(g.MemberIDs, append(want, g.ManagerID))}
	if diags.Append(checkGroupCandidates(ctx, client, path.Root("members"), change.Add)...); diags.HasError() {
		return
	}
	if len(change.Add)+len(change.Remove) > 0 {
		if g, err = client.UpdateGroup(ctx, id, change); err != nil {
			diags.Append(apiErrorDiagnostic(client.PortalURL(), "changing the members of group "+id, err))
			return
		}
	}
	if skipped := without(want, g.MemberIDs); len(skipped) > 0 {
		diags.AddAttributeError(path.Root("members"), "DocSpace left accounts out of the group",
			fmt.Sprintf("The portal answered success but did not add %s: it silently skips unknown, disabled and guest accounts. "+
				"Enable them or raise their type, or remove them from members.", strings.Join(skipped, ", ")))
		plan.Members = membersState(g, plan.Members)
	}
	diags.Append(state.Set(ctx, plan)...)
}

func (r *groupMembersResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state groupMembersModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	g, ok := readOrGone(ctx, resp, r.data.client, "reading the members of group "+state.GroupID.ValueString(), func() (*docspace.Group, error) {
		return r.data.client.Group(ctx, strings.ToLower(state.GroupID.ValueString()), true)
	})
	if ok {
		state.Members = membersState(g, state.Members)
		resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	}
}

// membersState is the group's members as the attribute: the manager only when known lists
// them, and ids in their known spelling.
func membersState(g *docspace.Group, known types.Set) types.Set {
	spelling := map[string]string{}
	for _, v := range known.Elements() {
		if s, ok := v.(types.String); ok {
			spelling[strings.ToLower(s.ValueString())] = s.ValueString()
		}
	}
	ids := []string{}
	for _, id := range g.MemberIDs {
		s, listed := spelling[id]
		switch {
		case id == g.ManagerID && !listed:
			continue // the manager is implicit
		case !listed:
			s = id
		}
		ids = append(ids, s)
	}
	set, _ := types.SetValueFrom(context.Background(), types.StringType, ids)
	return set
}

// Delete removes the members this resource manages (never the manager).
func (r *groupMembersResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state groupMembersModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	var members []string
	resp.Diagnostics.Append(state.Members.ElementsAs(ctx, &members, false)...)
	client, id := r.data.client, strings.ToLower(state.GroupID.ValueString())
	g, err := client.Group(ctx, id, false)
	if docspace.IsNotFound(err) {
		return // the group is gone, and its members with it
	}
	if err == nil {
		_, err = client.UpdateGroup(ctx, id, docspace.GroupChange{Remove: without(lowerAll(members), []string{g.ManagerID})})
	}
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(client.PortalURL(), "removing the members of group "+id, err))
	}
}

// ImportState takes the group id.
func (r *groupMembersResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if !guidPattern.MatchString(req.ID) {
		resp.Diagnostics.AddError("Invalid import id for docspace_group_members", fmt.Sprintf("Got %q. Import with the group's id, a GUID.", req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("group_id"), req.ID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("members"), types.SetValueMust(types.StringType, nil))...)
}
