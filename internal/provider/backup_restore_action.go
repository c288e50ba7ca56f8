package provider

import (
	"context"
	"fmt"
	"net/url"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/actionvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

const defaultRestoreTimeout = "4h"

var (
	_ action.ActionWithConfigure        = (*backupRestoreAction)(nil)
	_ action.ActionWithConfigValidators = (*backupRestoreAction)(nil)
	_ action.ActionWithModifyPlan       = (*backupRestoreAction)(nil)
)

func newBackupRestoreAction() action.Action { return &backupRestoreAction{} }

// backupRestoreAction restores a backup over the portal. It is an action, never a
// resource, so that no plan can trigger it by accident, and it refuses to run without a
// confirmation naming the portal.
type backupRestoreAction struct {
	data *providerData
}

type backupRestoreModel struct {
	BackupID      types.String `tfsdk:"backup_id"`
	FilePath      types.String `tfsdk:"file_path"`
	StorageType   types.String `tfsdk:"storage_type"`
	StorageParams types.Map    `tfsdk:"storage_params"`
	Notify        types.Bool   `tfsdk:"notify"`
	Dump          types.Bool   `tfsdk:"dump"`
	Timeout       types.String `tfsdk:"timeout"`
	PollInterval  types.String `tfsdk:"poll_interval"`
	Confirm       types.String `tfsdk:"confirm"`
}

func (a *backupRestoreAction) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_backup_restore"
}

func (a *backupRestoreAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Restores a backup over the portal, replacing all of its data, and waits until DocSpace has done it. " +
			"Afterwards the portal has a new tenant id and new ids for its users and rooms, and every API key (this " +
			"provider's included) is gone: run it as the last step of an apply, then log in with credentials from the " +
			"backup's time and re-import what Terraform manages. Needs Terraform 1.14 or later, and `confirm`.",
		Attributes: map[string]schema.Attribute{
			"backup_id": schema.StringAttribute{
				Description: "Id of a backup in the portal's history (see the `docspace_backup_history` data source). Exactly one of `backup_id` and `file_path`.",
				Optional:    true, Validators: []validator.String{stringvalidator.RegexMatches(guidPattern, "must be a backup id, a GUID from the backup history")},
			},
			"file_path": schema.StringAttribute{
				Description: "A backup archive in a storage instead: its path or file id there, with `storage_type` and `storage_params`. Exactly one of `backup_id` and `file_path`.",
				Optional:    true, Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"storage_type": schema.StringAttribute{
				Description: "With `file_path`: the storage that holds the archive, " + storageTypeList() + ". Default `" + defaultStorageType + "`.",
				Optional:    true, Validators: storageTypeValidators(),
			},
			"storage_params": schema.MapAttribute{
				Description: "With `file_path`: " + storageParamsDescription + " Action arguments cannot be marked sensitive: pass credentials from sensitive variables.",
				ElementType: types.StringType, Optional: true,
			},
			"notify": schema.BoolAttribute{Description: "E-mail every active user when the restore starts and ends; otherwise only the owner. Default false.", Optional: true},
			"dump":   schema.BoolAttribute{Description: "Restore a server-wide (dump) backup over the whole server. Self-hosted servers only. Default false.", Optional: true},
			"timeout": schema.StringAttribute{
				Description: "How long to wait for the restore, as a duration. Default `" + defaultRestoreTimeout + "`. When it passes the restore goes on on the portal (DocSpace cannot cancel one).",
				Optional:    true, Validators: []validator.String{durationValidator(time.Minute)},
			},
			"poll_interval": schema.StringAttribute{
				Description: "How often to ask for progress, as a duration. Default `" + defaultPollIntervalText + "`.",
				Optional:    true, Validators: []validator.String{durationValidator(100 * time.Millisecond)},
			},
			"confirm": schema.StringAttribute{
				Description: "Must be `restore <portal host>`, for example `restore example.onlyoffice.com`, so that a copied configuration cannot wipe another portal.",
				Required:    true,
			},
		},
	}
}

func (a *backupRestoreAction) ConfigValidators(context.Context) []action.ConfigValidator {
	return []action.ConfigValidator{
		actionvalidator.ExactlyOneOf(path.MatchRoot("backup_id"), path.MatchRoot("file_path")),
		actionvalidator.Conflicting(path.MatchRoot("backup_id"), path.MatchRoot("storage_type")),
		actionvalidator.Conflicting(path.MatchRoot("backup_id"), path.MatchRoot("storage_params")),
	}
}

func (a *backupRestoreAction) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	a.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan checks at plan what it can with the portal known: the confirmation, that a
// dump restore is on a self-hosted server, and that the backup is in the history.
func (a *backupRestoreAction) ModifyPlan(ctx context.Context, req action.ModifyPlanRequest, resp *action.ModifyPlanResponse) {
	var cfg backupRestoreModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() || a.data == nil || a.data.client == nil {
		return // not configured yet: Invoke checks again
	}
	resp.Diagnostics.Append(a.preflight(ctx, cfg)...)
}

// preflight checks the confirmation, the dump flag against the server and the backup id
// against the history.
func (a *backupRestoreAction) preflight(ctx context.Context, cfg backupRestoreModel) diag.Diagnostics {
	var diags diag.Diagnostics
	client := a.data.client
	want := "restore " + portalHost(client.PortalURL())
	if !cfg.Confirm.IsUnknown() && cfg.Confirm.ValueString() != want {
		diags.AddAttributeError(path.Root("confirm"), "The restore is not confirmed for this portal",
			fmt.Sprintf("A restore replaces all data of %s. To run it, set confirm = %q (got %q).", client.PortalURL(), want, cfg.Confirm.ValueString()))
		return diags
	}
	dump := cfg.Dump.ValueBool()
	if dump {
		if s, err := client.Settings(ctx); err == nil && !s.Standalone {
			diags.AddAttributeError(path.Root("dump"), "This portal cannot restore a server-wide (dump) backup",
				"dump = true restores a whole self-hosted server; "+client.PortalURL()+" is a DocSpace Cloud portal. Set dump = false.")
			return diags
		}
	}
	if id := cfg.BackupID; !id.IsNull() && !id.IsUnknown() {
		records, err := client.BackupHistory(ctx, dump)
		if err != nil {
			diags.Append(backupErrorDiagnostic(client.PortalURL(), "reading the backup history to find the backup to restore", dump, err))
			return diags
		}
		for _, r := range records {
			if r.ID == id.ValueString() {
				return diags
			}
		}
		diags.AddAttributeError(path.Root("backup_id"), "Backup not in the history",
			fmt.Sprintf("No backup %s is in the backup history of %s (dump = %v). The docspace_backup_history data source lists what there is.", id.ValueString(), client.PortalURL(), dump))
	}
	return diags
}

func portalHost(portal string) string {
	if u, err := url.Parse(portal); err == nil {
		return u.Host + u.Path
	}
	return portal
}

func (a *backupRestoreAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var cfg backupRestoreModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() || !requireClient(a.data, &resp.Diagnostics) {
		return
	}
	if resp.Diagnostics.Append(a.preflight(ctx, cfg)...); resp.Diagnostics.HasError() {
		return
	}
	restore, diags := restoreRequestFrom(ctx, cfg)
	resp.Diagnostics.Append(diags...)
	timeout, err := time.ParseDuration(stringOr(cfg.Timeout, defaultRestoreTimeout))
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("timeout"), "Invalid duration", err.Error())
	}
	interval, diags := parsePollInterval(cfg.PollInterval)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	resp.Diagnostics.Append(runRestore(ctx, a.data.client, restore, interval, progressEvents(resp))...)
}

func restoreRequestFrom(ctx context.Context, cfg backupRestoreModel) (docspace.RestoreRequest, diag.Diagnostics) {
	r := docspace.RestoreRequest{BackupID: cfg.BackupID.ValueString(), FilePath: cfg.FilePath.ValueString(), Notify: cfg.Notify.ValueBool(), Dump: cfg.Dump.ValueBool()}
	var diags diag.Diagnostics
	if !cfg.FilePath.IsNull() {
		r.Storage, diags = backupStorage(ctx, cfg.StorageType, cfg.StorageParams)
	}
	return r, diags
}
