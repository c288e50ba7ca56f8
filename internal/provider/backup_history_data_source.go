package provider

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

var _ datasource.DataSourceWithConfigure = (*backupHistoryDataSource)(nil)

func newBackupHistoryDataSource() datasource.DataSource { return &backupHistoryDataSource{} }

type backupHistoryDataSource struct {
	data *providerData
}

type backupHistoryDataSourceModel struct {
	Dump         types.Bool          `tfsdk:"dump"`
	KeepLatest   types.Int64         `tfsdk:"keep_latest"`
	OlderThan    types.String        `tfsdk:"older_than"`
	StorageTypes types.Set           `tfsdk:"storage_types"`
	Backups      []backupRecordModel `tfsdk:"backups"`
}

func (d *backupHistoryDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_backup_history"
}

func (d *backupHistoryDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Lists the backups the DocSpace portal stores right now (its backup history), newest first. With the retention " +
			"selectors (`keep_latest`, `older_than`, `storage_types`) it lists only the backups a `docspace_backup_history_purge` " +
			"with the same selectors would delete, so a plan shows what an apply would remove (the age cutoff is taken when the " +
			"data source is read, the purge's when it runs).",
		Attributes: map[string]schema.Attribute{
			"dump": schema.BoolAttribute{
				Description: dumpDescription,
				Optional:    true,
			},
			"keep_latest": schema.Int64Attribute{Description: keepLatestDescription, Optional: true, Validators: keepLatestValidators()},
			"older_than":  schema.StringAttribute{Description: olderThanDescription, Optional: true, Validators: olderThanValidators()},
			"storage_types": schema.SetAttribute{
				Description: storageTypesDescription, ElementType: types.StringType, Optional: true, Validators: storageTypesValidators(),
			},
			"backups": schema.ListNestedAttribute{
				Description: "Stored backups (or, with selectors, those selected), newest first.",
				Computed:    true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":           schema.StringAttribute{Computed: true, Description: "Backup id (a GUID, equal to the task id of the backup job)."},
					"file_name":    schema.StringAttribute{Computed: true, Description: "Archive file name."},
					"storage_type": schema.StringAttribute{Computed: true, Description: storedInDescription},
					"created_on":   schema.StringAttribute{Computed: true, Description: "When the backup was made (RFC 3339, UTC)."},
					"expires_on":   schema.StringAttribute{Computed: true, Description: "When the portal will drop the archive (RFC 3339, UTC); null when it does not expire."},
				}},
			},
		},
	}
}

func (d *backupHistoryDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *backupHistoryDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg backupHistoryDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() || !requireClient(d.data, &resp.Diagnostics) {
		return
	}
	policy, diags := retentionSelectors{cfg.KeepLatest, cfg.OlderThan, cfg.StorageTypes}.policy(ctx)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	dump := cfg.Dump.ValueBool()
	records, err := d.data.client.BackupHistory(ctx, dump)
	if err != nil {
		resp.Diagnostics.Append(backupErrorDiagnostic(d.data.client.PortalURL(), "reading the backup history", dump, err))
		return
	}
	if policy != nil {
		records = policy.Select(records, time.Now())
	}
	cfg.Backups = make([]backupRecordModel, 0, len(records))
	for _, r := range docspace.SortNewestFirst(records) {
		cfg.Backups = append(cfg.Backups, newBackupRecordModel(r))
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
