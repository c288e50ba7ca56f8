package provider

import (
	"context"
	"fmt"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

var (
	_ resource.ResourceWithConfigure      = (*backupScheduleResource)(nil)
	_ resource.ResourceWithValidateConfig = (*backupScheduleResource)(nil)
	_ resource.ResourceWithImportState    = (*backupScheduleResource)(nil)
)

func newBackupScheduleResource() resource.Resource { return &backupScheduleResource{} }

// backupScheduleResource manages the portal's single automatic backup schedule (or the
// server's, with dump).
type backupScheduleResource struct {
	data *providerData
}

type backupScheduleModel struct {
	ID             types.String `tfsdk:"id"`
	StorageType    types.String `tfsdk:"storage_type"`
	StorageParams  types.Map    `tfsdk:"storage_params"`
	BackupsStored  types.Int64  `tfsdk:"backups_stored"`
	Period         types.String `tfsdk:"period"`
	Hour           types.Int64  `tfsdk:"hour"`
	Day            types.Int64  `tfsdk:"day"`
	Dump           types.Bool   `tfsdk:"dump"`
	LastBackupTime types.String `tfsdk:"last_backup_time"`
}

func scheduleID(dump bool) string {
	if dump {
		return "server"
	}
	return "portal"
}

func (r *backupScheduleResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_backup_schedule"
}

func (r *backupScheduleResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "The portal's automatic backup schedule: when backups run, where they go and how many are kept. A portal has " +
			"at most one schedule (and a self-hosted server one more, with `dump = true`); creating this resource replaces any " +
			"existing one. Deleting it stops scheduled backups; archives already made stay in the history.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Description:   "`portal`, or `server` for the dump schedule. Also the import id.",
				Computed:      true,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"storage_type": schema.StringAttribute{
				Description: storageTypeDescription,
				Required:    true,
				Validators:  storageTypeValidators(),
			},
			"storage_params": schema.MapAttribute{
				Description: storageParamsDescription + " Sensitive.",
				ElementType: types.StringType,
				Optional:    true,
				Sensitive:   true,
			},
			"backups_stored": schema.Int64Attribute{
				Description: "How many scheduled backups the portal keeps; older ones are deleted as new ones are made. 1 to 30, default 1.",
				Optional:    true,
				Computed:    true,
				Default:     int64default.StaticInt64(1),
				Validators:  []validator.Int64{int64validator.Between(1, 30)},
			},
			"period": schema.StringAttribute{
				Description: "`daily`, `weekly` or `monthly`.",
				Required:    true,
				Validators:  []validator.String{stringvalidator.OneOf("daily", "weekly", "monthly")},
			},
			"hour": schema.Int64Attribute{
				Description: "Hour of the day the backup starts, 0 to 23 (the portal's time zone).",
				Required:    true,
				Validators:  []validator.Int64{int64validator.Between(0, 23)},
			},
			"day": schema.Int64Attribute{
				Description: "For `weekly`: the weekday, 1 (Sunday) to 7 (Saturday). For `monthly`: the day of the month, 1 to 31. Not used with `daily`.",
				Optional:    true,
			},
			"dump": schema.BoolAttribute{
				Description:   dumpDescription + " Changing it replaces the resource.",
				Optional:      true,
				Computed:      true,
				Default:       booldefault.StaticBool(false),
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.RequiresReplace()},
			},
			"last_backup_time": schema.StringAttribute{
				Description: "When the schedule last made a backup (RFC 3339, UTC); null before the first one.",
				Computed:    true,
			},
		},
	}
}

func (r *backupScheduleResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

// ValidateConfig checks day against period, and the storage keys, at plan time.
func (r *backupScheduleResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var cfg backupScheduleModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(validateStorage(ctx, cfg.StorageType, cfg.StorageParams)...)
	if cfg.Period.IsUnknown() || cfg.Day.IsUnknown() || cfg.Period.IsNull() {
		return
	}
	dayPath := path.Root("day")
	day := cfg.Day.ValueInt64()
	switch cfg.Period.ValueString() {
	case "daily":
		if !cfg.Day.IsNull() {
			resp.Diagnostics.AddAttributeError(dayPath, "day is not used with period = \"daily\"", "A daily backup runs every day at hour. Remove day, or choose period = \"weekly\" or \"monthly\".")
		}
	case "weekly":
		if cfg.Day.IsNull() || day < 1 || day > 7 {
			resp.Diagnostics.AddAttributeError(dayPath, "Weekly schedules need day = 1 to 7", fmt.Sprintf("Set day to the weekday: 1 = Sunday, 2 = Monday, … 7 = Saturday (got %s).", cfg.Day))
		}
	case "monthly":
		if cfg.Day.IsNull() || day < 1 || day > 31 {
			resp.Diagnostics.AddAttributeError(dayPath, "Monthly schedules need day = 1 to 31", fmt.Sprintf("Set day to the day of the month the backup runs (got %s).", cfg.Day))
		}
	}
}

func (r *backupScheduleResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.write(ctx, req.Plan, &resp.State, &resp.Diagnostics, "creating the backup schedule")
}

func (r *backupScheduleResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.write(ctx, req.Plan, &resp.State, &resp.Diagnostics, "updating the backup schedule")
}

// write sends the planned schedule (createbackupschedule replaces) and reads it back.
func (r *backupScheduleResource) write(ctx context.Context, planData planGetter, state stateSetter, diags *diag.Diagnostics, doing string) {
	var plan backupScheduleModel
	diags.Append(planData.Get(ctx, &plan)...)
	if diags.HasError() || !requireClient(r.data, diags) {
		return
	}
	storage, d := backupStorage(ctx, plan.StorageType, plan.StorageParams)
	diags.Append(d...)
	period, err := docspace.ParseSchedulePeriod(plan.Period.ValueString())
	if err != nil {
		diags.AddAttributeError(path.Root("period"), "Invalid period", err.Error())
	}
	if diags.HasError() {
		return
	}
	stored := int(plan.BackupsStored.ValueInt64())
	dump := plan.Dump.ValueBool()
	err = r.data.client.CreateBackupSchedule(ctx, docspace.BackupSchedule{
		Storage: storage, BackupsStored: &stored, Period: period,
		Hour: int(plan.Hour.ValueInt64()), Day: int(plan.Day.ValueInt64()), Dump: dump,
	})
	if err != nil {
		diags.Append(backupErrorDiagnostic(r.data.client.PortalURL(), doing, dump, err))
		return
	}
	got, err := r.data.client.BackupSchedule(ctx, dump)
	if err != nil {
		diags.Append(backupErrorDiagnostic(r.data.client.PortalURL(), "reading the backup schedule back", dump, err))
		return
	}
	if got == nil {
		diags.AddError("The DocSpace backup schedule did not stick", "The portal accepted the schedule but reports none when asked right after. Apply again; if it persists, check the portal's backup settings.")
		return
	}
	diags.Append(state.Set(ctx, scheduleState(ctx, got, plan))...)
}

func (r *backupScheduleResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var prior backupScheduleModel
	resp.Diagnostics.Append(req.State.Get(ctx, &prior)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	dump := prior.Dump.ValueBool()
	got, err := r.data.client.BackupSchedule(ctx, dump)
	if err != nil {
		resp.Diagnostics.Append(backupErrorDiagnostic(r.data.client.PortalURL(), "reading the backup schedule", dump, err))
		return
	}
	if got == nil {
		// Deleted outside Terraform: forget it, and the next plan creates it again.
		resp.State.RemoveResource(ctx)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, scheduleState(ctx, got, prior))...)
}

func (r *backupScheduleResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state backupScheduleModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	if err := r.data.client.DeleteBackupSchedule(ctx, state.Dump.ValueBool()); err != nil {
		resp.Diagnostics.Append(backupErrorDiagnostic(r.data.client.PortalURL(), "deleting the backup schedule", state.Dump.ValueBool(), err))
	}
}

// ImportState takes "portal" or "server".
func (r *backupScheduleResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if req.ID != "portal" && req.ID != "server" {
		resp.Diagnostics.AddError("Invalid import id for docspace_backup_schedule",
			fmt.Sprintf("Got %q. Import the portal's schedule with id \"portal\", or a self-hosted server's dump schedule with \"server\".", req.ID))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("dump"), req.ID == "server")...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("storage_params"), types.MapNull(types.StringType))...)
}

// scheduleState maps what the portal reports onto state. The API answers in its own
// shapes (numbers for enums, folderId rebuilt from a stored path, an object for the
// params), so values equivalent to what is already known keep their configured spelling;
// real differences come through and plan as exactly that change.
func scheduleState(ctx context.Context, s *docspace.BackupSchedule, prior backupScheduleModel) backupScheduleModel {
	out := backupScheduleModel{
		ID:             types.StringValue(scheduleID(s.Dump)),
		StorageType:    types.StringValue(s.Storage.Type.String()),
		StorageParams:  mergeStorageParams(ctx, prior.StorageParams, s.Storage.Params),
		BackupsStored:  types.Int64Null(), // null: unlimited, set outside the API
		Period:         types.StringValue(s.Period.String()),
		Hour:           types.Int64Value(int64(s.Hour)),
		Day:            types.Int64Null(),
		Dump:           types.BoolValue(s.Dump),
		LastBackupTime: rfc3339OrNull(s.LastBackupTime),
	}
	if s.BackupsStored != nil {
		out.BackupsStored = types.Int64Value(int64(*s.BackupsStored))
	}
	if s.Period != docspace.EveryDay {
		out.Day = types.Int64Value(int64(s.Day))
	}
	return out
}

// mergeStorageParams keeps the known spelling of each known key when the portal's value
// means the same, takes the portal's value when it differs, drops keys the portal no
// longer has and ignores keys the portal adds by itself. With nothing known (import), it
// takes everything the portal reports.
func mergeStorageParams(ctx context.Context, known types.Map, reported map[string]string) types.Map {
	out := map[string]string{}
	if known.IsNull() || known.IsUnknown() {
		if len(reported) == 0 {
			return types.MapNull(types.StringType)
		}
		out = reported
	} else {
		var prior map[string]string
		_ = known.ElementsAs(ctx, &prior, false)
		for k, v := range prior {
			if got, ok := reported[k]; ok {
				if sameParam(v, got) {
					out[k] = v
				} else {
					out[k] = got
				}
			}
		}
	}
	m, _ := types.MapValueFrom(ctx, types.StringType, out)
	return m
}

// sameParam compares numbers by value ("007" and "7" are one folder).
func sameParam(a, b string) bool {
	if a == b {
		return true
	}
	x, errA := strconv.ParseInt(a, 10, 64)
	y, errB := strconv.ParseInt(b, 10, 64)
	return errA == nil && errB == nil && x == y
}
