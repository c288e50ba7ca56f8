package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
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
	_ resource.ResourceWithConfigure   = (*backupResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*backupResource)(nil)
	_ resource.ResourceWithImportState = (*backupResource)(nil)
	_ resource.ResourceWithIdentity    = (*backupResource)(nil)
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

// backupIdentity identifies an archive: its id, and whether it is a server-wide (dump)
// backup. It is what list results and import blocks carry.
type backupIdentity struct {
	ID   types.String `tfsdk:"id"`
	Dump types.Bool   `tfsdk:"dump"`
}

func (r *backupResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			"id":   identityschema.StringAttribute{RequiredForImport: true, Description: "Backup id (a GUID)."},
			"dump": identityschema.BoolAttribute{OptionalForImport: true, Description: "Whether it is a server-wide (dump) backup. Default false."},
		},
	}
}

// ModifyPlan checks the storage settings of a backup about to be made, at plan. It skips
// archives that already exist (an imported backup has no storage_params to check).
func (r *backupResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return // destroy
	}
	var plan backupModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !req.State.Raw.IsNull() {
		var state backupModel
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		if state.StorageType.Equal(plan.StorageType) && state.StorageParams.Equal(plan.StorageParams) {
			return
		}
	}
	resp.Diagnostics.Append(validateStorage(ctx, plan.StorageType, plan.StorageParams)...)
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
		resp.Diagnostics.Append(backupErrorDiagnostic(r.data.client.PortalURL(), "reading the new backup from the history", dump, err))
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
	resp.Diagnostics.Append(resp.Identity.Set(ctx, backupIdentity{ID: plan.ID, Dump: plan.Dump})...)
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
		resp.Diagnostics.Append(backupErrorDiagnostic(r.data.client.PortalURL(), "reading backup "+state.ID.ValueString(), dump, err))
		return
	}
	// The framework wants an identity after every read, even one that forgets the resource.
	resp.Diagnostics.Append(resp.Identity.Set(ctx, backupIdentity{ID: state.ID, Dump: state.Dump})...)
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
		resp.Diagnostics.Append(resp.Identity.Set(ctx, backupIdentity{ID: plan.ID, Dump: plan.Dump})...)
	}
}

func (r *backupResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state backupModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || state.RetainOnDestroy.ValueBool() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	if err := r.data.client.DeleteBackup(ctx, state.ID.ValueString()); err != nil {
		resp.Diagnostics.Append(backupErrorDiagnostic(r.data.client.PortalURL(), "deleting backup "+state.ID.ValueString(), state.Dump.ValueBool(), err))
	}
}

// ImportState takes a backup id (a GUID from the history), or an identity from an import
// block or a list result. Without an identity the portal's backups are looked up first,
// then a self-hosted server's dump backups.
func (r *backupResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id, dump, known := req.ID, false, false
	if req.ID == "" && req.Identity != nil {
		var ident backupIdentity
		resp.Diagnostics.Append(req.Identity.Get(ctx, &ident)...)
		if resp.Diagnostics.HasError() {
			return
		}
		id, dump, known = ident.ID.ValueString(), ident.Dump.ValueBool(), !ident.Dump.IsNull()
	}
	if !docspace.IsBackupID(id) {
		resp.Diagnostics.AddError("Invalid import id for docspace_backup",
			fmt.Sprintf("Got %q. Import a backup by its id, a GUID such as 3f2b8c1e-…, as listed by the docspace_backup_history data source.", id))
		return
	}
	if !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	record, dump, found, err := r.lookUp(ctx, id, dump, known)
	if err != nil {
		resp.Diagnostics.Append(backupErrorDiagnostic(r.data.client.PortalURL(), "looking up backup "+id, dump, err))
		return
	}
	if !found {
		resp.Diagnostics.AddError("Backup not found", fmt.Sprintf("No backup with id %s is in the history of %s.", id, r.data.client.PortalURL()))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, existingBackupModel(record, dump))...)
	resp.Diagnostics.Append(resp.Identity.Set(ctx, backupIdentity{ID: types.StringValue(id), Dump: types.BoolValue(dump)})...)
}

// lookUp finds a backup in the history of its scope, or when the scope is not known in the
// portal's history and then the server's. On DocSpace Cloud the server query is refused,
// which only means the backup is not there.
func (r *backupResource) lookUp(ctx context.Context, id string, dump, scopeKnown bool) (docspace.BackupRecord, bool, bool, error) {
	rec, found, err := r.find(ctx, id, dump)
	if err != nil || found || scopeKnown {
		return rec, dump, found, err
	}
	if rec, inDump, dumpErr := r.find(ctx, id, true); dumpErr == nil && inDump {
		return rec, true, true, nil
	}
	return rec, false, false, nil
}

// existingBackupModel is the state of an archive Terraform did not make (imported or
// listed): the defaults for everything the history does not tell.
func existingBackupModel(rec docspace.BackupRecord, dump bool) backupModel {
	m := backupModel{
		Dump: types.BoolValue(dump), StorageParams: types.MapNull(types.StringType), Triggers: types.MapNull(types.StringType),
		RetainOnDestroy: types.BoolValue(false), PollInterval: types.StringValue(defaultPollIntervalText),
		Timeouts: timeouts.Value{Object: types.ObjectNull(map[string]attr.Type{"create": types.StringType})},
	}
	setBackupRecord(&m, rec)
	return m
}
