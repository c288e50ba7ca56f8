package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

// The scopes data source reads the identity service's catalogue, which the provider's
// plan-time check of docspace_oauth_client.scopes must match.
func TestAccOAuthScopesDataSource(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: providerConfig(srv, mockportal.User) + "\ndata \"docspace_oauth_scopes\" \"all\" {}\n",
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr("data.docspace_oauth_scopes.all", "names.#", fmt.Sprint(len(docspace.OAuthScopes))),
				resource.TestCheckResourceAttr("data.docspace_oauth_scopes.all", "names.8", "openid"),
				resource.TestCheckResourceAttr("data.docspace_oauth_scopes.all", "scopes.0.name", "accounts.self:read"),
				resource.TestCheckResourceAttr("data.docspace_oauth_scopes.all", "scopes.0.group", "profiles"),
				resource.TestCheckResourceAttr("data.docspace_oauth_scopes.all", "scopes.0.type", "read"),
			),
		}},
	})
}
