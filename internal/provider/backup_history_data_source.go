package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ datasource.DataSourceWithConfigure = (*backupHistoryDataSource)(nil)

func newBackupHistoryDataSource() datasource.DataSource { return &backupHistoryDataSource{} }

type backupHistoryDataSource struct {
	data *providerData
}

type backupHistoryDataSourceModel struct {
	Dump    types.Bool          `tfsdk:"dump"`
	Backups []backupRecordModel `tfsdk:"backups"`
}

func (d *backupHistoryDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_backup_history"
}

func (d *backupHistoryDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Lists the backups the DocSpace portal stores right now (its backup history), newest first.",
		Attributes: map[string]schema.Attribute{
			"dump": schema.BoolAttribute{
				Description: "List the server-wide (dump) backups instead of this portal's. Self-hosted servers only. Default false.",
				Optional:    true,
			},
			"backups": schema.ListNestedAttribute{
				Description: "Stored backups, newest first.",
				Computed:    true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":           schema.StringAttribute{Computed: true, Description: "Backup id (a GUID, equal to the task id of the backup job)."},
					"file_name":    schema.StringAttribute{Computed: true, Description: "Archive file name."},
					"storage_type": schema.StringAttribute{Computed: true, Description: "Where the archive is stored: `Documents`, `ThridpartyDocuments`, `CustomCloud`, `Local`, `DataStore` or `ThirdPartyConsumer`."},
					"created_on":   schema.StringAttribute{Computed: true, Description: "When the backup was made (RFC 3339, UTC)."},
					"expires_on":   schema.StringAttribute{Computed: true, Description: "When the portal will drop the archive (RFC 3339, UTC); null when it does not expire."},
				}},
			},
		},
	}
}

func (d *backupHistoryDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, _ *datasource.ConfigureResponse) {
	if data, ok := req.ProviderData.(*providerData); ok {
		d.data = data
	}
}

func (d *backupHistoryDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg backupHistoryDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() || !requireClient(d.data, &resp.Diagnostics) {
		return
	}
	dump := cfg.Dump.ValueBool()
	records, err := d.data.client.BackupHistory(ctx, dump)
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(d.data.client.PortalURL(), "reading the backup history", dump, err))
		return
	}
	cfg.Backups = make([]backupRecordModel, 0, len(records))
	for _, r := range sortedNewestFirst(records) {
		cfg.Backups = append(cfg.Backups, newBackupRecordModel(r))
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
