package provider

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

// Changing an account's type: raising it (and DocSpace admin to room admin) is one call;
// lowering it to user or guest is DocSpace's asynchronous job, which hands the account's
// data to the key's user, followed until it ends within the resource's timeout.

// typeChangePollInterval is how often a running type change is asked about.
const typeChangePollInterval = 250 * time.Millisecond

func changeUserType(ctx context.Context, client *docspace.Client, id, email string, from, to docspace.UserType) diag.Diagnostics {
	var diags diag.Diagnostics
	if from == to {
		return diags // DocSpace answers 403 to "change" to the same type
	}
	var err error
	if docspace.ChangeNeedsJob(from, to) {
		err = client.LowerUserType(ctx, id, to, typeChangePollInterval)
	} else {
		err = client.ChangeUserType(ctx, id, to)
	}
	if err != nil {
		diags.Append(apiErrorDiagnostic(client.PortalURL(), fmt.Sprintf("changing the type of %s from %s to %s", email, from, to), err))
	}
	return diags
}
