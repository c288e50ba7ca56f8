package provider

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

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
				Description: storageTypeDescription,
				Optional:    true,
				Validators:  storageTypeValidators(),
			},
			"storage_params": schema.MapAttribute{
				Description: storageParamsDescription + " Action arguments cannot be marked sensitive: pass credentials from sensitive variables.",
				ElementType: types.StringType,
				Optional:    true,
			},
			"dump": schema.BoolAttribute{
				Description: dumpDescription,
				Optional:    true,
			},
			"wait": schema.BoolAttribute{
				Description: "Wait until the backup completes, reporting each new percentage. Default true.",
				Optional:    true,
			},
			"poll_interval": schema.StringAttribute{
				Description: pollIntervalDescription,
				Optional:    true,
				Validators:  []validator.String{durationValidator(100 * time.Millisecond)},
			},
		},
	}
}

func (a *backupStartAction) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	a.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
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
	interval, diags := parsePollInterval(cfg.PollInterval)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	_, diags = runBackup(ctx, a.data.client, backupRunRequest{
		storage: storage, dump: cfg.Dump.ValueBool(), wait: cfg.Wait.IsNull() || cfg.Wait.ValueBool(), pollInterval: interval,
	}, progressEvents(resp))
	resp.Diagnostics.Append(diags...)
}
