package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

var _ list.ListResourceWithConfigure = (*backupListResource)(nil)

func newBackupListResource() list.ListResource { return &backupListResource{} }

// backupListResource lists the archives in the backup history as docspace_backup
// instances, for `list` blocks and terraform query (Terraform 1.14+).
type backupListResource struct {
	data *providerData
}

type backupListConfig struct {
	Dump         types.Bool `tfsdk:"dump"`
	StorageTypes types.List `tfsdk:"storage_types"`
}

func (l *backupListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_backup"
}

func (l *backupListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Lists the archives in the portal's backup history as `docspace_backup` resources, newest first, so " +
			"`terraform query -generate-config-out=backups.tf` can write their import blocks and configuration.",
		Attributes: map[string]schema.Attribute{
			"dump": schema.BoolAttribute{Description: dumpDescription, Optional: true},
			"storage_types": schema.ListAttribute{
				Description: "Only archives in these storage types (" + storageTypeList() + "). All types when unset.",
				ElementType: types.StringType, Optional: true,
			},
		},
	}
}

func (l *backupListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (l *backupListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg backupListConfig
	diags := req.Config.Get(ctx, &cfg)
	if diags.HasError() || !requireClient(l.data, &diags) {
		stream.Results = listError(diags)
		return
	}
	storageTypes := types.SetNull(types.StringType)
	if !cfg.StorageTypes.IsNull() {
		storageTypes, _ = types.SetValue(types.StringType, cfg.StorageTypes.Elements())
	}
	policy, d := retentionSelectors{types.Int64Null(), types.StringNull(), storageTypes}.policy(ctx)
	diags.Append(d...)
	if diags.HasError() {
		stream.Results = listError(diags)
		return
	}
	dump := cfg.Dump.ValueBool()
	records, err := l.data.client.BackupHistory(ctx, dump)
	if err != nil {
		diags.Append(apiErrorDiagnostic(l.data.client.PortalURL(), "listing the backup history", dump, err))
		stream.Results = listError(diags)
		return
	}
	if policy != nil {
		records = policy.Select(records, time.Now()) // storage types only: every one of them
	}
	stream.Results = streamListResults(ctx, req, docspace.SortNewestFirst(records), func(rec docspace.BackupRecord) (string, any, any) {
		name := fmt.Sprintf("%s (%s, %s)", rec.FileName, rec.StorageType, rfc3339OrNull(rec.CreatedOn).ValueString())
		return name, backupIdentity{ID: types.StringValue(rec.ID), Dump: types.BoolValue(dump)}, existingBackupModel(rec, dump)
	})
}
