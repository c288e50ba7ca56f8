package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

// On a Cloud plan without SSO and LDAP both read as unavailable (DocSpace's 402 is the
// answer, not an error); on a self-hosted server the data source reports what is on.
func TestAccSignInStatusDataSource(t *testing.T) {
	const config = "\ndata \"docspace_sign_in_status\" \"now\" {}\n"
	const addr = "data.docspace_sign_in_status.now"
	cloud := mockportal.StartTest(t, mockportal.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: providerConfig(cloud, mockportal.DocSpaceAdmin) + config,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(addr, "sso_available", "false"),
				resource.TestCheckResourceAttr(addr, "sso_enabled", "false"),
				resource.TestCheckResourceAttr(addr, "ldap_available", "false"),
				resource.TestCheckNoResourceAttr(addr, "ldap_server"),
			),
		}},
	})
	server := mockportal.StartTest(t, mockportal.Options{Standalone: true})
	server.SetLDAP(mockportal.LDAPSettings{Enabled: true, Server: "ldap.example.com", Port: 389})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: providerConfig(server, mockportal.DocSpaceAdmin) + config,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(addr, "sso_available", "true"),
				resource.TestCheckResourceAttr(addr, "sso_enabled", "false"),
				resource.TestCheckResourceAttr(addr, "ldap_available", "true"),
				resource.TestCheckResourceAttr(addr, "ldap_enabled", "true"),
				resource.TestCheckResourceAttr(addr, "ldap_server", "ldap.example.com"),
			),
		}},
	})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      providerConfig(server, mockportal.User) + config,
			ExpectError: expectError(`HTTP 403`),
		}},
	})
}
