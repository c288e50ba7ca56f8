package provider

import (
	"strings"
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

// Adopting webhooks: the generated configuration has no secret (DocSpace never reports
// one), imports, and plans no changes; the stored secret stays.
func TestAccWebhookList_QueryGeneratesConfigThatImports(t *testing.T) {
	tf := newTerraformCLI(t, featureListResources)
	srv := mockportal.StartTest(t, mockportal.Options{})
	client := testClient(t, srv, mockportal.DocSpaceAdmin)
	for _, s := range []docspace.WebhookSettings{
		{Name: "crm", URL: "https://crm.example.com/hook", Secret: "Long-enough-1", Enabled: true, SSL: true, Triggers: 384},
		{Name: "all events", URL: "https://siem.example.com/in", Secret: "Long-enough-2", TargetID: "1001"},
	} {
		if _, err := client.CreateWebhook(t.Context(), s); err != nil {
			t.Fatal(err)
		}
	}
	tf.writeConfig(providerConfig(srv, mockportal.DocSpaceAdmin))
	tf.writeFile("hooks.tfquery.hcl", `
list "docspace_webhook" "all" {
  provider = docspace
}
`)
	tf.init()
	out := tf.mustRun("query", "-no-color", "-generate-config-out=generated.tf")
	if strings.Count(out, "list.docspace_webhook.all") != 2 || !strings.Contains(out, "crm (https://crm.example.com/hook)") {
		t.Errorf("query output:\n%s", out)
	}
	srv.ResetRequests()
	if out, err := tf.apply(); err != nil || !strings.Contains(out, "2 imported, 0 added, 0 changed, 0 destroyed") {
		t.Fatalf("importing: %v\n%s", err, out)
	}
	if out, err := tf.run("plan", "-no-color", "-detailed-exitcode"); err != nil {
		t.Errorf("the imported webhooks plan changes (%v):\n%s", err, out)
	}
	if hooks := srv.Webhooks(); hooks[0].Secret != "Long-enough-1" {
		t.Errorf("adopting changed the secret: %+v", hooks[0])
	}
}
