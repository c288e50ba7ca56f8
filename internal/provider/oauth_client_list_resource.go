package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

// newOAuthClientListResource lists OAuth clients as docspace_oauth_client instances, for
// terraform query.
func newOAuthClientListResource() list.ListResource {
	return &listResource[struct{}, docspace.OAuthClient]{spec: listSpec[struct{}, docspace.OAuthClient]{
		name: "oauth_client",
		description: "Lists the OAuth clients the provider's key may see (every client of the portal for the Owner and DocSpace " +
			"admins, their own for others) as `docspace_oauth_client` resources, so `terraform query -generate-config-out=oauth.tf` " +
			"can write their import blocks and configuration. Secrets are not listed; importing reads each client's secret into state.",
		doing: "listing OAuth clients",
		fetch: func(ctx context.Context, client *docspace.Client, _ struct{}) ([]docspace.OAuthClient, error) {
			return client.OAuthClients(ctx)
		},
		describe: func(_ context.Context, _ struct{}, c docspace.OAuthClient) (string, any, any) {
			return fmt.Sprintf("%s (%s)", c.Name, c.ID), oauthClientIdentity{ID: types.StringValue(c.ID)}, existingOAuthClientModel(&c)
		},
	}}
}
