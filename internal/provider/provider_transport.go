package provider

import (
	"fmt"
	"net/http"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

// transport builds the TLS and proxy settings. Unusable CA material is an error naming the
// attribute; insecure_skip_verify is allowed but warned about on every run.
func (p *docspaceProvider) transport(cfg providerModel) (*http.Transport, diag.Diagnostics) {
	var diags diag.Diagnostics
	opts := docspace.TransportOptions{InsecureSkipVerify: cfg.InsecureSkipVerify.ValueBool()}
	switch {
	case !cfg.CACertificate.IsNull():
		opts.CACertificatesPEM = []byte(cfg.CACertificate.ValueString())
	case !cfg.CACertificateFile.IsNull():
		pem, err := os.ReadFile(cfg.CACertificateFile.ValueString())
		if err != nil {
			diags.AddAttributeError(path.Root("ca_certificate_file"), "Cannot read the CA certificate file",
				fmt.Sprintf("%v. Check the path and its permissions, or put the PEM text in ca_certificate.", err))
			return nil, diags
		}
		if err := docspace.ParseCACertificates(pem); err != nil {
			diags.AddAttributeError(path.Root("ca_certificate_file"), "Invalid CA certificate file",
				fmt.Sprintf("%s: %v.", cfg.CACertificateFile.ValueString(), err))
			return nil, diags
		}
		opts.CACertificatesPEM = pem
	}
	if opts.InsecureSkipVerify {
		diags.AddAttributeWarning(path.Root("insecure_skip_verify"), "TLS certificate verification is off",
			"insecure_skip_verify = true: the provider does not check who answers on portal_url, so anyone on the network path "+
				"could read the API key. Trust the portal's CA with ca_certificate instead, then remove insecure_skip_verify.")
	}
	transport, err := docspace.NewTransport(opts)
	if err != nil {
		diags.AddError("Could not set up TLS for the DocSpace portal", err.Error())
	}
	return transport, diags
}

func insecureHTTPDetail(err error) string {
	return "portal_url " + err.Error() + ". Use https://, or set allow_insecure_http = true in the provider block " +
		"if the network path to the portal is trusted (for example a private link)."
}
