package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

// purgeResult is what one purge observed.
type purgeResult struct {
	// remaining is the history length after the purge; -1 when not verified.
	remaining int
}

// runPurge is the one implementation of "purge the backup history": one DELETE and, with
// verify, one GET. progress receives human-readable steps (log lines for the resource,
// progress events for the action). It returns error diagnostics when the purge did not
// happen or could not be checked, and a warning when records remain.
func runPurge(ctx context.Context, client *docspace.Client, dump, verify bool, progress func(string)) (purgeResult, diag.Diagnostics) {
	var diags diag.Diagnostics
	scope := "backup history of " + client.PortalURL()
	if dump {
		scope = "server-wide (dump) backup history of " + client.PortalURL()
	}
	progress("purging " + scope)
	if err := client.DeleteBackupHistory(ctx, dump); err != nil {
		diags.Append(apiErrorDiagnostic(client.PortalURL(), "purging the backup history", dump, err))
		return purgeResult{remaining: -1}, diags
	}
	if !verify {
		progress("done: purge accepted (not verified)")
		return purgeResult{remaining: -1}, diags
	}
	left, err := client.BackupHistory(ctx, dump)
	if err != nil {
		summary, detail := describeAPIError(client.PortalURL(), "reading the backup history to verify the purge", dump, err)
		diags.AddError(summary, "The purge request itself was accepted. "+detail+
			" Nothing is recorded in state, so the next apply purges (harmlessly) again and re-checks.")
		return purgeResult{remaining: -1}, diags
	}
	progress(fmt.Sprintf("done: %d backups remain", len(left)))
	if len(left) > 0 {
		diags.AddWarning(fmt.Sprintf("%d backups remain after the purge", len(left)), remainingDetail(left))
	}
	return purgeResult{remaining: len(left)}, diags
}

// remainingDetail names up to five remaining records, so an operator can find them.
func remainingDetail(left []docspace.BackupRecord) string {
	const shown = 5
	var b strings.Builder
	b.WriteString("DocSpace accepted the purge but still lists these backups (it answers true even when it cannot delete an archive, for example when its storage is unreachable):\n")
	for i, r := range sortedNewestFirst(left) {
		if i == shown {
			fmt.Fprintf(&b, "  … and %d more\n", len(left)-shown)
			break
		}
		fmt.Fprintf(&b, "  - %s (%s, %s, created %s)\n", r.ID, r.FileName, r.StorageType, r.CreatedOn.Format("2006-01-02T15:04:05Z07:00"))
	}
	b.WriteString("Check the backup storage the portal uses, then purge again (terraform apply -replace=<this resource>).")
	return b.String()
}

// logProgress adapts runPurge's progress to the provider log.
func logProgress(ctx context.Context) func(string) {
	return func(msg string) { tflog.Info(ctx, msg) }
}
