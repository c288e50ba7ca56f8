package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

var _ action.ActionWithConfigure = (*smtpTestAction)(nil)

func newSMTPTestAction() action.Action { return &smtpTestAction{} }

// smtpTestAction sends DocSpace's test message with the stored SMTP settings and reports
// each step; a message the server refused fails the action with the server's words.
type smtpTestAction struct {
	data *providerData
}

type smtpTestActionModel struct {
	PollInterval types.String `tfsdk:"poll_interval"`
}

func (a *smtpTestAction) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_smtp_test"
}

func (a *smtpTestAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Sends DocSpace's test message through the portal's SMTP settings to the e-mail address of the API key's user, " +
			"reporting each step (connect, authenticate, send); fails with the mail server's answer when it refuses. Run it after " +
			"`docspace_smtp_settings` changes (`action_trigger` with `after_create` and `after_update`). DocSpace allows 5 tests per " +
			"user in 15 minutes. Needs Terraform 1.14 or later.",
		Attributes: map[string]schema.Attribute{
			"poll_interval": schema.StringAttribute{Description: "How often to ask for the test's progress, as a duration (`1s`, `5s`). Default `" + defaultPollIntervalText + "`.", Optional: true,
				Validators: []validator.String{durationValidator(100 * time.Millisecond)}},
		},
	}
}

func (a *smtpTestAction) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	a.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (a *smtpTestAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var cfg smtpTestActionModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() || !requireClient(a.data, &resp.Diagnostics) {
		return
	}
	interval, diags := parsePollInterval(cfg.PollInterval)
	if resp.Diagnostics.Append(diags...); resp.Diagnostics.HasError() {
		return
	}
	client := a.data.client
	progress := progressEvents(resp)
	_, err := client.TestSMTP(ctx, interval, func(s docspace.SMTPTestStatus) {
		progress(fmt.Sprintf("SMTP test: %d%% %s", s.Percents, s.Status))
	})
	switch {
	case err != nil:
		resp.Diagnostics.Append(apiErrorDiagnostic(client.PortalURL(), "sending the SMTP test message", err))
	default:
		progress("SMTP test: the test message was sent")
	}
}
