package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ action.ActionWithConfigure = (*backupHistoryPurgeAction)(nil)

func newBackupHistoryPurgeAction() action.Action { return &backupHistoryPurgeAction{} }

// backupHistoryPurgeAction is the Terraform 1.14+ action form of the purge. It runs
// runPurge, the same code as the resource, and reports its steps as progress events.
type backupHistoryPurgeAction struct {
	data *providerData
}

type backupHistoryPurgeActionModel struct {
	Dump         types.Bool   `tfsdk:"dump"`
	Verify       types.Bool   `tfsdk:"verify"`
	KeepLatest   types.Int64  `tfsdk:"keep_latest"`
	OlderThan    types.String `tfsdk:"older_than"`
	StorageTypes types.Set    `tfsdk:"storage_types"`
}

func (a *backupHistoryPurgeAction) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_backup_history_purge"
}

func (a *backupHistoryPurgeAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Purges the portal's backup history now: deletes every stored backup (records and archives), or with " +
			"`keep_latest`, `older_than` or `storage_types` only the backups that retention policy selects. " +
			"Run it with `terraform apply -invoke=action.docspace_backup_history_purge.NAME` or from a resource's " +
			"`lifecycle { action_trigger { ... } }`. Needs Terraform 1.14 or later; on older Terraform and on OpenTofu use the " +
			"`docspace_backup_history_purge` resource.",
		Attributes: map[string]schema.Attribute{
			"dump": schema.BoolAttribute{
				Description: dumpDescription,
				Optional:    true,
			},
			"verify": schema.BoolAttribute{
				Description: "Read the history afterwards and warn if backups remain (DocSpace reports success even when it " +
					"could not delete some archives). Default true.",
				Optional: true,
			},
			"keep_latest": schema.Int64Attribute{Description: keepLatestDescription, Optional: true, Validators: keepLatestValidators()},
			"older_than":  schema.StringAttribute{Description: olderThanDescription, Optional: true, Validators: olderThanValidators()},
			"storage_types": schema.SetAttribute{
				Description: storageTypesDescription, ElementType: types.StringType, Optional: true, Validators: storageTypesValidators(),
			},
		},
	}
}

func (a *backupHistoryPurgeAction) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	a.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (a *backupHistoryPurgeAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var cfg backupHistoryPurgeActionModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() || !requireClient(a.data, &resp.Diagnostics) {
		return
	}
	policy, diags := retentionSelectors{cfg.KeepLatest, cfg.OlderThan, cfg.StorageTypes}.policy(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	verify := cfg.Verify.IsNull() || cfg.Verify.ValueBool()
	_, diags = runPurge(ctx, a.data.client, purgeRequest{
		dump: cfg.Dump.ValueBool(), verify: verify, policy: policy, concurrency: defaultDeleteConcurrency,
	}, progressEvents(resp))
	resp.Diagnostics.Append(diags...)
}
