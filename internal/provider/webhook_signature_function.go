package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/function"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

var _ function.Function = (*webhookSignatureFunction)(nil)

func newWebhookSignatureFunction() function.Function { return &webhookSignatureFunction{} }

// webhookSignatureFunction computes the signature header DocSpace sends with a webhook
// delivery, so receivers, `check` blocks and `terraform test` can verify one.
type webhookSignatureFunction struct{}

func (f *webhookSignatureFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "webhook_signature"
}

func (f *webhookSignatureFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "The x-docspace-signature-256 header of a webhook delivery",
		MarkdownDescription: "Returns the exact value DocSpace sends in the `x-docspace-signature-256` header of a webhook " +
			"delivery: `sha256=` and the upper-case hex HMAC-SHA256 of the body, keyed with the webhook's secret. A receiver " +
			"accepts a delivery when its header equals this value for the raw body it got. Pass the secret from a sensitive " +
			"variable: the result is then sensitive too.",
		Parameters: []function.Parameter{
			function.StringParameter{Name: "secret", MarkdownDescription: "The webhook's secret (`secret_wo` or `secret` of `docspace_webhook`)."},
			function.StringParameter{Name: "body", MarkdownDescription: "The delivery's body exactly as received (JSON text)."},
		},
		Return: function.StringReturn{},
	}
}

func (f *webhookSignatureFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var secret, body string
	resp.Error = function.ConcatFuncErrors(resp.Error, req.Arguments.Get(ctx, &secret, &body))
	if resp.Error != nil {
		return
	}
	if secret == "" {
		resp.Error = function.NewArgumentFuncError(0, "secret is empty: DocSpace signs deliveries with the webhook's secret, so give the one the webhook was created with.")
		return
	}
	resp.Error = function.ConcatFuncErrors(resp.Error, resp.Result.Set(ctx, docspace.WebhookSignature(secret, []byte(body))))
}
