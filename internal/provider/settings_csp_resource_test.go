package provider

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func cspConfig(srv *mockportal.Server, domains ...string) string {
	quoted := make([]string, len(domains))
	for i, d := range domains {
		quoted[i] = fmt.Sprintf("%q", d)
	}
	return providerConfig(srv, mockportal.DocSpaceAdmin) + fmt.Sprintf(`
resource "docspace_csp_domains" "this" {
  domains = [%s]
}`, strings.Join(quoted, ", "))
}

// Create, clean re-plan, drift (a domain added in DocSpace) shown and removed, import,
// destroy back to no trusted domains.
func TestAccCSPDomains_Lifecycle(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	config := cspConfig(srv, "https://intranet.example.com", "*.example.org")
	checkPortal := func(want ...string) resource.TestCheckFunc {
		return func(*terraform.State) error {
			got := srv.CSPDomains()
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				return fmt.Errorf("trusted domains on the portal: %v, want %v", got, want)
			}
			return nil
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config, Check: resource.ComposeAggregateTestCheckFunc(
				checkPortal("https://intranet.example.com", "*.example.org"),
				resource.TestCheckResourceAttrWith("docspace_csp_domains.this", "header", func(v string) error {
					if !strings.Contains(v, "*.example.org") {
						return fmt.Errorf("header %q lacks the domain", v)
					}
					return nil
				}),
			)},
			{
				PreConfig: func() {
					srv.SetCSPDomains([]string{"https://intranet.example.com", "*.example.org", "rogue.example.net"})
				},
				Config:           config,
				ConfigPlanChecks: expectUpdate("docspace_csp_domains.this"),
				Check:            checkPortal("https://intranet.example.com", "*.example.org"),
			},
			{ResourceName: "docspace_csp_domains.this", ImportState: true, ImportStateId: "portal", ImportStateVerify: true},
		},
		CheckDestroy: func(*terraform.State) error {
			if got := srv.CSPDomains(); len(got) != 0 {
				return fmt.Errorf("destroy left %v", got)
			}
			return nil
		},
	})
}

func TestAccCSPDomains_RefusedAtPlan(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: cspConfig(srv, "bücher.example"), PlanOnly: true,
			ExpectError: expectError(`Invalid trusted domain.*only ASCII characters are allowed`),
		}},
	})
	if n := len(srv.RequestLines()); n != 0 {
		t.Errorf("an invalid domain reached the portal (%d requests)", n)
	}
}
