package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func portalSettingsConfig(srv *mockportal.Server, language, timeZone, title string) string {
	return providerConfig(srv, mockportal.DocSpaceAdmin) + fmt.Sprintf(`
resource "docspace_portal_settings" "this" {
  language  = %q
  time_zone = %q
  title     = %q
}`, language, timeZone, title)
}

// Create, clean re-plan, drift shown and repaired, import, destroy back to the defaults.
func TestAccPortalSettings_Lifecycle(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	config := portalSettingsConfig(srv, "DE", "Europe/Berlin", "Acme Docs")
	want := mockportal.PortalSettings{Language: "de", TimeZone: "Europe/Berlin", Title: "Acme Docs"}
	checkPortal := func(want mockportal.PortalSettings) resource.TestCheckFunc {
		return func(*terraform.State) error {
			if got := srv.PortalSettings(); got != want {
				return fmt.Errorf("portal settings: %+v, want %+v", got, want)
			}
			return nil
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config, Check: resource.ComposeAggregateTestCheckFunc(checkPortal(want), resource.TestCheckResourceAttr("docspace_portal_settings.this", "language", "DE"))},
			{
				PreConfig: func() {
					srv.SetPortalSettings(mockportal.PortalSettings{Language: "fr", TimeZone: "UTC", Title: "Renamed"})
				},
				Config:           config,
				ConfigPlanChecks: expectUpdate("docspace_portal_settings.this"),
				Check:            checkPortal(want),
			},
			{ResourceName: "docspace_portal_settings.this", ImportState: true, ImportStateId: "portal", ImportStateVerify: true, ImportStateVerifyIgnore: []string{"language"}},
		},
		CheckDestroy: func(*terraform.State) error {
			if got := srv.PortalSettings(); got != (mockportal.PortalSettings{Language: "en-US", TimeZone: "UTC"}) {
				return fmt.Errorf("destroy left %+v", got)
			}
			return nil
		},
	})
}

// What DocSpace would silently replace is refused: an unknown time zone at plan, a
// language the portal does not offer at apply, before anything is written.
func TestAccPortalSettings_Refusals(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: portalSettingsConfig(srv, "en-US", "Mars/Olympus_Mons", "Acme"), PlanOnly: true, ExpectError: expectError(`Unknown time zone.*DocSpace would silently use UTC`)},
			{Config: portalSettingsConfig(srv, "tlh", "UTC", "Acme"), ExpectError: expectError(`DocSpace does not offer that language.*"tlh"`)},
		},
	})
	if got := srv.PortalSettings(); got.Title != "" || got.Language != "en-US" {
		t.Errorf("a refused write changed the portal: %+v", got)
	}
}
