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

type passwordPolicyModel struct {
	ID                types.String `tfsdk:"id"`
	MinLength         types.Int64  `tfsdk:"min_length"`
	UpperCase         types.Bool   `tfsdk:"upper_case"`
	Digits            types.Bool   `tfsdk:"digits"`
	SpecialCharacters types.Bool   `tfsdk:"special_characters"`
}

func newPasswordPolicyResource() resource.Resource {
	return &settingResource[passwordPolicyModel, docspace.PasswordPolicy]{spec: settingSpec[passwordPolicyModel, docspace.PasswordPolicy]{
		name: "password_policy",
		description: "The portal's password policy: what new passwords (and webhook secrets) must look like. Existing " +
			"passwords are not checked again." + settingResetDescription + " (at least 8 characters, nothing else required).",
		attributes: map[string]schema.Attribute{
			"min_length": schema.Int64Attribute{Optional: true, Computed: true, Default: int64default.StaticInt64(8),
				Validators:  []validator.Int64{int64validator.Between(8, 30)},
				Description: "Shortest password, 8 to 30 characters. Default 8."},
			"upper_case":         schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false), Description: "Require a capital letter. Default false."},
			"digits":             schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false), Description: "Require a digit. Default false."},
			"special_characters": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false), Description: "Require a special character. Default false."},
		},
		read:  (*docspace.Client).PasswordPolicy,
		write: (*docspace.Client).SetPasswordPolicy,
		reset: func(c *docspace.Client, ctx context.Context) error {
			return c.SetPasswordPolicy(ctx, docspace.DefaultPasswordPolicy)
		},
		toModel: func(s docspace.PasswordPolicy, _ *passwordPolicyModel) passwordPolicyModel {
			return passwordPolicyModel{ID: types.StringValue(settingID), MinLength: types.Int64Value(int64(s.MinLength)),
				UpperCase: types.BoolValue(s.UpperCase), Digits: types.BoolValue(s.Digits), SpecialCharacters: types.BoolValue(s.SpecSymbols)}
		},
		fromModel: func(_ context.Context, m passwordPolicyModel) (docspace.PasswordPolicy, diag.Diagnostics) {
			return docspace.PasswordPolicy{MinLength: int(m.MinLength.ValueInt64()), UpperCase: m.UpperCase.ValueBool(),
				Digits: m.Digits.ValueBool(), SpecSymbols: m.SpecialCharacters.ValueBool()}, nil
		},
	}}
}
