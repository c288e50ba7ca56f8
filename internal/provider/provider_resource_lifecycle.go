package provider

import (
	"context"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
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

// readOrGone reads the object behind a resource during Read. DocSpace's own 404
// (docspace.IsNotFound) removes the resource from state (deleted outside Terraform: the
// next plan creates it again); any other error, a 404 from anything else included,
// becomes a diagnostic and state stays as it was. ok is false when there is nothing to record.
func readOrGone[T any](ctx context.Context, resp *resource.ReadResponse, client *docspace.Client, doing string, read func() (T, error)) (T, bool) {
	v, err := read()
	switch {
	case docspace.IsNotFound(err):
		resp.State.RemoveResource(ctx)
		return v, false
	case err != nil:
		resp.Diagnostics.Append(apiErrorDiagnostic(client.PortalURL(), doing, err))
		return v, false
	}
	return v, true
}

// verifyStored compares what a write planned with what the portal stores when read back,
// attribute by attribute (the models' tfsdk tags), and names every attribute the portal
// did not take: DocSpace answers some writes with success and drops a value, and without
// this check Terraform would report its generic "inconsistent result" provider bug.
// Unknown and null planned values (computed, or left to the portal) are not compared.
func verifyStored[M any](what string, planned, stored M) diag.Diagnostics {
	var diags diag.Diagnostics
	p, s := reflect.ValueOf(planned), reflect.ValueOf(stored)
	for i := range p.NumField() {
		name := p.Type().Field(i).Tag.Get("tfsdk")
		want, ok := p.Field(i).Interface().(attr.Value)
		if !ok || name == "" || name == "timeouts" || want.IsNull() || want.IsUnknown() {
			continue
		}
		got := s.Field(i).Interface().(attr.Value)
		if want.Equal(got) {
			continue
		}
		values := fmt.Sprintf(" gives %s instead of %s", got, want)
		if strings.Contains(name, "secret") || strings.Contains(name, "password") {
			values = " differs" // never print a secret
		}
		diags.AddAttributeError(path.Root(name), "DocSpace did not store "+name,
			fmt.Sprintf("The portal accepted the change to %s but reading %s back%s. "+
				"The portal keeps its own value, and the next plan shows the difference again. Check the value against the "+
				"portal's limits and the key's rights, then apply again.", what, name, values))
	}
	return diags
}
