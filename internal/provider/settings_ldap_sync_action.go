package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

var _ action.ActionWithConfigure = (*ldapSyncAction)(nil)

func newLDAPSyncAction() action.Action { return &ldapSyncAction{} }

// ldapSyncAction imports people and groups from the directory now, with the stored LDAP
// settings, reporting each step; a sync that fails fails the action with DocSpace's words.
type ldapSyncAction struct {
	data *providerData
}

func (a *ldapSyncAction) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_ldap_sync"
}

func (a *ldapSyncAction) Schema(_ context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Syncs people and groups from the LDAP directory now, with the portal's stored LDAP settings, and reports each step " +
			"(the person being imported included); a failed sync fails the action with DocSpace's reason. With LDAP switched off, " +
			"DocSpace's sync unlinks every LDAP account instead. Run it after `docspace_ldap_settings` changes (`action_trigger`), " +
			"or on demand. Needs Terraform 1.14 or later.",
		Attributes: map[string]schema.Attribute{
			"poll_interval": pollIntervalActionAttribute("sync"),
		},
	}
}

func (a *ldapSyncAction) Configure(_ context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	a.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (a *ldapSyncAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	interval, ok := readPollOnlyConfig(ctx, a.data, req, resp)
	if !ok {
		return
	}
	client := a.data.client
	progress := progressEvents(resp)
	_, err := client.SyncLDAP(ctx, interval, func(s docspace.LDAPStatus) {
		progress(fmt.Sprintf("LDAP sync: %d%% %s %s", s.Percents, s.Status, s.Source))
	})
	switch {
	case err != nil:
		resp.Diagnostics.Append(apiErrorDiagnostic(client.PortalURL(), "syncing with LDAP", err))
	default:
		progress("LDAP sync: done")
	}
}
