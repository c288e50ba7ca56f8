package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

type brandingModel struct {
	ID       types.String `tfsdk:"id"`
	LogoText types.String `tfsdk:"logo_text"`
}

func newBrandingResource() resource.Resource {
	return &settingResource[brandingModel, docspace.Branding]{spec: settingSpec[brandingModel, docspace.Branding]{
		name: "branding",
		description: "The portal's branding (white label): the logo text DocSpace shows in place of its own name. A self-hosted " +
			"server always allows it; DocSpace Cloud only on a plan with white labelling: on another plan, plan warns and apply " +
			"refuses before changing anything. Logos are images and stay in DocSpace's Branding settings page." +
			settingResetDescription + " (`ONLYOFFICE`).",
		attributes: map[string]schema.Attribute{
			"logo_text": schema.StringAttribute{Required: true, Validators: []validator.String{stringvalidator.LengthAtLeast(1)},
				Description: "The text shown in place of the product's name, such as your company's. To go back to DocSpace's default, destroy the resource."},
		},
		read:  (*docspace.Client).Branding,
		write: (*docspace.Client).SetBranding,
		reset: (*docspace.Client).ResetBranding,
		toModel: func(s docspace.Branding, _ *brandingModel) brandingModel {
			return brandingModel{ID: types.StringValue(settingID), LogoText: types.StringValue(s.LogoText)}
		},
		fromModel: func(_ context.Context, m brandingModel) (docspace.Branding, diag.Diagnostics) {
			return docspace.Branding{LogoText: m.LogoText.ValueString()}, nil
		},
		available: whiteLabelAvailable,
	}}
}

// whiteLabelAvailable refuses branding on a plan without white labelling, in words.
func whiteLabelAvailable(ctx context.Context, c *docspace.Client) diag.Diagnostics {
	var diags diag.Diagnostics
	ok, err := c.WhiteLabelAvailable(ctx)
	switch {
	case err != nil:
		diags.Append(apiErrorDiagnostic(c.PortalURL(), "checking whether the portal's plan includes branding", err))
	case !ok:
		diags.AddError("Branding is not part of this portal's plan",
			"The portal at "+c.PortalURL()+" does not allow white labelling: DocSpace Cloud includes it on plans with branding only "+
				"(a self-hosted server always has it). Upgrade the plan in DocSpace's Payments settings, or remove docspace_branding "+
				"from this portal's configuration.")
	}
	return diags
}
