package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

// Archiving, unarchiving and deleting a room are asynchronous file operations: start one,
// then poll it until it finishes, within the resource's timeout.

// fileOperationPollInterval is how often a running file operation is asked about.
const fileOperationPollInterval = 250 * time.Millisecond

// runRoomOperation starts an operation on a room and waits for it. doing words it for
// diagnostics ("archiving").
func runRoomOperation(ctx context.Context, client *docspace.Client, roomID int, start func(context.Context, int) (*docspace.FileOperation, error), doing string) diag.Diagnostics {
	op, err := start(ctx, roomID)
	if err != nil {
		var diags diag.Diagnostics
		diags.Append(apiErrorDiagnostic(client.PortalURL(), fmt.Sprintf("%s room %d", doing, roomID), err))
		return diags
	}
	return waitRoomOperation(ctx, client, roomID, op, doing)
}

// waitRoomOperation polls a started operation until it finishes.
func waitRoomOperation(ctx context.Context, client *docspace.Client, roomID int, op *docspace.FileOperation, doing string) diag.Diagnostics {
	var diags diag.Diagnostics
	if err := client.WaitFileOperation(ctx, op, fileOperationPollInterval); err != nil {
		diags.Append(apiErrorDiagnostic(client.PortalURL(), fmt.Sprintf("%s room %d (operation %s)", doing, roomID, op.ID), err))
	}
	return diags
}
