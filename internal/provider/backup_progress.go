package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// The shared engines (runPurge, runBackup) report their steps as plain sentences to a
// progress sink: resources log them, actions send them to the CLI as progress events.

// logProgress sends each step to the provider log (TF_LOG=INFO shows it).
func logProgress(ctx context.Context) func(string) {
	return func(msg string) { tflog.Info(ctx, msg) }
}

// progressEvents sends each step to Terraform as a progress event, which the CLI prints.
func progressEvents(resp *action.InvokeResponse) func(string) {
	return func(msg string) { resp.SendProgress(action.InvokeProgressEvent{Message: msg}) }
}
