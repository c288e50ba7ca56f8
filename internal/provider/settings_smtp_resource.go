package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

// docspace_smtp_settings: the portal's own mail server. DocSpace never returns the
// password and replaces the whole setting on every save, so the password is write-only
// and sent with every save; password_wo_version tells Terraform when it changed.
// Not on the settings engine: the engine plans from state, and a write-only value exists
// only in the configuration.

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

type smtpSettingsResource struct {
	data *providerData
}

var (
	_ resource.ResourceWithConfigure        = (*smtpSettingsResource)(nil)
	_ resource.ResourceWithImportState      = (*smtpSettingsResource)(nil)
	_ resource.ResourceWithConfigValidators = (*smtpSettingsResource)(nil)
)

func newSMTPSettingsResource() resource.Resource { return &smtpSettingsResource{} }

func (r *smtpSettingsResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_smtp_settings"
}

func (r *smtpSettingsResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	text := func(required bool, description string) schema.StringAttribute {
		return schema.StringAttribute{Required: required, Optional: !required, Description: description,
			Validators: []validator.String{stringvalidator.LengthBetween(1, 255)}}
	}
	resp.Schema = schema.Schema{
		Description: "The mail server the portal sends its e-mail through (invitations, notifications, password resets), instead of " +
			"DocSpace's own mail service. DocSpace never returns the password: it is write-only (Terraform 1.11+, OpenTofu 1.11+) " +
			"and sent with every save. Destroy goes back to DocSpace's own mail service. Check the settings with the action " +
			"`docspace_smtp_test`. Import with `portal`.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{Computed: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
				Description: settingIDDescription},
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
	}
}

func (r *smtpSettingsResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{resourcevalidator.RequiredTogether(path.MatchRoot("username"), path.MatchRoot("password_wo"))}
}

func (r *smtpSettingsResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (m smtpSettingsModel) settings(password string) docspace.SMTPSettings {
	return docspace.SMTPSettings{Host: m.Host.ValueString(), Port: int(m.Port.ValueInt64()), SenderAddress: m.SenderAddress.ValueString(),
		SenderDisplayName: m.SenderDisplayName.ValueString(), EnableSSL: m.EnableSSL.ValueBool(), UserName: m.Username.ValueString(), Password: password}
}

// smtpState maps the portal's settings onto the model; known keeps the version number.
func smtpState(s *docspace.SMTPSettings, known smtpSettingsModel) smtpSettingsModel {
	return smtpSettingsModel{ID: types.StringValue(settingID), Host: types.StringValue(s.Host), Port: types.Int64Value(int64(s.Port)),
		SenderAddress: types.StringValue(s.SenderAddress), SenderDisplayName: types.StringValue(s.SenderDisplayName),
		EnableSSL: types.BoolValue(s.EnableSSL), Username: nullIfEmpty(s.UserName), PasswordWO: types.StringNull(),
		PasswordWOVersion: known.PasswordWOVersion}
}

func (r *smtpSettingsResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.save(ctx, req.Plan, req.Config, &resp.State, &resp.Diagnostics)
}

func (r *smtpSettingsResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.save(ctx, req.Plan, req.Config, &resp.State, &resp.Diagnostics)
}

// save sends the whole setting with the password from the configuration, then reads it back.
func (r *smtpSettingsResource) save(ctx context.Context, plan, config planGetter, state stateSetter, diags *diag.Diagnostics) {
	var planned, cfg smtpSettingsModel
	diags.Append(plan.Get(ctx, &planned)...)
	diags.Append(config.Get(ctx, &cfg)...)
	if diags.HasError() || !requireClient(r.data, diags) {
		return
	}
	client := r.data.client
	if err := client.SetSMTPSettings(ctx, planned.settings(cfg.PasswordWO.ValueString())); err != nil {
		diags.Append(apiErrorDiagnostic(client.PortalURL(), "saving the SMTP settings", err))
		return
	}
	s, err := client.SMTPSettings(ctx)
	if err != nil {
		diags.Append(apiErrorDiagnostic(client.PortalURL(), "reading the SMTP settings back", err))
		return
	}
	stored := smtpState(s, planned)
	planned.ID, planned.PasswordWO = stored.ID, types.StringNull()
	if diags.Append(verifyStored("SMTP settings", planned, stored)...); diags.HasError() {
		return
	}
	diags.Append(state.Set(ctx, stored)...)
}

func (r *smtpSettingsResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state smtpSettingsModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	s, err := r.data.client.SMTPSettings(ctx)
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(r.data.client.PortalURL(), "reading the SMTP settings", err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, smtpState(s, state))...)
}

// Delete goes back to DocSpace's own mail service.
func (r *smtpSettingsResource) Delete(ctx context.Context, _ resource.DeleteRequest, resp *resource.DeleteResponse) {
	if !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	if err := r.data.client.ResetSMTPSettings(ctx); err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(r.data.client.PortalURL(), "restoring the default SMTP settings", err))
	}
}

func (r *smtpSettingsResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if req.ID != settingID {
		resp.Diagnostics.AddError("Invalid import id for docspace_smtp_settings",
			fmt.Sprintf("Got %q. A portal has one SMTP setting: import it with the id %q.", req.ID, settingID))
		return
	}
	if !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	s, err := r.data.client.SMTPSettings(ctx)
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(r.data.client.PortalURL(), "importing the SMTP settings", err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, smtpState(s, smtpSettingsModel{PasswordWOVersion: types.Int64Null()}))...)
}
