package provider

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

var (
	_ resource.ResourceWithConfigure        = (*roomMemberResource)(nil)
	_ resource.ResourceWithConfigValidators = (*roomMemberResource)(nil)
	_ resource.ResourceWithModifyPlan       = (*roomMemberResource)(nil)
	_ resource.ResourceWithImportState      = (*roomMemberResource)(nil)
)

func newRoomMemberResource() resource.Resource { return &roomMemberResource{} }

// roomMemberResource gives one user or group access to a room, leaving everyone else's
// access alone (additive).
type roomMemberResource struct {
	data *providerData
}

type roomMemberModel struct {
	ID      types.String `tfsdk:"id"`
	RoomID  types.Int64  `tfsdk:"room_id"`
	UserID  types.String `tfsdk:"user_id"`
	GroupID types.String `tfsdk:"group_id"`
	Access  types.String `tfsdk:"access"`
	Notify  types.Bool   `tfsdk:"notify"`
}

func (r *roomMemberResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_room_member"
}

func (r *roomMemberResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replaceString := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	resp.Schema = schema.Schema{
		Description: "Gives one user or group access to a room. Additive: other members are left alone (use " +
			"`docspace_room_members` to manage the whole list). Destroying it revokes the access. The room's owner cannot be managed.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Description: "`<room_id>/<user or group id>`, also the import id.", Computed: true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"room_id": schema.Int64Attribute{
				Description: "Id of the room.", Required: true,
				PlanModifiers: []planmodifier.Int64{int64planmodifier.RequiresReplace()},
			},
			"user_id":  schema.StringAttribute{Description: "Id of the user to give access. Exactly one of user_id and group_id.", Optional: true, Validators: subjectIDValidators(), PlanModifiers: replaceString},
			"group_id": schema.StringAttribute{Description: "Id of the group to give access. Exactly one of user_id and group_id.", Optional: true, Validators: subjectIDValidators(), PlanModifiers: replaceString},
			"access": schema.StringAttribute{
				Description: roomAccessDescription, Required: true,
				Validators: []validator.String{stringvalidator.OneOf(docspace.RoomAccessNames()...)},
			},
			"notify": schema.BoolAttribute{Description: roomNotifyDescription, Optional: true, Computed: true, Default: booldefault.StaticBool(false)},
		},
	}
}

func (r *roomMemberResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{resourcevalidator.ExactlyOneOf(path.MatchRoot("user_id"), path.MatchRoot("group_id"))}
}

func (r *roomMemberResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (m roomMemberModel) grant() (roomGrant, bool) {
	g, diags := newRoomGrant(m.UserID, m.GroupID, m.Access, path.Empty())
	return g, !diags.HasError()
}

// ModifyPlan checks the access level against the room's type (and groups against
// room_manager) when it can.
func (r *roomMemberResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	var plan roomMemberModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || plan.Access.IsUnknown() || plan.UserID.IsUnknown() || plan.GroupID.IsUnknown() {
		return
	}
	if g, ok := plan.grant(); ok {
		resp.Diagnostics.Append(checkGrantsAgainstRoomType(ctx, r.data, plan.RoomID, []roomGrant{g})...)
	}
}

func (r *roomMemberResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.save(ctx, req.Plan, &resp.State, &resp.Diagnostics)
}

func (r *roomMemberResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.save(ctx, req.Plan, &resp.State, &resp.Diagnostics)
}

// save checks the level against the room's type (the room may have been unknown at plan),
// grants it, checks DocSpace did, and records it.
func (r *roomMemberResource) save(ctx context.Context, planData planGetter, state stateSetter, diags *diag.Diagnostics) {
	var plan roomMemberModel
	diags.Append(planData.Get(ctx, &plan)...)
	if diags.HasError() || !requireClient(r.data, diags) {
		return
	}
	g, ok := plan.grant()
	if !ok {
		return
	}
	plan.ID = types.StringValue(fmt.Sprintf("%d/%s", plan.RoomID.ValueInt64(), g.subject))
	g.at = path.Root("access")
	if diags.Append(checkGrantsAgainstRoomType(ctx, r.data, plan.RoomID, []roomGrant{g})...); diags.HasError() {
		return
	}
	g.at = path.Empty()
	if diags.Append(applyRoomGrants(ctx, r.data.client, int(plan.RoomID.ValueInt64()), []roomGrant{g}, nil, plan.Notify.ValueBool())...); diags.HasError() {
		return
	}
	diags.Append(state.Set(ctx, plan)...)
}

func (r *roomMemberResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state roomMemberModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	g, _ := state.grant()
	members, found := roomMembersOrGone(ctx, r.data.client, int(state.RoomID.ValueInt64()), &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	m, ok := findRoomMember(members, g.subject)
	if !found || !ok {
		resp.State.RemoveResource(ctx) // revoked, or the room deleted, outside Terraform
		return
	}
	state.Access = types.StringValue(m.Access.String())
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

func (r *roomMemberResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state roomMemberModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	g, _ := state.grant()
	_, err := r.data.client.SetRoomAccess(ctx, int(state.RoomID.ValueInt64()), []docspace.AccessChange{{SubjectID: g.subject, Access: docspace.AccessNone}}, false)
	if err != nil && !docspace.IsNotFound(err) { // a deleted room has no members left
		resp.Diagnostics.Append(apiErrorDiagnostic(r.data.client.PortalURL(), fmt.Sprintf("revoking %s's access to room %d", g.describe(), state.RoomID.ValueInt64()), err))
	}
}

// ImportState takes "<room_id>/<user or group id>".
func (r *roomMemberResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	roomText, subject, ok := strings.Cut(req.ID, "/")
	roomID, err := strconv.ParseInt(roomText, 10, 64)
	if !ok || err != nil || !guidPattern.MatchString(subject) {
		resp.Diagnostics.AddError("Invalid import id for docspace_room_member",
			fmt.Sprintf("Got %q. Use <room id>/<user or group id>, for example 1234/3f2b8c1e-5d4a-4e6f-9a7b-0c1d2e3f4a5b.", req.ID))
		return
	}
	if !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	members, found := roomMembersOrGone(ctx, r.data.client, int(roomID), &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	m, ok := findRoomMember(members, subject)
	if !found || !ok {
		resp.Diagnostics.AddError("Not a member of the room",
			fmt.Sprintf("%s has no access to room %d (the owner cannot be imported: the room's owner is not managed as a member).", subject, roomID))
		return
	}
	userID, groupID := subjectIDs(m)
	resp.Diagnostics.Append(resp.State.Set(ctx, roomMemberModel{
		ID: types.StringValue(fmt.Sprintf("%d/%s", roomID, m.SubjectID)), RoomID: types.Int64Value(roomID),
		UserID: userID, GroupID: groupID, Access: types.StringValue(m.Access.String()), Notify: types.BoolValue(false),
	})...)
}
