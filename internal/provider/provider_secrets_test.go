package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

// keyAbsentFromShowJSON fails when the key appears anywhere in `terraform show -json`.
type keyAbsentFromShowJSON struct{ key string }

func (c keyAbsentFromShowJSON) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	raw, err := json.Marshal(req.State)
	if err != nil {
		resp.Error = err
		return
	}
	if strings.Contains(string(raw), c.key) {
		resp.Error = fmt.Errorf("the API key appears in show -json output")
	}
}

func keyAbsentFromState(key string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		raw, err := json.Marshal(s)
		if err != nil {
			return err
		}
		if strings.Contains(string(raw), key) {
			return fmt.Errorf("the API key appears in state")
		}
		return nil
	}
}

func TestAccProvider_APIKeyNeverLeaks(t *testing.T) {
	srv := startMock(t, mockportal.Options{Backups: 2})
	key := srv.Key(mockportal.Owner)
	logFile := filepath.Join(t.TempDir(), "trace.log")
	// TRACE logs of the CLI and of the provider (served in this process) go to one file.
	t.Setenv("TF_ACC_LOG_PATH", logFile)
	t.Setenv("TF_ACC_LOG", "TRACE")

	cfg := fmt.Sprintf(`
variable "api_key" {
  type      = string
  sensitive = true
}
provider "docspace" {
  portal_url = %q
  api_key    = var.api_key
}
resource "docspace_backup_history_purge" "this" {}
`, srv.URL)
	vars := config.Variables{"api_key": config.StringVariable(key)}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{ // A proxy that echoes the request headers into its 401 page.
				PreConfig: func() {
					srv.InjectFault(mockportal.Fault{Path: "deletebackuphistory", Status: 401,
						Body: "<html><head><title>401 for Authorization: Bearer " + key + "</title></head><body>Authorization: Bearer " + key + "</body></html>"})
				},
				Config:          cfg,
				ConfigVariables: vars,
				ExpectError:     expectError(`HTTP 401.*Authorization: Bearer \[redacted\]`),
			},
			{
				Config:            cfg,
				ConfigVariables:   vars,
				Check:             keyAbsentFromState(key),
				ConfigStateChecks: []statecheck.StateCheck{keyAbsentFromShowJSON{key}},
			},
			{
				Config:          cfg,
				ConfigVariables: vars,
				PlanOnly:        true,
			},
		},
	})

	logs, err := os.ReadFile(logFile)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(logs), "DocSpace API request") {
		t.Fatalf("the provider's request log did not reach %s (%d bytes), so this test proves nothing", logFile, len(logs))
	}
	if strings.Contains(string(logs), key) {
		for _, line := range strings.Split(string(logs), "\n") {
			if strings.Contains(line, key) {
				t.Errorf("API key in TRACE log: %.300s", line)
				break
			}
		}
	}
}
