package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func brandingConfig(srv *mockportal.Server, text string) string {
	return settingConfig(srv, mockportal.DocSpaceAdmin, "branding", fmt.Sprintf("logo_text = %q", text))
}

// Create, clean re-plan, drift (the text changed in DocSpace) shown and repaired, import,
// destroy back to DocSpace's default.
func TestAccBranding_Lifecycle(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{Paid: true})
	checkPortal := func(want string) resource.TestCheckFunc {
		return func(*terraform.State) error { return expectString("logo text on the portal", srv.LogoText(), want) }
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: brandingConfig(srv, "Acme Docs"), Check: checkPortal("Acme Docs")},
			{
				PreConfig:        func() { srv.SetLogoText("Someone else") },
				Config:           brandingConfig(srv, "Acme Docs"),
				ConfigPlanChecks: expectUpdate("docspace_branding.this"),
				Check:            checkPortal("Acme Docs"),
			},
			{ResourceName: "docspace_branding.this", ImportState: true, ImportStateId: "portal", ImportStateVerify: true},
		},
		CheckDestroy: func(*terraform.State) error { return expectString("logo text after destroy", srv.LogoText(), "") },
	})
}

// On a plan without white labelling, plan warns and apply refuses before saving anything;
// an unchanged setting needs no plan check (and sends no write).
func TestAccBranding_RefusedWithoutThePlan(t *testing.T) {
	tf := newTerraformCLI(t)
	srv := mockportal.StartTest(t, mockportal.Options{})
	tf.writeConfig(brandingConfig(srv, "Acme Docs"))
	tf.init()
	if plan := tf.mustRun("plan", "-no-color", "-input=false"); !strings.Contains(plan, "Branding is not part of this portal's plan") {
		t.Errorf("no plan warning:\n%s", plan)
	}
	srv.ResetRequests()
	out, err := tf.apply()
	if err == nil || !strings.Contains(out, "Branding is not part of this portal's plan") || !strings.Contains(out, "Payments settings") {
		t.Errorf("apply on a free plan (%v):\n%s", err, out)
	}
	for _, line := range requestLines(srv) {
		if strings.Contains(line, "logotext/save") {
			t.Errorf("the logo text was sent although the plan lacks branding: %s", line)
		}
	}
	tf.writeConfig(brandingConfig(srv, "ONLYOFFICE"))
	if out, err := tf.apply(); err != nil || strings.Contains(out, "not part of this portal's plan") {
		t.Errorf("adopting the default text on a free plan (%v):\n%s", err, out)
	}
}
