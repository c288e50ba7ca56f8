package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

var _ action.ActionWithConfigure = (*smtpTestAction)(nil)

func newSMTPTestAction() action.Action { return &smtpTestAction{} }

// smtpTestAction sends DocSpace's test message with the stored SMTP settings and reports
// each step; a message the server refused fails the action with the server's words.
type smtpTestAction struct {
	data *providerData
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
			"poll_interval": pollIntervalActionAttribute("test"),
		},
	}
}

func (a *smtpTestAction) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	a.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (a *smtpTestAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	interval, ok := readPollOnlyConfig(ctx, a.data, req, resp)
	if !ok {
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
