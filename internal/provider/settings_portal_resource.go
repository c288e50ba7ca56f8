package provider

import (
	"context"
	"errors"
	"strings"
	"time"
	_ "time/tzdata" // time zones checked by IANA name on any machine

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

type portalSettingsModel struct {
	ID       types.String `tfsdk:"id"`
	Language types.String `tfsdk:"language"`
	TimeZone types.String `tfsdk:"time_zone"`
	Title    types.String `tfsdk:"title"`
}

func newPortalSettingsResource() resource.Resource {
	return &settingResource[portalSettingsModel, docspace.PortalSettings]{spec: settingSpec[portalSettingsModel, docspace.PortalSettings]{
		name: "portal_settings",
		description: "The portal's language, time zone and title (the name on its pages and in its e-mails). DocSpace would keep " +
			"the current language without a word when asked for one it does not offer, and take a time zone it does not know as " +
			"UTC: the provider refuses both instead." + settingResetDescription + " (`en-US`, `UTC`, DocSpace's default title).",
		attributes: map[string]schema.Attribute{
			"language": schema.StringAttribute{Required: true, Validators: []validator.String{stringvalidator.LengthBetween(2, 7)},
				Description: "The portal's language, a culture name the portal offers, such as `en-US`, `de` or `fr` (GET /api/2.0/settings/cultures lists them). Another one is refused at apply."},
			"time_zone": schema.StringAttribute{Required: true, Validators: []validator.String{timeZoneValidator()},
				Description: "The portal's time zone, an IANA name such as `Europe/Berlin` or `UTC`."},
			"title": schema.StringAttribute{Required: true, Validators: []validator.String{stringvalidator.LengthBetween(1, 255)},
				Description: "The portal's title, shown on its pages and in its e-mails."},
		},
		read:  (*docspace.Client).PortalSettings,
		write: (*docspace.Client).SetPortalSettings,
		reset: (*docspace.Client).ResetPortalSettings,
		toModel: func(s docspace.PortalSettings, known *portalSettingsModel) portalSettingsModel {
			m := portalSettingsModel{ID: types.StringValue(settingID), Language: types.StringValue(s.Language),
				TimeZone: types.StringValue(s.TimeZone), Title: types.StringValue(s.Title)}
			if known != nil && strings.EqualFold(known.Language.ValueString(), s.Language) {
				m.Language = known.Language // DocSpace stores the culture's own spelling
			}
			return m
		},
		fromModel: func(_ context.Context, m portalSettingsModel) (docspace.PortalSettings, diag.Diagnostics) {
			return docspace.PortalSettings{Language: m.Language.ValueString(), TimeZone: m.TimeZone.ValueString(), Title: m.Title.ValueString()}, nil
		},
		equal: func(a, b docspace.PortalSettings) bool {
			return strings.EqualFold(a.Language, b.Language) && a.TimeZone == b.TimeZone && a.Title == b.Title
		},
	}}
}

// timeZoneValidator checks an IANA time zone name.
func timeZoneValidator() validator.String {
	return stringCheck{
		description: "must be an IANA time zone name, such as Europe/Berlin or UTC",
		summary:     "Unknown time zone",
		check: func(s string) error {
			if s == "" || s == "Local" {
				return errors.New("an IANA time zone name such as Europe/Berlin or UTC is needed")
			}
			if _, err := time.LoadLocation(s); err != nil {
				return errors.New("time_zone " + s + " is not an IANA time zone name (such as Europe/Berlin or UTC); DocSpace would silently use UTC")
			}
			return nil
		},
	}
}
