package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

const defaultPollInterval = 2 * time.Second

var (
	_ action.ActionWithConfigure      = (*backupStartAction)(nil)
	_ action.ActionWithValidateConfig = (*backupStartAction)(nil)
)

func newBackupStartAction() action.Action { return &backupStartAction{} }

// backupStartAction starts an on-demand backup and, with wait, follows it to the end.
type backupStartAction struct {
	data *providerData
}

type backupStartActionModel struct {
	StorageType   types.String `tfsdk:"storage_type"`
	StorageParams types.Map    `tfsdk:"storage_params"`
	Dump          types.Bool   `tfsdk:"dump"`
	Wait          types.Bool   `tfsdk:"wait"`
	PollInterval  types.String `tfsdk:"poll_interval"`
}

func (a *backupStartAction) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_backup_start"
}

func (a *backupStartAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Starts an on-demand backup of the portal (for example right before an upgrade) and, with `wait`, reports its " +
			"progress until it completes. If the run is cancelled while waiting, the backup job is cancelled on the portal too. " +
			"Needs Terraform 1.14 or later.",
		Attributes: map[string]schema.Attribute{
			"storage_type": schema.StringAttribute{
				Description: storageTypeDescription + " Default `DataStore`.",
				Optional:    true,
				Validators:  storageTypeValidators(),
			},
			"storage_params": schema.MapAttribute{
				Description: "Settings of the storage: `folderId` for `Documents` and `ThridpartyDocuments`, `filePath` for `Local`, " +
					"the module settings for cloud storage. May hold storage credentials: pass them from sensitive variables.",
				ElementType: types.StringType,
				Optional:    true,
			},
			"dump": schema.BoolAttribute{
				Description: "Back up the whole server (dump) instead of this portal. Self-hosted servers only. Default false.",
				Optional:    true,
			},
			"wait": schema.BoolAttribute{
				Description: "Wait until the backup completes, reporting each new percentage. Default true.",
				Optional:    true,
			},
			"poll_interval": schema.StringAttribute{
				Description: "How often to ask for progress while waiting, as a duration (`2s`, `1m`). Default `2s`.",
				Optional:    true,
				Validators:  []validator.String{durationValidator(100 * time.Millisecond)},
			},
		},
	}
}

func (a *backupStartAction) Configure(_ context.Context, req action.ConfigureRequest, _ *action.ConfigureResponse) {
	a.data = providerDataFrom(req.ProviderData)
}

func (a *backupStartAction) ValidateConfig(ctx context.Context, req action.ValidateConfigRequest, resp *action.ValidateConfigResponse) {
	var cfg backupStartActionModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(validateStorage(ctx, cfg.StorageType, cfg.StorageParams)...)
}

func (a *backupStartAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var cfg backupStartActionModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() || !requireClient(a.data, &resp.Diagnostics) {
		return
	}
	storage, diags := backupStorage(ctx, cfg.StorageType, cfg.StorageParams)
	resp.Diagnostics.Append(diags...)
	interval := defaultPollInterval
	if !cfg.PollInterval.IsNull() {
		interval, _ = time.ParseDuration(cfg.PollInterval.ValueString()) // validated at plan
	}
	if resp.Diagnostics.HasError() {
		return
	}
	wait := cfg.Wait.IsNull() || cfg.Wait.ValueBool()
	_, diags = runBackup(ctx, a.data.client, storage, cfg.Dump.ValueBool(), wait, interval, progressEvents(resp))
	resp.Diagnostics.Append(diags...)
}

// runBackup starts a backup and, with wait, follows it to completion, reporting progress.
// A cancelled wait cancels the job on the portal. It is shared by the action and the
// docspace_backup resource.
func runBackup(ctx context.Context, client *docspace.Client, storage docspace.BackupStorage, dump, wait bool, interval time.Duration, progress func(string)) (*docspace.BackupProgress, diag.Diagnostics) {
	var diags diag.Diagnostics
	portal := client.PortalURL()
	started, err := client.StartBackup(ctx, storage, dump)
	if err != nil {
		diags.Append(apiErrorDiagnostic(portal, "starting a backup", dump, err))
		return nil, diags
	}
	progress(fmt.Sprintf("backup %s started on %s (storage %s)", started.TaskID, portal, storage.Type))
	if !wait {
		progress(fmt.Sprintf("not waiting: backup %s goes on on the portal", started.TaskID))
		return started, diags
	}
	final, err := client.WaitForBackup(ctx, dump, started.TaskID, interval, func(p docspace.BackupProgress) {
		progress(fmt.Sprintf("backup %s: %d%%", p.TaskID, p.Progress))
	})
	if err != nil {
		if ctx.Err() != nil {
			diags.Append(cancelBackupAfterInterrupt(ctx, client, started.TaskID))
			return nil, diags
		}
		diags.Append(apiErrorDiagnostic(portal, "waiting for backup "+started.TaskID, dump, err))
		return nil, diags
	}
	if final.Warning != "" {
		diags.AddWarning("The DocSpace backup completed with a warning", fmt.Sprintf("Backup %s on %s: %s", final.TaskID, portal, final.Warning))
	}
	progress(fmt.Sprintf("done: backup %s complete, download link %s", final.TaskID, absoluteLink(portal, final.Link)))
	return final, diags
}

// cancelBackupAfterInterrupt stops the job the run was waiting for. The run's context is
// already done, so the cancel gets a short context of its own.
func cancelBackupAfterInterrupt(ctx context.Context, client *docspace.Client, taskID string) diag.Diagnostic {
	cancelCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	dropped, err := client.CancelBackup(cancelCtx)
	detail := fmt.Sprintf("The run was interrupted (%v) while backup %s was in progress on %s. ", ctx.Err(), taskID, client.PortalURL())
	switch {
	case err != nil:
		detail += "Cancelling it on the portal failed too (" + err.Error() + "); it may still finish. Check the portal's Backup page."
	case dropped:
		detail += "The backup job was cancelled on the portal; no archive was kept."
	default:
		detail += "The portal had no running job left to cancel."
	}
	return diag.NewErrorDiagnostic("DocSpace backup interrupted", detail)
}

func absoluteLink(portal, link string) string {
	if link == "" {
		return "(none reported)"
	}
	if link[0] == '/' {
		return portal + link
	}
	return link
}
