package provider

import (
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

// backupRecordModel is one element of a backups list in state.
type backupRecordModel struct {
	ID          types.String `tfsdk:"id"`
	FileName    types.String `tfsdk:"file_name"`
	StorageType types.String `tfsdk:"storage_type"`
	CreatedOn   types.String `tfsdk:"created_on"`
	ExpiresOn   types.String `tfsdk:"expires_on"`
}

func newBackupRecordModel(r docspace.BackupRecord) backupRecordModel {
	return backupRecordModel{
		ID:          types.StringValue(r.ID),
		FileName:    types.StringValue(r.FileName),
		StorageType: types.StringValue(r.StorageType.String()),
		CreatedOn:   rfc3339OrNull(r.CreatedOn),
		ExpiresOn:   rfc3339OrNull(r.ExpiresOn),
	}
}

func rfc3339OrNull(t time.Time) types.String {
	if t.IsZero() {
		return types.StringNull()
	}
	return types.StringValue(t.UTC().Format(time.RFC3339))
}
