package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

// docspace_smtp_settings: the portal's own mail server, a settings singleton whose password
// is write-only (DocSpace never returns it, and replaces the whole setting on every save);
// password_wo_version tells Terraform when it changed.

type smtpSettingsModel struct {
	ID                types.String `tfsdk:"id"`
	Host              types.String `tfsdk:"host"`
	Port              types.Int64  `tfsdk:"port"`
	SenderAddress     types.String `tfsdk:"sender_address"`
	SenderDisplayName types.String `tfsdk:"sender_display_name"`
	EnableSSL         types.Bool   `tfsdk:"enable_ssl"`
	Username          types.String `tfsdk:"username"`
	PasswordWO        types.String `tfsdk:"password_wo"`
	PasswordWOVersion types.Int64  `tfsdk:"password_wo_version"`
}

func newSMTPSettingsResource() resource.Resource {
	text := func(required bool, description string) schema.StringAttribute {
		return schema.StringAttribute{Required: required, Optional: !required, Description: description,
			Validators: []validator.String{stringvalidator.LengthBetween(1, 255)}}
	}
	return &settingResource[smtpSettingsModel, docspace.SMTPSettings]{spec: settingSpec[smtpSettingsModel, docspace.SMTPSettings]{
		name: "smtp_settings",
		description: "The mail server the portal sends its e-mail through (invitations, notifications, password resets), instead of " +
			"DocSpace's own mail service. DocSpace never returns the password: it is write-only (Terraform 1.11+, OpenTofu 1.11+) " +
			"and sent with every save, since DocSpace replaces the whole setting. Destroy goes back to DocSpace's own mail service. " +
			"Check the settings with the action `docspace_smtp_test`. Import with `portal`.",
		attributes: map[string]schema.Attribute{
			"host": text(true, "The SMTP server's host name."),
			"port": schema.Int64Attribute{Optional: true, Computed: true, Default: int64default.StaticInt64(25),
				Validators: []validator.Int64{int64validator.Between(1, 65535)}, Description: "The SMTP server's port, 1 to 65535. Default 25."},
			"sender_address": text(true, "The From address of the portal's e-mail (DocSpace does not check its form)."),
			"sender_display_name": schema.StringAttribute{Optional: true, Computed: true, Default: stringdefault.StaticString(""),
				Validators: []validator.String{stringvalidator.LengthAtMost(255)}, Description: "The From name. Default empty."},
			"enable_ssl": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				Description: "Use TLS (DocSpace picks implicit TLS or STARTTLS by the server). Default false."},
			"username": text(false, "The login for the SMTP server; with it, `password_wo` is required. Unset: no authentication."),
			"password_wo": schema.StringAttribute{Optional: true, Sensitive: true, WriteOnly: true,
				Description: "The SMTP password (write-only: never in plan or state). Sent with every save, so keep it in the " +
					"configuration (from a secret store or an ephemeral value) for as long as `username` is set."},
			"password_wo_version": schema.Int64Attribute{Optional: true,
				Description: "Change this number when the password changes: Terraform cannot see a write-only value change, so this is what makes it save again."},
		},
		read:  (*docspace.Client).SMTPSettings,
		write: (*docspace.Client).SetSMTPSettings,
		reset: (*docspace.Client).ResetSMTPSettings,
		toModel: func(s docspace.SMTPSettings, known *smtpSettingsModel) smtpSettingsModel {
			m := smtpSettingsModel{ID: types.StringValue(settingID), Host: types.StringValue(s.Host), Port: types.Int64Value(int64(s.Port)),
				SenderAddress: types.StringValue(s.SenderAddress), SenderDisplayName: types.StringValue(s.SenderDisplayName),
				EnableSSL: types.BoolValue(s.EnableSSL), Username: nullIfEmpty(s.UserName), PasswordWO: types.StringNull(), PasswordWOVersion: types.Int64Null()}
			if known != nil {
				m.PasswordWOVersion = known.PasswordWOVersion
			}
			return m
		},
		fromModel: func(_ context.Context, m smtpSettingsModel) (docspace.SMTPSettings, diag.Diagnostics) {
			return docspace.SMTPSettings{Host: m.Host.ValueString(), Port: int(m.Port.ValueInt64()), SenderAddress: m.SenderAddress.ValueString(),
				SenderDisplayName: m.SenderDisplayName.ValueString(), EnableSSL: m.EnableSSL.ValueBool(), UserName: m.Username.ValueString()}, nil
		},
		secret:           "password_wo",
		withSecret:       func(s docspace.SMTPSettings, password string) docspace.SMTPSettings { s.Password = password; return s },
		configValidators: []resource.ConfigValidator{resourcevalidator.RequiredTogether(path.MatchRoot("username"), path.MatchRoot("password_wo"))},
	}}
}
