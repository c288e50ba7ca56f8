package provider

import (
	"context"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

type cspDomainsModel struct {
	ID      types.String `tfsdk:"id"`
	Domains types.Set    `tfsdk:"domains"`
	Header  types.String `tfsdk:"header"`
}

func newCSPDomainsResource() resource.Resource {
	return &settingResource[cspDomainsModel, docspace.CSPSettings]{spec: settingSpec[cspDomainsModel, docspace.CSPSettings]{
		name: "csp_domains",
		description: "The external domains the portal's Content Security Policy trusts: the sites that may embed DocSpace (and " +
			"that DocSpace may load from) when DocSpace is built into an intranet or another application. The list is " +
			"authoritative: domains added in DocSpace show as drift and are removed on apply." + settingResetDescription +
			" (no trusted domains: the portal's own policy).",
		attributes: map[string]schema.Attribute{
			"domains": schema.SetAttribute{Required: true, ElementType: types.StringType,
				Validators: []validator.Set{setvalidator.ValueStringsAre(cspDomainValidator())},
				Description: "Trusted domains: hosts (`intranet.example.com`), hosts with a scheme (`https://intranet.example.com`) " +
					"or wildcard hosts (`*.example.com`), ASCII only (internationalised names in their `xn--` form). `[]` trusts none."},
			"header": schema.StringAttribute{Computed: true,
				Description: "The Content-Security-Policy header the portal serves with these domains."},
		},
		read: (*docspace.Client).CSPSettings,
		write: func(c *docspace.Client, ctx context.Context, s docspace.CSPSettings) error {
			return c.SetCSPDomains(ctx, s.Domains)
		},
		reset: func(c *docspace.Client, ctx context.Context) error { return c.SetCSPDomains(ctx, nil) },
		toModel: func(s docspace.CSPSettings, _ *cspDomainsModel) cspDomainsModel {
			return cspDomainsModel{ID: types.StringValue(settingID), Domains: stringSet(s.Domains), Header: types.StringValue(s.Header)}
		},
		fromModel: func(ctx context.Context, m cspDomainsModel) (docspace.CSPSettings, diag.Diagnostics) {
			var domains []string
			diags := m.Domains.ElementsAs(ctx, &domains, false)
			return docspace.CSPSettings{Domains: domains}, diags
		},
		// The header is the portal's to build: only the domains are the setting.
		equal: func(a, b docspace.CSPSettings) bool {
			return slices.Equal(sortedLower(a.Domains), sortedLower(b.Domains))
		},
	}}
}

func sortedLower(values []string) []string {
	out := lowerAll(values)
	slices.Sort(out)
	return slices.Compact(out)
}

// cspDomainValidator checks a trusted domain with DocSpace's own rule.
func cspDomainValidator() validator.String {
	return stringCheck{
		description: "must be a host, a host with a scheme, or a wildcard host such as *.example.com, in ASCII",
		summary:     "Invalid trusted domain",
		check:       docspace.CheckCSPDomain,
		detail: func(err error) string {
			return "DocSpace would refuse this domain: " + strings.TrimSuffix(err.Error(), ".") + "."
		},
	}
}
