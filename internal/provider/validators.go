package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

// portalURLValidator checks portal_url at plan time with the same rules the client applies.
type portalURLValidator struct{}

func (portalURLValidator) Description(context.Context) string {
	return "must be an absolute http(s) URL without query or fragment"
}

func (v portalURLValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (portalURLValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := docspace.NormalizePortalURL(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid DocSpace portal URL",
			"portal_url "+err.Error()+". Use the portal's root URL, for example https://example.onlyoffice.com.")
	}
}

// caCertificateValidator checks that ca_certificate holds PEM certificates at plan time.
type caCertificateValidator struct{}

func (caCertificateValidator) Description(context.Context) string {
	return "must hold one or more PEM-encoded certificates"
}

func (v caCertificateValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (caCertificateValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if err := docspace.ParseCACertificates([]byte(req.ConfigValue.ValueString())); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid CA certificate", "ca_certificate: "+err.Error()+".")
	}
}
