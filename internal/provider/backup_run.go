package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

// The backup run engine: start a backup job, follow it to the end, cancel it on the portal
// when the run is interrupted. Shared by the docspace_backup resource and the
// docspace_backup_start action.

// backupRunRequest says what backup to run and how to follow it.
type backupRunRequest struct {
	storage docspace.BackupStorage
	dump    bool
	// wait follows the job to completion; without it the run returns once the job started.
	wait bool
	// pollInterval is how often progress is asked for while waiting.
	pollInterval time.Duration
}

// runBackup starts a backup and, with wait, follows it to completion, reporting progress.
// A cancelled wait cancels the job on the portal.
func runBackup(ctx context.Context, client *docspace.Client, req backupRunRequest, progress func(string)) (*docspace.BackupProgress, diag.Diagnostics) {
	var diags diag.Diagnostics
	portal := client.PortalURL()
	started, err := client.StartBackup(ctx, req.storage, req.dump)
	if err != nil {
		diags.Append(backupErrorDiagnostic(portal, "starting a backup", req.dump, err))
		return nil, diags
	}
	progress(fmt.Sprintf("backup %s started on %s (storage %s)", started.TaskID, portal, req.storage.Type))
	if !req.wait {
		progress(fmt.Sprintf("not waiting: backup %s goes on on the portal", started.TaskID))
		return started, diags
	}
	final, err := client.WaitForBackup(ctx, req.dump, started.TaskID, req.pollInterval, func(p docspace.BackupProgress) {
		progress(fmt.Sprintf("backup %s: %d%%", p.TaskID, p.Progress))
	})
	if err != nil {
		if ctx.Err() != nil {
			diags.Append(cancelBackupAfterInterrupt(ctx, client, started.TaskID))
			return nil, diags
		}
		diags.Append(backupErrorDiagnostic(portal, "waiting for backup "+started.TaskID, req.dump, err))
		return nil, diags
	}
	if final.Warning != "" {
		diags.AddWarning("The DocSpace backup completed with a warning", fmt.Sprintf("Backup %s on %s: %s", final.TaskID, portal, final.Warning))
	}
	progress(fmt.Sprintf("done: backup %s complete, download link %s", final.TaskID, absoluteLink(portal, final.Link)))
	return final, diags
}

// cancelBackupAfterInterrupt stops the job the run was waiting for. The run's context is
// already done, so the cancel gets a short context of its own.
func cancelBackupAfterInterrupt(ctx context.Context, client *docspace.Client, taskID string) diag.Diagnostic {
	cancelCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	dropped, err := client.CancelBackup(cancelCtx)
	detail := fmt.Sprintf("The run was interrupted (%v) while backup %s was in progress on %s. ", ctx.Err(), taskID, client.PortalURL())
	switch {
	case err != nil:
		detail += "Cancelling it on the portal failed too (" + err.Error() + "); it may still finish. Check the portal's Backup page."
	case dropped:
		detail += "The backup job was cancelled on the portal; no archive was kept."
	default:
		detail += "The portal had no running job left to cancel."
	}
	return diag.NewErrorDiagnostic("DocSpace backup interrupted", detail)
}

// absoluteLink makes the portal's download link (often a path) usable as is.
func absoluteLink(portal, link string) string {
	if link == "" {
		return "(none reported)"
	}
	if link[0] == '/' {
		return portal + link
	}
	return link
}
