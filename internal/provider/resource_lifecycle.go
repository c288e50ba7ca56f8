package provider

import (
	"context"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

// importedID is what an import names: the id given to `terraform import` (or an import
// block's id), or the string id of the identity when importing by identity.
func importedID(ctx context.Context, req resource.ImportStateRequest, diags *diag.Diagnostics) string {
	if req.ID != "" || req.Identity == nil {
		return req.ID
	}
	var id types.String
	diags.Append(req.Identity.GetAttribute(ctx, path.Root("id"), &id)...)
	return id.ValueString()
}

// importedIntID is importedID for objects with a number for id (rooms, webhooks); 0 when
// the import names no positive number.
func importedIntID(ctx context.Context, req resource.ImportStateRequest, diags *diag.Diagnostics) int64 {
	if req.ID == "" && req.Identity != nil {
		var id types.Int64
		diags.Append(req.Identity.GetAttribute(ctx, path.Root("id"), &id)...)
		return max(id.ValueInt64(), 0)
	}
	n, err := strconv.ParseInt(req.ID, 10, 64)
	if err != nil {
		return 0
	}
	return max(n, 0)
}

// readOrGone reads the object behind a resource during Read. A 404 removes the resource
// from state (deleted outside Terraform: the next plan creates it again); another error
// becomes a diagnostic. ok is false when there is nothing to record.
func readOrGone[T any](ctx context.Context, resp *resource.ReadResponse, client *docspace.Client, doing string, read func() (T, error)) (T, bool) {
	v, err := read()
	switch {
	case docspace.IsNotFound(err):
		resp.State.RemoveResource(ctx)
		return v, false
	case err != nil:
		resp.Diagnostics.Append(apiErrorDiagnostic(client.PortalURL(), doing, false, err))
		return v, false
	}
	return v, true
}
