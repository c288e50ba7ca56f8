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

type loginSettingsModel struct {
	ID            types.String `tfsdk:"id"`
	AttemptCount  types.Int64  `tfsdk:"attempt_count"`
	BlockSeconds  types.Int64  `tfsdk:"block_seconds"`
	PeriodSeconds types.Int64  `tfsdk:"check_period_seconds"`
}

func newLoginSettingsResource() resource.Resource {
	oneTo9999 := []validator.Int64{int64validator.Between(1, 9999)}
	return &settingResource[loginSettingsModel, docspace.LoginSettings]{spec: settingSpec[loginSettingsModel, docspace.LoginSettings]{
		name: "login_settings",
		description: "Brute-force protection of sign-ins: after `attempt_count` failures within `check_period_seconds`, " +
			"that login from that address is blocked for `block_seconds` (other accounts are not affected)." +
			settingResetDescription + " (5 attempts, 60 seconds, 60 seconds).",
		attributes: map[string]schema.Attribute{
			"attempt_count": schema.Int64Attribute{Optional: true, Computed: true, Default: int64default.StaticInt64(5), Validators: oneTo9999,
				Description: "Failed sign-ins allowed within the check period, 1 to 9999. Default 5."},
			"block_seconds": schema.Int64Attribute{Optional: true, Computed: true, Default: int64default.StaticInt64(60), Validators: oneTo9999,
				Description: "How long a blocked login stays blocked, in seconds (DocSpace's UI says minutes; the server applies seconds), 1 to 9999. Default 60."},
			"check_period_seconds": schema.Int64Attribute{Optional: true, Computed: true, Default: int64default.StaticInt64(60), Validators: oneTo9999,
				Description: "The window in which failures are counted, in seconds, 1 to 9999. Default 60."},
		},
		read:  (*docspace.Client).LoginSettings,
		write: (*docspace.Client).SetLoginSettings,
		reset: (*docspace.Client).ResetLoginSettings,
		toModel: func(s docspace.LoginSettings, _ *loginSettingsModel) loginSettingsModel {
			return loginSettingsModel{ID: types.StringValue(settingID), AttemptCount: types.Int64Value(int64(s.AttemptCount)),
				BlockSeconds: types.Int64Value(int64(s.BlockTime)), PeriodSeconds: types.Int64Value(int64(s.CheckPeriod))}
		},
		fromModel: func(_ context.Context, m loginSettingsModel) (docspace.LoginSettings, diag.Diagnostics) {
			return docspace.LoginSettings{AttemptCount: int(m.AttemptCount.ValueInt64()), BlockTime: int(m.BlockSeconds.ValueInt64()),
				CheckPeriod: int(m.PeriodSeconds.ValueInt64())}, nil
		},
	}}
}
