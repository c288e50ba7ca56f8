package provider

import (
	"context"
	"regexp"
	"slices"
	"strconv"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

type trustedMailDomainsModel struct {
	ID            types.String `tfsdk:"id"`
	Mode          types.String `tfsdk:"mode"`
	Domains       types.Set    `tfsdk:"domains"`
	InviteAsUsers types.Bool   `tfsdk:"join_as_users"`
}

var mailDomainModes = []string{"none", "custom", "all"} // DocSpace's 0, 1, 2

// mailDomainRE is a domain DocSpace accepts: lower-case letters, digits, dots and hyphens,
// 3 to 255 characters (the length is checked apart: a counted repetition would make the
// compiled pattern a hundred times larger, and every provider launch builds it).
var mailDomainRE = regexp.MustCompile(`^[a-z0-9][a-z0-9.-]*[a-z0-9]$`)

func newTrustedMailDomainsResource() resource.Resource {
	return &settingResource[trustedMailDomainsModel, docspace.TrustedMailDomains]{spec: settingSpec[trustedMailDomainsModel, docspace.TrustedMailDomains]{
		name: "trusted_mail_domains",
		description: "Who may join the portal on their own by email address: nobody (`none`), addresses of the listed " +
			"`domains` (`custom`) or anyone (`all`)." + settingResetDescription + " (`none`, joiners as users).",
		attributes: map[string]schema.Attribute{
			"mode": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString("none"),
				Validators:  []validator.String{stringvalidator.OneOf(mailDomainModes...)},
				Description: "`none`, `custom` (the domains) or `all`. Default `none`."},
			"domains": schema.SetAttribute{Optional: true, Computed: true, ElementType: types.StringType,
				Default: setdefault.StaticValue(types.SetValueMust(types.StringType, nil)),
				Validators: []validator.Set{setvalidator.ValueStringsAre(stringvalidator.LengthBetween(3, 255), stringvalidator.RegexMatches(mailDomainRE,
					"must be a lower-case domain such as example.com: no wildcard, no @"))},
				Description: "Domains whose addresses may join, with `mode = \"custom\"` (at least one). With another mode DocSpace keeps its stored list unused; the provider ignores it."},
			"join_as_users": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(true),
				Description: "People who join become users (true) or room admins (false; a paid seat each). DocSpace never reports it, so drift cannot show. Default true."},
		},
		read:  (*docspace.Client).TrustedMailDomains,
		write: (*docspace.Client).SetTrustedMailDomains,
		reset: func(c *docspace.Client, ctx context.Context) error {
			return c.SetTrustedMailDomains(ctx, docspace.TrustedMailDomains{InviteAsUsers: true})
		},
		toModel: func(s docspace.TrustedMailDomains, known *trustedMailDomainsModel) trustedMailDomainsModel {
			mode := "type_" + strconv.Itoa(s.Type) // a type this provider does not know shows as drift
			if s.Type >= 0 && s.Type < len(mailDomainModes) {
				mode = mailDomainModes[s.Type]
			}
			m := trustedMailDomainsModel{ID: types.StringValue(settingID), Mode: types.StringValue(mode),
				Domains: stringSet(s.Domains), InviteAsUsers: types.BoolValue(true)}
			if known != nil {
				m.InviteAsUsers = known.InviteAsUsers // never reported
				if s.Type != 1 {
					m.Domains = known.Domains // kept by DocSpace but unused
				}
			} else if s.Type != 1 {
				m.Domains = stringSet(nil)
			}
			return m
		},
		fromModel: func(ctx context.Context, m trustedMailDomainsModel) (docspace.TrustedMailDomains, diag.Diagnostics) {
			s := docspace.TrustedMailDomains{Type: slices.Index(mailDomainModes, m.Mode.ValueString()), InviteAsUsers: m.InviteAsUsers.ValueBool()}
			diags := m.Domains.ElementsAs(ctx, &s.Domains, false)
			slices.Sort(s.Domains)
			if s.Domains == nil {
				s.Domains = []string{}
			}
			return s, diags
		},
		equal: func(a, b docspace.TrustedMailDomains) bool {
			sameDomains := a.Type != 1 || slices.Equal(sorted(a.Domains), sorted(b.Domains))
			return a.Type == b.Type && sameDomains && a.InviteAsUsers == b.InviteAsUsers
		},
		validate: func(_ context.Context, s docspace.TrustedMailDomains, diags *diag.Diagnostics) {
			if s.Type == 1 && len(s.Domains) == 0 {
				diags.AddAttributeError(path.Root("domains"), "Trusted domains needed",
					"mode = \"custom\" lets addresses of the listed domains join, and the list is empty; DocSpace refuses that. Add domains, or set mode = \"none\".")
			}
		},
	}}
}

func sorted(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}
