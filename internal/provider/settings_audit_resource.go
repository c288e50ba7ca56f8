package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

type auditSettingsModel struct {
	ID               types.String `tfsdk:"id"`
	LoginHistoryDays types.Int64  `tfsdk:"login_history_days"`
	AuditTrailDays   types.Int64  `tfsdk:"audit_trail_days"`
}

func newAuditSettingsResource() resource.Resource {
	days := []validator.Int64{int64validator.Between(1, 180)}
	return &settingResource[auditSettingsModel, docspace.AuditLifetime]{spec: settingSpec[auditSettingsModel, docspace.AuditLifetime]{
		name: "audit_settings",
		description: "How long the portal keeps its login history and audit trail. On DocSpace Cloud changing it needs a plan " +
			"with the audit trail (the free plan answers HTTP 402); self-hosted servers always have it." + settingResetDescription + " (180 days each).",
		attributes: map[string]schema.Attribute{
			"login_history_days": schema.Int64Attribute{Optional: true, Computed: true, Default: int64default.StaticInt64(180), Validators: days,
				Description: "Days sign-ins are kept, 1 to 180. Default 180."},
			"audit_trail_days": schema.Int64Attribute{Optional: true, Computed: true, Default: int64default.StaticInt64(180), Validators: days,
				Description: "Days audit events are kept, 1 to 180. Default 180."},
		},
		read:  (*docspace.Client).AuditLifetime,
		write: (*docspace.Client).SetAuditLifetime,
		reset: func(c *docspace.Client, ctx context.Context) error {
			current, err := c.AuditLifetime(ctx)
			if err != nil || *current == docspace.DefaultAuditLifetime {
				return err // nothing to restore: also what a free plan, which cannot write, needs
			}
			return c.SetAuditLifetime(ctx, docspace.DefaultAuditLifetime)
		},
		toModel: func(s docspace.AuditLifetime, _ *auditSettingsModel) auditSettingsModel {
			return auditSettingsModel{ID: types.StringValue(settingID), LoginHistoryDays: types.Int64Value(int64(s.LoginHistory)), AuditTrailDays: types.Int64Value(int64(s.AuditTrail))}
		},
		fromModel: func(_ context.Context, m auditSettingsModel) (docspace.AuditLifetime, diag.Diagnostics) {
			return docspace.AuditLifetime{LoginHistory: int(m.LoginHistoryDays.ValueInt64()), AuditTrail: int(m.AuditTrailDays.ValueInt64())}, nil
		},
	}}
}
