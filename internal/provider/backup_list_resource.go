package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

type backupListConfig struct {
	Dump         types.Bool `tfsdk:"dump"`
	StorageTypes types.List `tfsdk:"storage_types"`
}

// policy is the storage-type selector of the listing (nil: every archive).
func (c backupListConfig) policy(ctx context.Context) (*docspace.RetentionPolicy, diag.Diagnostics) {
	storageTypes := types.SetNull(types.StringType)
	if !c.StorageTypes.IsNull() {
		storageTypes, _ = types.SetValue(types.StringType, c.StorageTypes.Elements())
	}
	return retentionSelectors{types.Int64Null(), types.StringNull(), storageTypes}.policy(ctx)
}

// newBackupListResource lists the archives in the backup history as docspace_backup
// instances, newest first, for `list` blocks and terraform query (Terraform 1.14+).
func newBackupListResource() list.ListResource {
	return &listResource[backupListConfig, docspace.BackupRecord]{spec: listSpec[backupListConfig, docspace.BackupRecord]{
		name: "backup",
		description: "Lists the archives in the portal's backup history as `docspace_backup` resources, newest first, so " +
			"`terraform query -generate-config-out=backups.tf` can write their import blocks and configuration.",
		attributes: map[string]schema.Attribute{
			"dump": schema.BoolAttribute{Description: dumpDescription, Optional: true},
			"storage_types": schema.ListAttribute{
				Description: "Only archives in these storage types (" + storageTypeList() + "). All types when unset.",
				ElementType: types.StringType, Optional: true,
			},
		},
		doing: "listing the backup history",
		check: func(cfg backupListConfig, diags *diag.Diagnostics) {
			_, d := cfg.policy(context.Background())
			diags.Append(d...)
		},
		fetch: func(ctx context.Context, client *docspace.Client, cfg backupListConfig) ([]docspace.BackupRecord, error) {
			records, err := client.BackupHistory(ctx, cfg.Dump.ValueBool())
			if err != nil {
				return nil, err
			}
			if policy, _ := cfg.policy(ctx); policy != nil {
				records = policy.Select(records, time.Now()) // storage types only: every one of them
			}
			return docspace.SortNewestFirst(records), nil
		},
		dump: func(cfg backupListConfig) bool { return cfg.Dump.ValueBool() },
		describe: func(_ context.Context, cfg backupListConfig, rec docspace.BackupRecord) (string, any, any) {
			dump := cfg.Dump.ValueBool()
			name := fmt.Sprintf("%s (%s, %s)", rec.FileName, rec.StorageType, rfc3339OrNull(rec.CreatedOn).ValueString())
			return name, backupIdentity{ID: types.StringValue(rec.ID), Dump: types.BoolValue(dump)}, existingBackupModel(rec, dump)
		},
	}}
}
