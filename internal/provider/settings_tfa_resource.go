package provider

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

type tfaSettingsModel struct {
	ID              types.String `tfsdk:"id"`
	Method          types.String `tfsdk:"method"`
	TrustedIPs      types.Set    `tfsdk:"trusted_ips"`
	MandatoryUsers  types.Set    `tfsdk:"mandatory_users"`
	MandatoryGroups types.Set    `tfsdk:"mandatory_groups"`
}

// logoutWarning is why a write of two-factor or session settings deserves a warning.
const logoutWarning = "DocSpace logs out every session of the portal when this is saved: everyone, the person running " +
	"Terraform included, signs in again. API keys keep working, so this provider is not affected. Apply it when that suits your users."

func newTFASettingsResource() resource.Resource {
	emptySet := setdefault.StaticValue(types.SetValueMust(types.StringType, nil))
	return &settingResource[tfaSettingsModel, docspace.TFASettings]{spec: settingSpec[tfaSettingsModel, docspace.TFASettings]{
		name: "tfa_settings",
		description: "Two-factor authentication for the portal: `app` (an authenticator app) or `none` (SMS needs an SMS " +
			"provider on the portal). Turning it on, or changing who must use it, logs every session out (the plan warns); API " +
			"keys keep working. The provider never sends it when nothing changed." + settingResetDescription + " (`none`).",
		attributes: map[string]schema.Attribute{
			"method": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString("none"),
				Validators:  []validator.String{stringvalidator.OneOf("none", "app", "sms")},
				Description: "`app`, `sms` (only where the portal has an SMS provider) or `none`. Default `none`."},
			"trusted_ips": schema.SetAttribute{Optional: true, Computed: true, Default: emptySet, ElementType: types.StringType,
				Description: "Addresses or ranges from which users who are not mandatory skip the second factor. DocSpace does not check them: a wrong entry breaks sign-ins later."},
			"mandatory_users": schema.SetAttribute{Optional: true, Computed: true, Default: emptySet, ElementType: types.StringType,
				Validators:  []validator.Set{setvalidator.ValueStringsAre(subjectIDValidators()...)},
				Description: "Ids of users who must use the second factor even from trusted addresses. Only the Owner's key may list the Owner."},
			"mandatory_groups": schema.SetAttribute{Optional: true, Computed: true, Default: emptySet, ElementType: types.StringType,
				Validators:  []validator.Set{setvalidator.ValueStringsAre(subjectIDValidators()...)},
				Description: "Ids of groups whose members must use the second factor."},
		},
		read:  (*docspace.Client).TFASettings,
		write: (*docspace.Client).SetTFASettings,
		reset: func(c *docspace.Client, ctx context.Context) error {
			current, err := c.TFASettings(ctx)
			if err != nil || current.Method == "none" {
				return err
			}
			return c.SetTFASettings(ctx, docspace.TFASettings{Method: "none"})
		},
		toModel: func(s docspace.TFASettings, _ *tfaSettingsModel) tfaSettingsModel {
			return tfaSettingsModel{ID: types.StringValue(settingID), Method: types.StringValue(s.Method),
				TrustedIPs: stringSet(s.TrustedIPs), MandatoryUsers: stringSet(s.MandatoryUsers), MandatoryGroups: stringSet(s.MandatoryGroups)}
		},
		fromModel: func(ctx context.Context, m tfaSettingsModel) (docspace.TFASettings, diag.Diagnostics) {
			s := docspace.TFASettings{Method: m.Method.ValueString()}
			var diags diag.Diagnostics
			diags.Append(m.TrustedIPs.ElementsAs(ctx, &s.TrustedIPs, false)...)
			diags.Append(m.MandatoryUsers.ElementsAs(ctx, &s.MandatoryUsers, false)...)
			diags.Append(m.MandatoryGroups.ElementsAs(ctx, &s.MandatoryGroups, false)...)
			for _, list := range []*[]string{&s.TrustedIPs, &s.MandatoryUsers, &s.MandatoryGroups} {
				*list = lowerAll(*list)
				slices.Sort(*list)
			}
			return s, diags
		},
		equal: func(a, b docspace.TFASettings) bool {
			norm := func(l []string) []string { l = lowerAll(l); slices.Sort(l); return l }
			return a.Method == b.Method && slices.Equal(norm(a.TrustedIPs), norm(b.TrustedIPs)) &&
				slices.Equal(norm(a.MandatoryUsers), norm(b.MandatoryUsers)) && slices.Equal(norm(a.MandatoryGroups), norm(b.MandatoryGroups))
		},
		validate: func(_ context.Context, s docspace.TFASettings, diags *diag.Diagnostics) {
			if s.Method == "none" && len(s.TrustedIPs)+len(s.MandatoryUsers)+len(s.MandatoryGroups) > 0 {
				diags.AddAttributeError(path.Root("method"), "Two-factor lists need a method",
					"trusted_ips, mandatory_users and mandatory_groups apply only while two-factor authentication is on; with method = \"none\" DocSpace drops them. Set method = \"app\", or remove the lists.")
			}
		},
		warning: func(_ *docspace.TFASettings, s docspace.TFASettings) string {
			if s.Method == "none" {
				return ""
			}
			return logoutWarning
		},
	}}
}
