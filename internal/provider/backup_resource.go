package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

const defaultBackupTimeout = 30 * time.Minute

var (
	_ resource.ResourceWithConfigure      = (*backupResource)(nil)
	_ resource.ResourceWithValidateConfig = (*backupResource)(nil)
	_ resource.ResourceWithImportState    = (*backupResource)(nil)
)

func newBackupResource() resource.Resource { return &backupResource{} }

// backupResource is one backup archive as a managed object: create makes it (and waits),
// read checks it is still in the history, destroy deletes it.
type backupResource struct {
	data *providerData
}

type backupModel struct {
	ID              types.String   `tfsdk:"id"`
	StorageType     types.String   `tfsdk:"storage_type"`
	StorageParams   types.Map      `tfsdk:"storage_params"`
	Dump            types.Bool     `tfsdk:"dump"`
	Triggers        types.Map      `tfsdk:"triggers"`
	RetainOnDestroy types.Bool     `tfsdk:"retain_on_destroy"`
	PollInterval    types.String   `tfsdk:"poll_interval"`
	FileName        types.String   `tfsdk:"file_name"`
	CreatedOn       types.String   `tfsdk:"created_on"`
	ExpiresOn       types.String   `tfsdk:"expires_on"`
	Timeouts        timeouts.Value `tfsdk:"timeouts"`
}

func (r *backupResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_backup"
}

func (r *backupResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	keep := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		Description: "A backup archive of the portal as a managed object. Creating the resource starts a backup and waits until it " +
			"completes; destroying it deletes the archive (unless `retain_on_destroy`). If the archive disappears from the " +
			"history (pruned by retention or deleted by hand), the next plan creates a new backup.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Description: "Backup id: the task id of the backup job, equal to the history record's id. Also the import id.", Computed: true, PlanModifiers: keep,
			},
			"storage_type": schema.StringAttribute{
				Description: storageTypeDescription + " Changing it makes a new backup.",
				Optional:    true, Computed: true, Default: stringdefault.StaticString(defaultStorageType),
				Validators: storageTypeValidators(), PlanModifiers: replace,
			},
			"storage_params": schema.MapAttribute{
				Description: storageParamsDescription + " Sensitive. Changing it makes a new backup.",
				ElementType: types.StringType, Optional: true, Sensitive: true,
				PlanModifiers: []planmodifier.Map{mapplanmodifier.RequiresReplace()},
			},
			"dump": schema.BoolAttribute{
				Description: dumpDescription + " Changing it makes a new backup.",
				Optional:    true, Computed: true, Default: booldefault.StaticBool(false),
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.RequiresReplace()},
			},
			"triggers": schema.MapAttribute{
				Description: "Arbitrary strings; any change makes a new backup (and, unless retain_on_destroy, deletes the old one).",
				ElementType: types.StringType, Optional: true,
				PlanModifiers: []planmodifier.Map{mapplanmodifier.RequiresReplace()},
			},
			"retain_on_destroy": schema.BoolAttribute{
				Description: "Keep the archive on the portal when the resource is destroyed or replaced; Terraform only forgets it. Default false.",
				Optional:    true, Computed: true, Default: booldefault.StaticBool(false),
			},
			"poll_interval": schema.StringAttribute{
				Description: pollIntervalDescription,
				Optional:    true, Computed: true, Default: stringdefault.StaticString(defaultPollIntervalText),
				Validators: []validator.String{durationValidator(100 * time.Millisecond)},
			},
			"file_name":  schema.StringAttribute{Description: "Archive file name.", Computed: true, PlanModifiers: keep},
			"created_on": schema.StringAttribute{Description: "When the backup was made (RFC 3339, UTC).", Computed: true, PlanModifiers: keep},
			"expires_on": schema.StringAttribute{Description: "When the portal will drop the archive (RFC 3339, UTC), if it expires.", Computed: true, PlanModifiers: keep},
		},
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, CreateDescription: "How long to wait for the backup to complete. Default 30m; on timeout the job is cancelled on the portal."}),
		},
	}
}

func (r *backupResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *backupResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var cfg backupModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(validateStorage(ctx, cfg.StorageType, cfg.StorageParams)...)
}

func (r *backupResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan backupModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	timeout, diags := plan.Timeouts.Create(ctx, defaultBackupTimeout)
	resp.Diagnostics.Append(diags...)
	storage, diags := backupStorage(ctx, plan.StorageType, plan.StorageParams)
	resp.Diagnostics.Append(diags...)
	interval, diags := parsePollInterval(plan.PollInterval)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	dump := plan.Dump.ValueBool()
	final, diags := runBackup(ctx, r.data.client, backupRunRequest{storage: storage, dump: dump, wait: true, pollInterval: interval}, logProgress(ctx))
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return // a failed or interrupted job leaves no state
	}
	record, found, err := r.find(ctx, final.TaskID, dump)
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(r.data.client.PortalURL(), "reading the new backup from the history", dump, err))
		return
	}
	if !found {
		resp.Diagnostics.AddError("The new DocSpace backup is not in the history",
			fmt.Sprintf("Backup %s completed on %s, but the backup history does not list it. The portal may have pruned it at once "+
				"(a retention setting) or its storage is unreachable. Nothing is recorded in state.", final.TaskID, r.data.client.PortalURL()))
		return
	}
	setBackupRecord(&plan, record)
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}

// find looks the backup up in the history of its scope.
func (r *backupResource) find(ctx context.Context, id string, dump bool) (docspace.BackupRecord, bool, error) {
	records, err := r.data.client.BackupHistory(ctx, dump)
	if err != nil {
		return docspace.BackupRecord{}, false, err
	}
	for _, rec := range records {
		if rec.ID == id {
			return rec, true, nil
		}
	}
	return docspace.BackupRecord{}, false, nil
}

// setBackupRecord copies what the history says about the archive into the model.
func setBackupRecord(m *backupModel, rec docspace.BackupRecord) {
	r := newBackupRecordModel(rec)
	m.ID, m.FileName, m.StorageType, m.CreatedOn, m.ExpiresOn = r.ID, r.FileName, r.StorageType, r.CreatedOn, r.ExpiresOn
}

func (r *backupResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state backupModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	dump := state.Dump.ValueBool()
	rec, found, err := r.find(ctx, state.ID.ValueString(), dump)
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(r.data.client.PortalURL(), "reading backup "+state.ID.ValueString(), dump, err))
		return
	}
	if !found {
		// Pruned or deleted outside Terraform: forget it so the next plan makes a new one.
		resp.State.RemoveResource(ctx)
		return
	}
	setBackupRecord(&state, rec)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Update only happens for retain_on_destroy, poll_interval and timeouts: no API call.
func (r *backupResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan backupModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if !resp.Diagnostics.HasError() {
		resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
	}
}

func (r *backupResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state backupModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || state.RetainOnDestroy.ValueBool() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	if err := r.data.client.DeleteBackup(ctx, state.ID.ValueString()); err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(r.data.client.PortalURL(), "deleting backup "+state.ID.ValueString(), state.Dump.ValueBool(), err))
	}
}

// ImportState takes a backup id (a GUID from the history). The portal's backups are looked
// up first, then a self-hosted server's dump backups.
func (r *backupResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if !docspace.IsBackupID(req.ID) {
		resp.Diagnostics.AddError("Invalid import id for docspace_backup",
			fmt.Sprintf("Got %q. Import a backup by its id, a GUID such as 3f2b8c1e-…, as listed by the docspace_backup_history data source.", req.ID))
		return
	}
	if !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	dump := false
	_, found, err := r.find(ctx, req.ID, false)
	if err == nil && !found {
		// Maybe a server-wide backup; on DocSpace Cloud that query is refused, which only
		// means it is not there.
		if _, inDump, dumpErr := r.find(ctx, req.ID, true); dumpErr == nil && inDump {
			found, dump = true, true
		}
	}
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(r.data.client.PortalURL(), "looking up backup "+req.ID, false, err))
		return
	}
	if !found {
		resp.Diagnostics.AddError("Backup not found", fmt.Sprintf("No backup with id %s is in the history of %s.", req.ID, r.data.client.PortalURL()))
		return
	}
	for attr, v := range map[string]any{
		"id": req.ID, "dump": dump, "retain_on_destroy": false, "poll_interval": defaultPollIntervalText,
		"storage_params": types.MapNull(types.StringType), "triggers": types.MapNull(types.StringType),
	} {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root(attr), v)...)
	}
}
