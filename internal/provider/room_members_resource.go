package provider

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

var (
	_ resource.ResourceWithConfigure      = (*roomMembersResource)(nil)
	_ resource.ResourceWithValidateConfig = (*roomMembersResource)(nil)
	_ resource.ResourceWithModifyPlan     = (*roomMembersResource)(nil)
	_ resource.ResourceWithImportState    = (*roomMembersResource)(nil)
)

func newRoomMembersResource() resource.Resource { return &roomMembersResource{} }

// roomMembersResource is the complete list of who has access to a room: members not
// declared are revoked. The owner's entry is never touched.
type roomMembersResource struct {
	data *providerData
}

type roomMembersModel struct {
	RoomID  types.Int64 `tfsdk:"room_id"`
	Members types.Set   `tfsdk:"members"`
	Notify  types.Bool  `tfsdk:"notify"`
}

type roomMemberEntry struct {
	UserID  types.String `tfsdk:"user_id"`
	GroupID types.String `tfsdk:"group_id"`
	Access  types.String `tfsdk:"access"`
}

var roomMemberEntryType = types.ObjectType{AttrTypes: map[string]attr.Type{
	"user_id": types.StringType, "group_id": types.StringType, "access": types.StringType,
}}

func (r *roomMembersResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_room_members"
}

func (r *roomMembersResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Who has access to a room, authoritatively: every user and group not listed loses access on apply, and " +
			"members added in DocSpace show as drift. The room's owner is never listed nor changed. Destroying it revokes " +
			"everyone it lists. Do not combine it with `docspace_room_member` on the same room.",
		Attributes: map[string]schema.Attribute{
			"room_id": schema.Int64Attribute{
				Description: "Id of the room. Also the import id.", Required: true,
				PlanModifiers: []planmodifier.Int64{int64planmodifier.RequiresReplace()},
			},
			"members": schema.SetNestedAttribute{
				Description: "The members: each a user or a group with an access level. An empty set revokes everyone but the owner.",
				Required:    true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"user_id": schema.StringAttribute{Description: "Id of a user. Exactly one of user_id and group_id.", Optional: true, Validators: subjectIDValidators()},
					"group_id": schema.StringAttribute{
						Description: "Id of a group. Exactly one of user_id and group_id.", Optional: true,
						Validators: append(subjectIDValidators(), stringvalidator.ExactlyOneOf(path.MatchRelative().AtParent().AtName("user_id"))),
					},
					"access": schema.StringAttribute{
						Description: roomAccessDescription, Required: true,
						Validators: []validator.String{stringvalidator.OneOf(docspace.RoomAccessNames()...)},
					},
				}},
			},
			"notify": schema.BoolAttribute{Description: roomNotifyDescription, Optional: true, Computed: true, Default: booldefault.StaticBool(false)},
		},
	}
}

func (r *roomMembersResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

// grants reads the members; known is false while some of them are unknown.
func (m roomMembersModel) grants(ctx context.Context) ([]roomGrant, bool, diag.Diagnostics) {
	var diags diag.Diagnostics
	if m.Members.IsUnknown() {
		return nil, false, diags
	}
	var entries []roomMemberEntry
	diags.Append(m.Members.ElementsAs(ctx, &entries, false)...)
	grants := make([]roomGrant, 0, len(entries))
	for _, e := range entries {
		if e.UserID.IsUnknown() || e.GroupID.IsUnknown() || e.Access.IsUnknown() {
			return nil, false, diags
		}
		g, d := newRoomGrant(e.UserID, e.GroupID, e.Access, path.Root("members"))
		diags.Append(d...)
		grants = append(grants, g)
	}
	return grants, true, diags
}

// ValidateConfig refuses a subject listed twice: DocSpace would keep only the last.
func (r *roomMembersResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var cfg roomMembersModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	grants, known, diags := cfg.grants(ctx)
	if resp.Diagnostics.Append(diags...); !known || resp.Diagnostics.HasError() {
		return
	}
	seen := map[string]bool{}
	for _, g := range grants {
		if seen[g.subject] {
			resp.Diagnostics.AddAttributeError(path.Root("members"), "A member is listed twice",
				fmt.Sprintf("%s appears more than once in members; a subject has one access level per room. Keep one entry.", g.describe()))
		}
		seen[g.subject] = true
	}
}

func (r *roomMembersResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	var plan roomMembersModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if grants, known, _ := plan.grants(ctx); known {
		resp.Diagnostics.Append(checkGrantsAgainstRoomType(ctx, r.data, plan.RoomID, grants)...)
	}
}

func (r *roomMembersResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.save(ctx, req.Plan, &resp.State, &resp.Diagnostics)
}

func (r *roomMembersResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.save(ctx, req.Plan, &resp.State, &resp.Diagnostics)
}

// save makes the room's members exactly the planned ones, in one call: grants for what is
// missing or different, revocations for the rest (the owner aside), then checks the grants
// took.
func (r *roomMembersResource) save(ctx context.Context, planData planGetter, state stateSetter, diags *diag.Diagnostics) {
	var plan roomMembersModel
	diags.Append(planData.Get(ctx, &plan)...)
	if diags.HasError() || !requireClient(r.data, diags) {
		return
	}
	grants, _, d := plan.grants(ctx)
	if diags.Append(d...); diags.HasError() {
		return
	}
	if diags.Append(checkGrantsAgainstRoomType(ctx, r.data, plan.RoomID, grants)...); diags.HasError() {
		return
	}
	roomID := int(plan.RoomID.ValueInt64())
	current, err := r.data.client.RoomMembers(ctx, roomID)
	if err != nil {
		diags.Append(apiErrorDiagnostic(r.data.client.PortalURL(), fmt.Sprintf("reading who has access to room %d", roomID), err))
		return
	}
	wanted := map[string]docspace.RoomAccess{}
	for _, g := range grants {
		wanted[g.subject] = g.access
	}
	var changes []roomGrant
	have := map[string]docspace.RoomAccess{}
	var revoke []string
	for _, m := range current {
		id := strings.ToLower(m.SubjectID)
		if m.Owner {
			continue
		}
		have[id] = m.Access
		if _, keep := wanted[id]; !keep {
			revoke = append(revoke, id)
		}
	}
	for _, g := range grants {
		if access, ok := have[g.subject]; !ok || access != g.access {
			changes = append(changes, g)
		}
	}
	if diags.Append(applyRoomGrants(ctx, r.data.client, roomID, changes, revoke, plan.Notify.ValueBool())...); diags.HasError() {
		return
	}
	diags.Append(state.Set(ctx, plan)...)
}

func (r *roomMembersResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state roomMembersModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	members, found := roomMembersOrGone(ctx, r.data.client, int(state.RoomID.ValueInt64()), &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if !found {
		resp.State.RemoveResource(ctx)
		return
	}
	set, diags := membersSet(ctx, members, state.Members)
	resp.Diagnostics.Append(diags...)
	state.Members = set
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

// membersSet is the room's members (not the owner) as the members attribute, keeping the
// known spelling of ids that match case-insensitively.
func membersSet(ctx context.Context, members []docspace.RoomMember, known types.Set) (types.Set, diag.Diagnostics) {
	spelling := map[string]types.String{}
	if !known.IsNull() && !known.IsUnknown() {
		var entries []roomMemberEntry
		_ = known.ElementsAs(ctx, &entries, false)
		for _, e := range entries {
			for _, id := range []types.String{e.UserID, e.GroupID} {
				if !id.IsNull() {
					spelling[strings.ToLower(id.ValueString())] = id
				}
			}
		}
	}
	entries := []roomMemberEntry{}
	for _, m := range members {
		if m.Owner {
			continue
		}
		userID, groupID := subjectIDs(m)
		if s, ok := spelling[strings.ToLower(m.SubjectID)]; ok {
			if m.Group {
				groupID = s
			} else {
				userID = s
			}
		}
		entries = append(entries, roomMemberEntry{UserID: userID, GroupID: groupID, Access: types.StringValue(m.Access.String())})
	}
	return types.SetValueFrom(ctx, roomMemberEntryType, entries)
}

func (r *roomMembersResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state roomMembersModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	grants, _, diags := state.grants(ctx)
	resp.Diagnostics.Append(diags...)
	revoke := make([]string, 0, len(grants))
	for _, g := range grants {
		revoke = append(revoke, g.subject)
	}
	resp.Diagnostics.Append(applyRoomGrants(ctx, r.data.client, int(state.RoomID.ValueInt64()), nil, revoke, false)...)
}

// ImportState takes the room id.
func (r *roomMembersResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id, err := strconv.ParseInt(req.ID, 10, 64)
	if err != nil || id <= 0 {
		resp.Diagnostics.AddError("Invalid import id for docspace_room_members", fmt.Sprintf("Got %q. Import with the room's id, a number.", req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("room_id"), id)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("notify"), false)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("members"), types.SetNull(roomMemberEntryType))...)
}
