package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

// The restore engine: refuse to start a second restore, start once, follow the anonymous
// progress to the end, and tell the operator what the portal looks like afterwards.

// runRestore restores and reports each step to progress.
func runRestore(ctx context.Context, client *docspace.Client, req docspace.RestoreRequest, interval time.Duration, progress func(string)) diag.Diagnostics {
	var diags diag.Diagnostics
	portal := client.PortalURL()
	// An earlier run may have been interrupted while its restore went on: report it instead
	// of starting another.
	if running, err := client.RestoreProgressOf(ctx, req.Dump); err == nil && running != nil && !running.IsCompleted {
		diags.AddError("A restore is already running on this portal",
			fmt.Sprintf("%s is being restored (task %s, %d%%), probably by an earlier run that was interrupted: DocSpace cannot "+
				"cancel a restore. Wait until it completes (GET %s/api/2.0/backup/getrestoreprogress needs no key), then check the "+
				"portal before restoring again.", portal, running.TaskID, running.Progress, portal))
		return diags
	}
	started := time.Now()
	task, err := client.StartRestore(ctx, req)
	if err != nil {
		diags.Append(backupErrorDiagnostic(portal, "starting the restore", req.Dump, err))
		return diags
	}
	progress(fmt.Sprintf("restore %s started on %s (tenant %d); the portal is locked while it runs", task.TaskID, portal, task.TenantID))
	final, err := client.WaitForRestore(ctx, req.Dump, task.TaskID, interval, func(p docspace.RestoreProgress) {
		progress(fmt.Sprintf("restore %s: %d%%", p.TaskID, p.Progress))
	})
	if err != nil {
		if ctx.Err() != nil {
			diags.AddError("Stopped waiting for the DocSpace restore",
				fmt.Sprintf("The run stopped (%v) while restore %s was in progress on %s. DocSpace cannot cancel a restore: it goes on, "+
					"and the next run reports it until it completes. Follow it with GET %s/api/2.0/backup/getrestoreprogress (no key needed).",
					ctx.Err(), task.TaskID, portal, portal))
			return diags
		}
		diags.Append(backupErrorDiagnostic(portal, "restoring backup "+restoreSource(req), req.Dump, err))
		return diags
	}
	took := time.Since(started).Round(time.Second)
	progress(fmt.Sprintf("done: %s restored in %s; tenant id %d -> %d", portal, took, task.TenantID, final.TenantID))
	diags.AddWarning("The DocSpace portal was restored: its API keys and ids have changed",
		fmt.Sprintf("%s now holds the data of backup %s (restore took %s; tenant id %d, was %d).\n"+
			"- The API key this provider used no longer works: every API key and session is gone. Log in with credentials from "+
			"the backup's time (its passwords), create a new key, and update api_key.\n"+
			"- Every DocSpace object in Terraform state (rooms, members, backups) now refers to old ids: re-import them "+
			"(terraform query -generate-config-out, or import blocks) before the next apply.\n"+
			"- Re-establish what a backup does not carry: the backup schedule, two-factor authentication, API keys in other tools.",
			portal, restoreSource(req), took, final.TenantID, task.TenantID))
	return diags
}

func restoreSource(req docspace.RestoreRequest) string {
	if req.BackupID != "" {
		return req.BackupID
	}
	return req.FilePath
}
