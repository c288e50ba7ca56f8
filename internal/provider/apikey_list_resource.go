package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

// newAPIKeyListResource lists API keys as docspace_api_key instances, for terraform query.
func newAPIKeyListResource() list.ListResource {
	return &listResource[struct{}, docspace.APIKey]{spec: listSpec[struct{}, docspace.APIKey]{
		name: "api_key",
		description: "Lists the API keys the provider's key may see (every key of the portal for the Owner and DocSpace admins, " +
			"their own for others) as `docspace_api_key` resources, so `terraform query -generate-config-out=keys.tf` can write " +
			"their import blocks and configuration. Secrets are never listed: adopted keys keep working, without `key` in state.",
		doing: "listing API keys",
		fetch: func(ctx context.Context, client *docspace.Client, _ struct{}) ([]docspace.APIKey, error) {
			return client.APIKeys(ctx)
		},
		describe: func(_ context.Context, _ struct{}, k docspace.APIKey) (string, any, any) {
			return fmt.Sprintf("%s (sk-***%s, %s)", k.Name, k.Postfix, k.CreatedBy.DisplayName), apiKeyIdentity{ID: types.StringValue(k.ID)}, existingAPIKeyModel(&k)
		},
	}}
}
