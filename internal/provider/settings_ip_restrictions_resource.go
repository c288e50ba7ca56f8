package provider

import (
	"context"
	"fmt"
	"net"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setdefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

type ipRestrictionsModel struct {
	ID        types.String `tfsdk:"id"`
	Enabled   types.Bool   `tfsdk:"enabled"`
	Addresses types.Set    `tfsdk:"addresses"`
}

type ipAddressEntry struct {
	IP         types.String `tfsdk:"ip"`
	AdminsOnly types.Bool   `tfsdk:"admins_only"`
}

var ipAddressEntryType = types.ObjectType{AttrTypes: map[string]attr.Type{"ip": types.StringType, "admins_only": types.BoolType}}

// singleIPValidator refuses ranges and CIDR blocks, which DocSpace refuses.
func singleIPValidator() validator.String {
	return stringCheck{
		description: "must be a single IPv4 or IPv6 address",
		summary:     "Invalid IP address",
		check: func(s string) error {
			if net.ParseIP(s) == nil {
				return fmt.Errorf("%q is not a single IP address: DocSpace takes one address per entry, no ranges (a-b) or CIDR blocks (x/n); list each address", s)
			}
			return nil
		},
	}
}

func newIPRestrictionsResource() resource.Resource {
	return &settingResource[ipRestrictionsModel, docspace.IPRestrictions]{spec: settingSpec[ipRestrictionsModel, docspace.IPRestrictions]{
		name: "ip_restrictions",
		description: "Which IP addresses may use the portal. While enabled, requests from other addresses are refused " +
			"(HTTP 403) for everyone but the Owner, this provider's API key included: list the address Terraform runs from, " +
			"or use the Owner's key." + settingResetDescription + " (no restriction, empty list).",
		attributes: map[string]schema.Attribute{
			"enabled": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				Description: "Enforce the list. Needs at least one address. Default false."},
			"addresses": schema.SetNestedAttribute{
				Optional: true, Computed: true, Default: setdefault.StaticValue(types.SetValueMust(ipAddressEntryType, nil)),
				Description: "Allowed addresses (DocSpace gives every entry a new id on each save; the provider compares addresses only).",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"ip": schema.StringAttribute{Required: true, Validators: []validator.String{singleIPValidator()},
						Description: "One IPv4 or IPv6 address (no ranges or CIDR blocks)."},
					"admins_only": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false),
						Description: "The address admits DocSpace admins only. Default false."},
				}},
			},
		},
		read:  (*docspace.Client).IPRestrictions,
		write: (*docspace.Client).SetIPRestrictions,
		reset: func(c *docspace.Client, ctx context.Context) error {
			return c.SetIPRestrictions(ctx, docspace.IPRestrictions{})
		},
		toModel: func(s docspace.IPRestrictions, _ *ipRestrictionsModel) ipRestrictionsModel {
			entries := make([]ipAddressEntry, 0, len(s.Entries))
			for _, e := range s.Entries {
				entries = append(entries, ipAddressEntry{IP: types.StringValue(e.IP), AdminsOnly: types.BoolValue(e.ForAdmin)})
			}
			set, _ := types.SetValueFrom(context.Background(), ipAddressEntryType, entries)
			return ipRestrictionsModel{ID: types.StringValue(settingID), Enabled: types.BoolValue(s.Enabled), Addresses: set}
		},
		fromModel: func(ctx context.Context, m ipRestrictionsModel) (docspace.IPRestrictions, diag.Diagnostics) {
			var entries []ipAddressEntry
			diags := m.Addresses.ElementsAs(ctx, &entries, false)
			out := docspace.IPRestrictions{Enabled: m.Enabled.ValueBool(), Entries: []docspace.IPRestriction{}}
			for _, e := range entries {
				out.Entries = append(out.Entries, docspace.IPRestriction{IP: e.IP.ValueString(), ForAdmin: e.AdminsOnly.ValueBool()})
			}
			return out, diags
		},
		equal: func(a, b docspace.IPRestrictions) bool {
			return a.Enabled == b.Enabled && slices.Equal(sortedIPs(a.Entries), sortedIPs(b.Entries))
		},
		validate: func(_ context.Context, s docspace.IPRestrictions, diags *diag.Diagnostics) {
			if s.Enabled && len(s.Entries) == 0 {
				diags.AddAttributeError(path.Root("addresses"), "IP restrictions need an address",
					"enabled = true with no addresses would lock everyone out; DocSpace refuses it. Add the addresses that may use the portal, or set enabled = false.")
			}
		},
		warning: func(_ *docspace.IPRestrictions, s docspace.IPRestrictions) string {
			if !s.Enabled {
				return ""
			}
			return "Once IP restrictions are on, only the listed addresses reach the portal (the Owner excepted). If the address this " +
				"provider calls from is not listed, later calls with a key other than the Owner's fail with HTTP 403."
		},
	}}
}

func sortedIPs(entries []docspace.IPRestriction) []string {
	out := make([]string, len(entries))
	for i, e := range entries {
		out[i] = fmt.Sprintf("%s/%v", strings.ToLower(e.IP), e.ForAdmin)
	}
	slices.Sort(out)
	return out
}
