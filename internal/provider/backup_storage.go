package provider

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

const defaultStorageType = "DataStore"

// storageTypeValidators accept the API's enum names, spelled exactly.
func storageTypeValidators() []validator.String {
	return []validator.String{stringvalidator.OneOf(docspace.StorageTypeNames()...)}
}

// storageTypeName is the configured storage type, or the default when it is not set.
func storageTypeName(v types.String) string {
	if v.IsNull() {
		return defaultStorageType
	}
	return v.ValueString()
}

// backupStorage turns a storage_type / storage_params pair into the client's form. Call it
// after validateStorage.
func backupStorage(ctx context.Context, storageType types.String, params types.Map) (docspace.BackupStorage, diag.Diagnostics) {
	name := storageTypeName(storageType)
	st, err := docspace.ParseStorageType(name)
	var diags diag.Diagnostics
	if err != nil {
		diags.AddAttributeError(path.Root("storage_type"), "Unknown storage type", err.Error())
		return docspace.BackupStorage{}, diags
	}
	out := docspace.BackupStorage{Type: st, Params: map[string]string{}}
	if !params.IsNull() {
		diags.Append(params.ElementsAs(ctx, &out.Params, false)...)
	}
	return out, diags
}

// validateStorage checks at plan time the keys each storage type needs, as the portal
// would at apply (400 "wrong folder type" and friends). Unknown values are left for apply.
func validateStorage(ctx context.Context, storageType types.String, params types.Map) diag.Diagnostics {
	var diags diag.Diagnostics
	if storageType.IsUnknown() || params.IsUnknown() {
		return diags
	}
	name := storageTypeName(storageType)
	values := map[string]types.String{}
	if !params.IsNull() {
		diags.Append(params.ElementsAs(ctx, &values, false)...)
		if diags.HasError() {
			return diags
		}
	}
	paramsPath := path.Root("storage_params")
	folder, hasFolder := values["folderId"]
	need := func(key, what string) {
		if v, ok := values[key]; !ok || (!v.IsUnknown() && strings.TrimSpace(v.ValueString()) == "") {
			diags.AddAttributeError(paramsPath, fmt.Sprintf("storage_params needs %q for %s", key, name), what)
		}
	}
	switch name {
	case "DataStore":
		if len(values) > 0 {
			diags.AddAttributeError(paramsPath, "DataStore takes no storage_params",
				"The portal's temporary storage needs no settings. Remove storage_params, or choose another storage_type.")
		}
	case "Documents":
		need("folderId", "Set folderId to the number of the portal folder that receives the backups (it is in the folder's URL).")
		if hasFolder && !folder.IsUnknown() && folder.ValueString() != "" {
			if _, err := strconv.Atoi(folder.ValueString()); err != nil {
				diags.AddAttributeError(paramsPath.AtMapKey("folderId"), "folderId must be a number for Documents",
					fmt.Sprintf("%q is not a number. Documents storage takes the numeric id of a portal folder; a third-party folder id belongs with storage_type = \"ThridpartyDocuments\".", folder.ValueString()))
			}
		}
	case "ThridpartyDocuments":
		need("folderId", "Set folderId to the id of the connected third-party folder.")
		if hasFolder && !folder.IsUnknown() {
			if _, err := strconv.Atoi(folder.ValueString()); err == nil {
				diags.AddAttributeError(paramsPath.AtMapKey("folderId"), "folderId must not be a plain number for ThridpartyDocuments",
					fmt.Sprintf("%q looks like a portal folder id. Third-party folders have ids like \"sbox-12|/backups\"; for a portal folder use storage_type = \"Documents\".", folder.ValueString()))
			}
		}
	case "Local":
		need("filePath", "Set filePath to a directory on the self-hosted DocSpace server. Local storage exists on self-hosted servers only.")
	}
	return diags
}
