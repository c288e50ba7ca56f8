package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

type sessionLifetimeModel struct {
	ID      types.String `tfsdk:"id"`
	Enabled types.Bool   `tfsdk:"enabled"`
	Minutes types.Int64  `tfsdk:"lifetime_minutes"`
}

func newSessionLifetimeResource() resource.Resource {
	return &settingResource[sessionLifetimeModel, docspace.SessionLifetime]{spec: settingSpec[sessionLifetimeModel, docspace.SessionLifetime]{
		name: "session_lifetime",
		description: "How long a sign-in lasts. Saving it enabled logs every session out (the plan warns); API keys keep " +
			"working. The provider never sends it when nothing changed." + settingResetDescription + " (off: sign-ins last a year; 1440 minutes stored).",
		attributes: map[string]schema.Attribute{
			"enabled": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				Description: "Limit sign-ins to lifetime_minutes. Default false."},
			"lifetime_minutes": schema.Int64Attribute{Optional: true, Computed: true, Default: int64default.StaticInt64(1440),
				Validators:  []validator.Int64{int64validator.Between(1, 9999)},
				Description: "Minutes a sign-in lasts while enabled, 1 to 9999 (DocSpace would silently cut a larger value to 9999). Default 1440."},
		},
		read:  (*docspace.Client).SessionLifetime,
		write: (*docspace.Client).SetSessionLifetime,
		reset: func(c *docspace.Client, ctx context.Context) error {
			current, err := c.SessionLifetime(ctx)
			if err != nil || *current == docspace.DefaultSessionLifetime {
				return err
			}
			return c.SetSessionLifetime(ctx, docspace.DefaultSessionLifetime)
		},
		toModel: func(s docspace.SessionLifetime, _ *sessionLifetimeModel) sessionLifetimeModel {
			return sessionLifetimeModel{ID: types.StringValue(settingID), Enabled: types.BoolValue(s.Enabled), Minutes: types.Int64Value(int64(s.LifeTime))}
		},
		fromModel: func(_ context.Context, m sessionLifetimeModel) (docspace.SessionLifetime, diag.Diagnostics) {
			return docspace.SessionLifetime{Enabled: m.Enabled.ValueBool(), LifeTime: int(m.Minutes.ValueInt64())}, nil
		},
		warning: func(_ *docspace.SessionLifetime, s docspace.SessionLifetime) string {
			if !s.Enabled {
				return ""
			}
			return logoutWarning
		},
	}}
}
