package provider

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

const defaultPurgeTimeout = 10 * time.Minute

var (
	_ resource.ResourceWithConfigure   = (*backupHistoryPurgeResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*backupHistoryPurgeResource)(nil)
	_ resource.ResourceWithImportState = (*backupHistoryPurgeResource)(nil)
)

func newBackupHistoryPurgeResource() resource.Resource { return &backupHistoryPurgeResource{} }

// backupHistoryPurgeResource is action-style: creating (or replacing) it purges the
// portal's backup history once. Its state records that event, not a remote object, so
// Read never calls the API and Delete only forgets.
type backupHistoryPurgeResource struct {
	data *providerData
}

type backupHistoryPurgeModel struct {
	ID               types.String   `tfsdk:"id"`
	Dump             types.Bool     `tfsdk:"dump"`
	Triggers         types.Map      `tfsdk:"triggers"`
	Verify           types.Bool     `tfsdk:"verify"`
	KeepLatest       types.Int64    `tfsdk:"keep_latest"`
	OlderThan        types.String   `tfsdk:"older_than"`
	StorageTypes     types.Set      `tfsdk:"storage_types"`
	PurgedAt         types.String   `tfsdk:"purged_at"`
	RemainingBackups types.Int64    `tfsdk:"remaining_backups"`
	DeletedIDs       types.List     `tfsdk:"deleted_ids"`
	Timeouts         timeouts.Value `tfsdk:"timeouts"`
}

func (r *backupHistoryPurgeResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_backup_history_purge"
}

func (r *backupHistoryPurgeResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Purges the portal's backup history when the resource is created or replaced: without selectors it deletes every " +
			"stored backup (records and archives) in one call; with `keep_latest`, `older_than` or `storage_types` it applies a " +
			"retention policy and deletes only the backups selected, one by one. Change `triggers` (or use `terraform apply -replace`) " +
			"to purge again. The backup schedule is left alone. Destroying the resource makes no API call: it only forgets that the purge happened.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Description:   "Random identifier of this purge event.",
				Computed:      true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"dump": schema.BoolAttribute{
				Description:   dumpDescription + " Changing it purges again.",
				Optional:      true,
				Computed:      true,
				Default:       booldefault.StaticBool(false),
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.RequiresReplace()},
			},
			"triggers": schema.MapAttribute{
				Description:   "Arbitrary strings; any change purges again (for example `{ month = \"2026-11\" }` for a monthly purge).",
				ElementType:   types.StringType,
				Optional:      true,
				PlanModifiers: []planmodifier.Map{mapplanmodifier.RequiresReplace()},
			},
			"verify": schema.BoolAttribute{
				Description: "Read the history after the purge, record how many backups remain in `remaining_backups` and warn " +
					"if any do (DocSpace reports success even when it could not delete some archives). Changing only this " +
					"makes no API call. Default true.",
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(true),
			},
			"keep_latest": schema.Int64Attribute{
				Description:   keepLatestDescription + " Changing it purges again.",
				Optional:      true,
				Validators:    keepLatestValidators(),
				PlanModifiers: []planmodifier.Int64{int64planmodifier.RequiresReplace()},
			},
			"older_than": schema.StringAttribute{
				Description:   olderThanDescription + " Changing it purges again.",
				Optional:      true,
				Validators:    olderThanValidators(),
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"storage_types": schema.SetAttribute{
				Description:   storageTypesDescription + " Changing it purges again.",
				ElementType:   types.StringType,
				Optional:      true,
				Validators:    storageTypesValidators(),
				PlanModifiers: []planmodifier.Set{setplanmodifier.RequiresReplace()},
			},
			"deleted_ids": schema.ListAttribute{
				Description:   "Ids of the backups a retention purge deleted, newest first, for audit. Null for a whole-history purge (DocSpace does not say what it deleted).",
				ElementType:   types.StringType,
				Computed:      true,
				PlanModifiers: []planmodifier.List{listplanmodifier.UseStateForUnknown()},
			},
			"purged_at": schema.StringAttribute{
				Description:   "When the purge ran (RFC 3339, UTC).",
				Computed:      true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"remaining_backups": schema.Int64Attribute{
				Description: "Backups still listed right after the purge; null when `verify` is false.",
				Computed:    true,
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, CreateDescription: "How long the whole purge (with retries and verification) may take. Default 10m."}),
		},
	}
}

func (r *backupHistoryPurgeResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan keeps plans exact: a replacement shows the computed values as unknown, and a
// verify-only update shows remaining_backups going null (nothing is re-read).
func (r *backupHistoryPurgeResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.State.Raw.IsNull() || req.Plan.Raw.IsNull() {
		return
	}
	if len(resp.RequiresReplace) > 0 {
		for _, attr := range []string{"id", "purged_at", "remaining_backups", "deleted_ids"} {
			resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root(attr), unknownOf(attr))...)
		}
		return
	}
	var state, plan backupHistoryPurgeModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	remaining := state.RemainingBackups
	if !plan.Verify.Equal(state.Verify) {
		remaining = types.Int64Null()
	}
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("remaining_backups"), remaining)...)
}

func unknownOf(attr string) any {
	switch attr {
	case "remaining_backups":
		return types.Int64Unknown()
	case "deleted_ids":
		return types.ListUnknown(types.StringType)
	}
	return types.StringUnknown()
}

func (r *backupHistoryPurgeResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan backupHistoryPurgeModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	timeout, diags := plan.Timeouts.Create(ctx, defaultPurgeTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	policy, diags := retentionSelectors{plan.KeepLatest, plan.OlderThan, plan.StorageTypes}.policy(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	result, diags := runPurge(ctx, r.data.client, purgeRequest{
		dump: plan.Dump.ValueBool(), verify: plan.Verify.ValueBool(), policy: policy, concurrency: defaultDeleteConcurrency,
	}, logProgress(ctx))
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return // no state: the next apply tries again
	}
	plan.ID = types.StringValue(newEventID())
	plan.PurgedAt = types.StringValue(time.Now().UTC().Format(time.RFC3339))
	plan.RemainingBackups = types.Int64Null()
	if result.verified {
		plan.RemainingBackups = types.Int64Value(int64(result.remaining))
	}
	plan.DeletedIDs = types.ListNull(types.StringType)
	if result.deleted != nil {
		ids, d := types.ListValueFrom(ctx, types.StringType, result.deleted)
		resp.Diagnostics.Append(d...)
		plan.DeletedIDs = ids
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// Read makes no API call: the state records a past event, which cannot drift.
func (r *backupHistoryPurgeResource) Read(context.Context, resource.ReadRequest, *resource.ReadResponse) {
}

// Update only happens for verify and timeouts, which change nothing on the portal.
func (r *backupHistoryPurgeResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan backupHistoryPurgeModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// Delete forgets the purge event; deleted backups cannot be brought back.
func (r *backupHistoryPurgeResource) Delete(ctx context.Context, _ resource.DeleteRequest, _ *resource.DeleteResponse) {
	tflog.Info(ctx, "forgetting the purge event; nothing on the portal changes")
}

func (r *backupHistoryPurgeResource) ImportState(_ context.Context, _ resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resp.Diagnostics.AddError("docspace_backup_history_purge cannot be imported",
		"This resource records a purge that Terraform ran; there is no object on the portal to import. "+
			"Declare the resource and apply: that purges the backup history and records the event.")
}

func newEventID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
