package provider

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

// functionConfig declares the provider by source, as a configuration that only calls its
// functions must, plus body.
func functionConfig(body string) string {
	return `
terraform {
  required_providers {
    docspace = {
      source = "hashicorp/docspace"
    }
  }
}
` + body
}

// checkOutput asserts a root output's value against want, read when the check runs.
func checkOutput(name string, want func() string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		out, ok := s.RootModule().Outputs[name]
		if !ok {
			return fmt.Errorf("no output %q", name)
		}
		if got := fmt.Sprint(out.Value); got != want() {
			return fmt.Errorf("output %s = %q, want %q", name, got, want())
		}
		return nil
	}
}

// The function computes exactly the header the portal sent with a real delivery.
func TestAccWebhookSignatureFunction_MatchesADelivery(t *testing.T) {
	newTerraformCLI(t, featureFunctions)
	srv := mockportal.StartTest(t, mockportal.Options{AllowLoopbackWebhooks: true})
	rc := newWebhookReceiver(t)
	bodyFile := filepath.Join(t.TempDir(), "delivery.json")
	hook := webhookConfig(srv, mockportal.DocSpaceAdmin, `name = "signed"
  url              = "`+rc.URL+`"
  ssl_verification = false
  secret           = "Long-enough-1"`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: hook, Check: func(*terraform.State) error {
				if _, err := srv.DeliverWebhookEvent(context.Background(), "file.created", "", map[string]any{"id": 7, "title": "plan \"v2\".docx"}); err != nil {
					return err
				}
				rc.mu.Lock()
				defer rc.mu.Unlock()
				return os.WriteFile(bodyFile, rc.body, 0o600)
			}},
			{
				Config: hook + fmt.Sprintf(`
output "signature" {
  value = provider::docspace::webhook_signature("Long-enough-1", file(%q))
}
`, bodyFile),
				Check: checkOutput("signature", func() string {
					rc.mu.Lock()
					defer rc.mu.Unlock()
					return rc.signature
				}),
			},
		},
	})
}

func TestAccWebhookSignatureFunction_RefusesAnEmptySecret(t *testing.T) {
	newTerraformCLI(t, featureFunctions)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      functionConfig(`output "signature" { value = provider::docspace::webhook_signature("", "{}") }`),
			ExpectError: expectError(`secret is empty`),
		}},
	})
}
