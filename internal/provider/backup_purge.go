package provider

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

// purgeRequest says what to purge.
type purgeRequest struct {
	dump   bool
	verify bool
	// policy selects single backups to delete; nil purges the whole history with one call.
	policy      *docspace.RetentionPolicy
	concurrency int
}

// purgeResult is what one purge observed.
type purgeResult struct {
	// verified says the history was read after the purge; only then is remaining known.
	verified bool
	// remaining is the history length after the purge.
	remaining int
	// deleted lists the ids a retention purge deleted (nil for a whole-history purge).
	deleted []string
}

// runPurge is the one implementation of "purge the backup history", shared by the resource
// and the action. Without a policy: one DELETE deletebackuphistory and, with verify, one
// GET. With a policy: one GET, a DELETE per selected backup, and with verify one more GET.
// progress receives human-readable steps (log lines for the resource, progress events for
// the action). Errors mean the purge did not (fully) happen; a warning means DocSpace said
// yes but still lists backups it should have deleted.
func runPurge(ctx context.Context, client *docspace.Client, req purgeRequest, progress func(string)) (purgeResult, diag.Diagnostics) {
	if req.policy != nil {
		return runRetentionPurge(ctx, client, req, progress)
	}
	var diags diag.Diagnostics
	scope := "backup history of " + client.PortalURL()
	if req.dump {
		scope = "server-wide (dump) backup history of " + client.PortalURL()
	}
	progress("purging " + scope)
	if err := client.DeleteBackupHistory(ctx, req.dump); err != nil {
		diags.Append(backupErrorDiagnostic(client.PortalURL(), "purging the backup history", req.dump, err))
		return purgeResult{}, diags
	}
	if !req.verify {
		progress("done: purge accepted (not verified)")
		return purgeResult{}, diags
	}
	left, ok := readHistoryAfter(ctx, client, req.dump, &diags)
	if !ok {
		return purgeResult{}, diags
	}
	progress(fmt.Sprintf("done: %d backups remain", len(left)))
	if len(left) > 0 {
		diags.AddWarning(fmt.Sprintf("%d backups remain after the purge", len(left)),
			"DocSpace accepted the purge but still lists these backups (it answers true even when it cannot delete an archive, for example when its storage is unreachable):\n"+
				describeRecords(left)+"Check the backup storage the portal uses, then purge again (terraform apply -replace=<this resource>).")
	}
	return purgeResult{verified: true, remaining: len(left)}, diags
}

func runRetentionPurge(ctx context.Context, client *docspace.Client, req purgeRequest, progress func(string)) (purgeResult, diag.Diagnostics) {
	var diags diag.Diagnostics
	result := purgeResult{deleted: []string{}}
	portal := client.PortalURL()
	progress("reading the backup history of " + portal + " to apply the retention policy")
	records, err := client.BackupHistory(ctx, req.dump)
	if err != nil {
		diags.Append(backupErrorDiagnostic(portal, "reading the backup history", req.dump, err))
		return result, diags
	}
	// The cutoff is taken now, at apply time.
	selected := req.policy.Select(records, time.Now())
	ids := make([]string, len(selected))
	for i, r := range selected {
		ids[i] = r.ID
	}
	progress(fmt.Sprintf("deleting %d of %d backups", len(ids), len(records)))
	if len(ids) == 0 {
		progress(fmt.Sprintf("done: nothing to delete, %d backups remain", len(records)))
		result.verified, result.remaining = true, len(records)
		return result, diags
	}
	deleted, err := client.DeleteBackups(ctx, ids, req.concurrency)
	if err != nil {
		var partial *docspace.PartialDeleteError
		if errors.As(err, &partial) {
			summary, detail := describeAPIError(portal, "deleting backup "+partial.FailedID, req.dump, partial.Err)
			diags.AddError("Retention purge stopped part-way: "+summary, fmt.Sprintf(
				"Deleted %d of %d selected backups before deleting %s failed. Deleted: %s.\n%s\n"+
					"Nothing is recorded in state: the next apply reads the history again and deletes what is still selected.",
				len(partial.Deleted), len(ids), partial.FailedID, idList(partial.Deleted), detail))
			return result, diags
		}
		diags.Append(backupErrorDiagnostic(portal, "deleting backups", req.dump, err))
		return result, diags
	}
	result.deleted = deleted
	if !req.verify {
		progress(fmt.Sprintf("done: deleted %d backups (not verified)", len(deleted)))
		return result, diags
	}
	left, ok := readHistoryAfter(ctx, client, req.dump, &diags)
	if !ok {
		return result, diags
	}
	result.verified, result.remaining = true, len(left)
	var still []docspace.BackupRecord
	for _, r := range left {
		if slices.Contains(deleted, r.ID) {
			still = append(still, r)
		}
	}
	progress(fmt.Sprintf("done: deleted %d backups, %d remain", len(deleted)-len(still), len(left)))
	if len(still) > 0 {
		diags.AddWarning(fmt.Sprintf("%d deleted backups are still listed", len(still)),
			"DocSpace answered true to deleting these backups but still lists them (it answers true whatever happened, for example when the archive's storage is unreachable):\n"+
				describeRecords(still)+"Check the backup storage, then purge again (terraform apply -replace=<this resource>).")
	}
	return result, diags
}

// readHistoryAfter is the verify read; a failure is an error, since the purge cannot be
// confirmed.
func readHistoryAfter(ctx context.Context, client *docspace.Client, dump bool, diags *diag.Diagnostics) ([]docspace.BackupRecord, bool) {
	left, err := client.BackupHistory(ctx, dump)
	if err != nil {
		summary, detail := describeAPIError(client.PortalURL(), "reading the backup history to verify the purge", dump, err)
		diags.AddError(summary, "The deletions were accepted. "+detail+
			" Nothing is recorded in state, so the next apply purges (harmlessly) again and re-checks.")
		return nil, false
	}
	return left, true
}

// describeRecords names up to five records, newest first, one per line.
func describeRecords(records []docspace.BackupRecord) string {
	const shown = 5
	var b strings.Builder
	for i, r := range docspace.SortNewestFirst(records) {
		if i == shown {
			fmt.Fprintf(&b, "  … and %d more\n", len(records)-shown)
			break
		}
		fmt.Fprintf(&b, "  - %s (%s, %s, created %s)\n", r.ID, r.FileName, r.StorageType, r.CreatedOn.Format(time.RFC3339))
	}
	return b.String()
}

func idList(ids []string) string {
	if len(ids) == 0 {
		return "none"
	}
	return strings.Join(ids, ", ")
}
