package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

// providerData is what resources, data sources, actions and list resources receive from
// Configure.
type providerData struct {
	client *docspace.Client
}

// providerDataFrom takes what Configure handed over: nil while the provider is not
// configured yet (unknown values at plan). Anything else than *providerData is a bug in
// the provider, reported as the scaffolding does.
func providerDataFrom(v any, diags *diag.Diagnostics) *providerData {
	if v == nil {
		return nil
	}
	data, ok := v.(*providerData)
	if !ok {
		diags.AddError("Unexpected provider data",
			fmt.Sprintf("Expected *providerData, got %T. This is a bug in the DocSpace provider: please report it.", v))
	}
	return data
}

// requireClient reports whether the provider was configured, adding an error that says
// why not otherwise. It happens when portal_url or api_key depend on a value that is only
// known after apply and something needs the API during plan.
func requireClient(data *providerData, diags *diag.Diagnostics) bool {
	if data != nil && data.client != nil {
		return true
	}
	diags.AddError("DocSpace provider not configured yet",
		"The provider's portal_url or api_key depends on a value that is not known until apply, so the portal cannot be called now. "+
			"Use values known at plan time (variables, environment variables), or apply the resources they come from first (terraform apply -target=...).")
	return false
}

// planGetter and stateSetter let one helper serve Create and Update.
type planGetter interface {
	Get(ctx context.Context, target any) diag.Diagnostics
}

// attributeGetter reads one attribute of a configuration (a write-only value, say).
type attributeGetter interface {
	GetAttribute(ctx context.Context, p path.Path, target any) diag.Diagnostics
}

type stateSetter interface {
	Set(ctx context.Context, val any) diag.Diagnostics
}
