package provider

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
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

const defaultRoomTimeout = 10 * time.Minute

var (
	_ resource.ResourceWithConfigure   = (*roomResource)(nil)
	_ resource.ResourceWithImportState = (*roomResource)(nil)
	_ resource.ResourceWithIdentity    = (*roomResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*roomResource)(nil)
)

func newRoomResource() resource.Resource { return &roomResource{} }

// roomResource is one DocSpace room: its title, type, quota, tags, colour and whether it is
// archived. Who has access is docspace_room_member(s).
type roomResource struct {
	data *providerData
}

type roomModel struct {
	ID           types.Int64    `tfsdk:"id"`
	Title        types.String   `tfsdk:"title"`
	RoomType     types.String   `tfsdk:"room_type"`
	Quota        types.Int64    `tfsdk:"quota"`
	Tags         types.Set      `tfsdk:"tags"`
	Color        types.String   `tfsdk:"color"`
	Indexing     types.Bool     `tfsdk:"indexing"`
	DenyDownload types.Bool     `tfsdk:"deny_download"`
	Archived     types.Bool     `tfsdk:"archived"`
	Owner        types.String   `tfsdk:"owner"`
	Timeouts     timeouts.Value `tfsdk:"timeouts"`
}

// roomIdentity identifies a room in list results and import blocks.
type roomIdentity struct {
	ID types.Int64 `tfsdk:"id"`
}

// colorRE is a colour as DocSpace stores it: six upper-case hex digits.
var colorRE = regexp.MustCompile(`^[0-9A-F]{6}$`)

func (r *roomResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_room"
}

func (r *roomResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	keepString := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		Description: "A DocSpace room. Creating it creates the room with the key's user as its owner; destroying it deletes " +
			"the room and its files for good (an active room someone else owns is archived first). Who has access is managed " +
			"with `docspace_room_member` or `docspace_room_members`.",
		Attributes: map[string]schema.Attribute{
			"id": schema.Int64Attribute{
				Description: "Room id (a number, as in the room's URL). Also the import id.", Computed: true,
				PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
			"title": schema.StringAttribute{
				Description: roomTitleDescription, Required: true,
				Validators: []validator.String{roomTitleValidator()},
			},
			"room_type": schema.StringAttribute{
				Description: roomTypeDescription + " Changing it creates a new room (DocSpace cannot change a room's type).",
				Required:    true, Validators: []validator.String{stringvalidator.OneOf(docspace.RoomTypeNames()...)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"quota": schema.Int64Attribute{
				Description: "The room's storage quota in bytes, or -1 for unlimited. Unset: the portal's default room quota applies. " +
					"DocSpace counts (and reports) room quotas only while the portal's room quotas are on: switch them on with " +
					"`docspace_quota_settings` (`room_quotas_enabled = true`) and let the room depend on it; otherwise the apply refuses `quota`.",
				Optional:   true,
				Validators: []validator.Int64{quotaBytesValidator()},
			},
			"tags": schema.SetAttribute{
				Description: "Tags of the room. The set is authoritative: tags added in DocSpace show as drift and are removed on apply. Unset means no tags.",
				ElementType: types.StringType, Optional: true,
				Validators: []validator.Set{setvalidator.ValueStringsAre(stringvalidator.LengthBetween(1, 255))},
			},
			"color": schema.StringAttribute{
				Description: "Colour of the room's icon, six upper-case hex digits (`1A73E8`). Unset: DocSpace picks a random colour, kept from then on.",
				Optional:    true, Computed: true, PlanModifiers: keepString,
				Validators: []validator.String{stringvalidator.RegexMatches(colorRE, "must be six upper-case hex digits, such as 1A73E8, without # (DocSpace stores colours upper-case)")},
			},
			"indexing": schema.BoolAttribute{
				Description: "Number the room's files and folders (virtual data rooms use it for an index). Default false.",
				Optional:    true, Computed: true, Default: booldefault.StaticBool(false),
			},
			"deny_download": schema.BoolAttribute{
				Description: "Forbid downloading, printing and copying the room's files. Default false.",
				Optional:    true, Computed: true, Default: booldefault.StaticBool(false),
			},
			"archived": schema.BoolAttribute{
				Description: "true moves the room to the archive (read-only), false brings it back; each waits until DocSpace has done it. Default false.",
				Optional:    true, Computed: true, Default: booldefault.StaticBool(false),
			},
			"owner": schema.StringAttribute{
				Description: "Id of the room's owner (the user of the API key that created it).", Computed: true, PlanModifiers: keepString,
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Update: true, Delete: true,
				CreateDescription: "How long creating (and archiving) may take. Default 10m.",
				UpdateDescription: "How long an update, archiving or unarchiving included, may take. Default 10m.",
				DeleteDescription: "How long deleting may take. Default 10m."}),
		},
	}
}

func (r *roomResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"id": identityschema.Int64Attribute{RequiredForImport: true, Description: "Room id."},
		},
	}
}

func (r *roomResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan checks a new quota against the portal's room quota switch (see
// checkQuotasOn); a problem is a warning here and an error at apply (warnAtPlan), so
// a docspace_quota_settings applied first can still switch room quotas on.
func (r *roomResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	resp.Diagnostics.Append(warnQuotaSwitchAtPlan(ctx, req, r.data, roomQuotas)...)
}

func (r *roomResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan roomModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	timeout, diags := plan.Timeouts.Create(ctx, defaultRoomTimeout)
	resp.Diagnostics.Append(diags...)
	settings, diags := roomSettings(ctx, plan, nil)
	resp.Diagnostics.Append(diags...)
	if settings.Quota != nil {
		resp.Diagnostics.Append(checkQuotasOn(ctx, r.data.client, roomQuotas)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	client := r.data.client
	created, err := client.CreateRoom(ctx, settings)
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(client.PortalURL(), "creating room "+strconv.Quote(plan.Title.ValueString()), err))
		return
	}
	// The room exists from here on: record it even if archiving fails, so it is not lost.
	id := created.ID
	if plan.Archived.ValueBool() {
		resp.Diagnostics.Append(runRoomOperation(ctx, client, id, client.ArchiveRoom, "archiving")...)
	}
	r.readInto(ctx, id, plan, &resp.State, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.Identity.Set(ctx, roomIdentity{ID: types.Int64Value(int64(id))})...)
}

func (r *roomResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state roomModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	// The framework wants an identity after every read, even one that forgets the resource.
	resp.Diagnostics.Append(resp.Identity.Set(ctx, roomIdentity{ID: state.ID})...)
	room, ok := readOrGone(ctx, resp, r.data.client, fmt.Sprintf("reading room %d", state.ID.ValueInt64()), func() (*docspace.Room, error) {
		return r.data.client.Room(ctx, int(state.ID.ValueInt64()))
	})
	if ok {
		resp.Diagnostics.Append(resp.State.Set(ctx, roomState(ctx, room, state))...)
	}
}

func (r *roomResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state roomModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	timeout, diags := plan.Timeouts.Update(ctx, defaultRoomTimeout)
	resp.Diagnostics.Append(diags...)
	settings, diags := roomSettings(ctx, plan, &state)
	resp.Diagnostics.Append(diags...)
	if settings.Quota != nil && *settings.Quota != docspace.QuotaPortalDefault {
		resp.Diagnostics.Append(checkQuotasOn(ctx, r.data.client, roomQuotas)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	client, id := r.data.client, int(state.ID.ValueInt64())
	archive, unarchive := plan.Archived.ValueBool() && !state.Archived.ValueBool(), !plan.Archived.ValueBool() && state.Archived.ValueBool()
	// An archived room is read-only: bring it back before changing it, archive it after.
	if unarchive {
		if resp.Diagnostics.Append(runRoomOperation(ctx, client, id, client.UnarchiveRoom, "unarchiving")...); resp.Diagnostics.HasError() {
			return
		}
	}
	if settings != (docspace.RoomSettings{}) {
		if _, err := client.UpdateRoom(ctx, id, settings); err != nil {
			resp.Diagnostics.Append(apiErrorDiagnostic(client.PortalURL(), fmt.Sprintf("updating room %d", id), err))
			return
		}
	}
	if archive {
		if resp.Diagnostics.Append(runRoomOperation(ctx, client, id, client.ArchiveRoom, "archiving")...); resp.Diagnostics.HasError() {
			return
		}
	}
	r.readInto(ctx, id, plan, &resp.State, &resp.Diagnostics)
	resp.Diagnostics.Append(resp.Identity.Set(ctx, roomIdentity{ID: state.ID})...)
}

func (r *roomResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state roomModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	timeout, diags := state.Timeouts.Delete(ctx, defaultRoomTimeout)
	resp.Diagnostics.Append(diags...)
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	client, id := r.data.client, int(state.ID.ValueInt64())
	op, err := client.DeleteRoom(ctx, id)
	if docspace.StatusCode(err) == 403 && !state.Archived.ValueBool() {
		// Admins may not delete someone else's active room, only archived ones.
		if resp.Diagnostics.Append(runRoomOperation(ctx, client, id, client.ArchiveRoom, "archiving before deleting")...); resp.Diagnostics.HasError() {
			return
		}
		op, err = client.DeleteRoom(ctx, id)
	}
	switch {
	case docspace.IsNotFound(err):
		return // already gone
	case err != nil:
		resp.Diagnostics.Append(apiErrorDiagnostic(client.PortalURL(), fmt.Sprintf("deleting room %d", id), err))
	default:
		resp.Diagnostics.Append(waitRoomOperation(ctx, client, id, op, "deleting")...)
	}
}

func (r *roomResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id := importedIntID(ctx, req, &resp.Diagnostics)
	if id <= 0 {
		resp.Diagnostics.AddError("Invalid import id for docspace_room",
			fmt.Sprintf("Got %q. Import a room by its number, as in its URL (…/rooms/shared/1234/filter…) or the docspace_rooms data source.", req.ID))
		return
	}
	if !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	room, err := r.data.client.Room(ctx, int(id))
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(r.data.client.PortalURL(), fmt.Sprintf("importing room %d", id), err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, existingRoomModel(ctx, room))...)
	resp.Diagnostics.Append(resp.Identity.Set(ctx, roomIdentity{ID: types.Int64Value(id)})...)
}

// readInto reads the room back after a write and records it; what DocSpace reshaped keeps
// the planned spelling.
func (r *roomResource) readInto(ctx context.Context, id int, plan roomModel, state stateSetter, diags *diag.Diagnostics) {
	plan.ID = types.Int64Value(int64(id))
	room, err := r.data.client.Room(ctx, id)
	if err != nil {
		diags.Append(apiErrorDiagnostic(r.data.client.PortalURL(), fmt.Sprintf("reading room %d back", id), err))
		// Still record the room: it exists, and losing track of it would leave an orphan.
		plan.Owner, plan.Color = unknownToNull(plan.Owner), unknownToNull(plan.Color)
		diags.Append(state.Set(ctx, plan)...)
		return
	}
	stored := roomState(ctx, room, plan)
	diags.Append(verifyStored(fmt.Sprintf("room %d", id), plan, stored)...)
	diags.Append(state.Set(ctx, stored)...)
}

// roomSettings is the create body (prior nil), or the update body: only what changed.
func roomSettings(ctx context.Context, plan roomModel, prior *roomModel) (docspace.RoomSettings, diag.Diagnostics) {
	var s docspace.RoomSettings
	var diags diag.Diagnostics
	changed := func(planned, old attr.Value) bool { return prior == nil || !planned.Equal(old) }
	if changed(plan.Title, priorValue(prior, func(m roomModel) attr.Value { return m.Title })) {
		s.Title = plan.Title.ValueStringPointer()
	}
	if prior == nil {
		t, err := docspace.ParseRoomType(plan.RoomType.ValueString())
		if err != nil {
			diags.AddAttributeError(path.Root("room_type"), "Invalid room type", err.Error())
		}
		s.Type = &t
	}
	if changed(plan.Tags, priorValue(prior, func(m roomModel) attr.Value { return m.Tags })) && (prior != nil || !plan.Tags.IsNull()) {
		tags := []string{}
		diags.Append(plan.Tags.ElementsAs(ctx, &tags, false)...)
		s.Tags = &tags
	}
	if !plan.Color.IsUnknown() && !plan.Color.IsNull() && (prior == nil || !plan.Color.Equal(prior.Color)) {
		s.Color = plan.Color.ValueStringPointer()
	}
	if changed(plan.Quota, priorValue(prior, func(m roomModel) attr.Value { return m.Quota })) {
		q := docspace.QuotaPortalDefault
		if !plan.Quota.IsNull() {
			q = plan.Quota.ValueInt64()
		}
		if prior != nil || !plan.Quota.IsNull() {
			s.Quota = &q
		}
	}
	if changed(plan.Indexing, priorValue(prior, func(m roomModel) attr.Value { return m.Indexing })) {
		s.Indexing = plan.Indexing.ValueBoolPointer()
	}
	if changed(plan.DenyDownload, priorValue(prior, func(m roomModel) attr.Value { return m.DenyDownload })) {
		s.DenyDownload = plan.DenyDownload.ValueBoolPointer()
	}
	return s, diags
}

func priorValue(prior *roomModel, get func(roomModel) attr.Value) attr.Value {
	if prior == nil {
		return nil
	}
	return get(*prior)
}

// roomState maps what the portal reports onto state. Values DocSpace normalised keep the
// known spelling (a title with characters it replaces), so an
// unchanged configuration plans nothing; real changes come through as drift.
func roomState(ctx context.Context, room *docspace.Room, known roomModel) roomModel {
	out := existingRoomModel(ctx, room)
	out.Timeouts = known.Timeouts
	if !known.Title.IsNull() && !known.Title.IsUnknown() && docspace.SanitizeRoomTitle(known.Title.ValueString()) == room.Title {
		out.Title = known.Title
	}
	if len(room.Tags) == 0 && !known.Tags.IsNull() && !known.Tags.IsUnknown() && len(known.Tags.Elements()) == 0 {
		out.Tags = known.Tags // tags = [] and none on the portal: the same thing
	}
	if room.Archived && room.Quota == nil && !known.Quota.IsUnknown() {
		out.Quota = known.Quota // an archived room's quota is not reported
	}
	return out
}

// existingRoomModel is the state of a room as the portal reports it (imported or listed).
func existingRoomModel(ctx context.Context, room *docspace.Room) roomModel {
	tags, _ := types.SetValueFrom(ctx, types.StringType, room.Tags)
	m := roomModel{
		ID: types.Int64Value(int64(room.ID)), Title: types.StringValue(room.Title), RoomType: types.StringValue(room.Type.String()),
		Quota: types.Int64PointerValue(room.Quota), Tags: tags, Color: types.StringValue(room.Color),
		Indexing: types.BoolValue(room.Indexing), DenyDownload: types.BoolValue(room.DenyDownload), Archived: types.BoolValue(room.Archived),
		Owner: types.StringValue(room.OwnerID),
		Timeouts: timeouts.Value{Object: types.ObjectNull(map[string]attr.Type{
			"create": types.StringType, "update": types.StringType, "delete": types.StringType,
		})},
	}
	if len(room.Tags) == 0 {
		m.Tags = types.SetNull(types.StringType)
	}
	return m
}

// roomTitleValidator checks a room title the way DocSpace will: 1 to 170 characters once
// trimmed.
func roomTitleValidator() validator.String {
	return stringCheck{
		description: fmt.Sprintf("must be 1 to %d characters after trimming", docspace.MaxRoomTitleLength),
		summary:     "Invalid room title",
		check: func(s string) error {
			n := utf8.RuneCountInString(strings.TrimSpace(s))
			if n == 0 || n > docspace.MaxRoomTitleLength {
				return fmt.Errorf("title has %d characters after trimming; DocSpace takes 1 to %d", n, docspace.MaxRoomTitleLength)
			}
			return nil
		},
	}
}
