package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

// protoV6ProviderFactories serves the provider in process, so acceptance tests need no
// build or registry: the CLI attaches to this test binary.
var protoV6ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"docspace": providerserver.NewProtocol6WithError(New("test")()),
}

func TestMain(m *testing.M) {
	// These machines point TF_CLI_CONFIG_FILE at a file that does not exist, which makes the
	// CLI warn on every command. Give the tests an empty one of their own.
	if cfg := os.Getenv("TF_CLI_CONFIG_FILE"); cfg == "" || fileMissing(cfg) {
		dir, err := os.MkdirTemp("", "docspace-tfrc")
		if err != nil {
			panic(err)
		}
		path := filepath.Join(dir, "terraform.rc")
		if err := os.WriteFile(path, nil, 0o600); err != nil {
			panic(err)
		}
		_ = os.Setenv("TF_CLI_CONFIG_FILE", path)
		defer func() { _ = os.RemoveAll(dir) }()
	}
	_ = os.Setenv("CHECKPOINT_DISABLE", "1")
	code := m.Run()
	if builtProviderDir != "" {
		_ = os.RemoveAll(builtProviderDir)
	}
	os.Exit(code) //nolint:gocritic // the deferred clean-up of a temp file may be skipped
}

func fileMissing(path string) bool {
	_, err := os.Stat(path)
	return err != nil
}

// expectError compiles an error pattern whose spaces also match the line breaks the CLI
// wraps diagnostics at.
func expectError(pattern string) *regexp.Regexp {
	return regexp.MustCompile("(?s)" + strings.ReplaceAll(pattern, " ", `\s+`))
}

// providerConfig is a provider block for srv with the key of role. Retries are kept short
// so fault tests stay quick.
func providerConfig(srv *mockportal.Server, role mockportal.Role, extra ...string) string {
	return providerConfigWithKey(srv, srv.Key(role), extra...)
}

// providerConfigWithKey is a provider block for srv with any key (a revoked one, say).
func providerConfigWithKey(srv *mockportal.Server, key string, extra ...string) string {
	return fmt.Sprintf(`
provider "docspace" {
  portal_url = %q
  api_key    = %q
  %s
}
`, srv.URL, key, strings.Join(extra, "\n  "))
}

// expectUpdate checks that the step's plan updates address in place.
func expectUpdate(address string) resource.ConfigPlanChecks {
	return resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(address, plancheck.ResourceActionUpdate)}}
}

// fastJobs is a portal whose asynchronous jobs (room operations, type changes) end quickly.
func fastJobs() mockportal.Options { return mockportal.Options{JobDuration: 100 * time.Millisecond} }

func requestLines(srv *mockportal.Server) []string { return srv.RequestLines() }

// checkRequests asserts the exact API requests since the last reset, then resets the log
// so the next step starts from zero.
func checkRequests(srv *mockportal.Server, want ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		got := requestLines(srv)
		srv.ResetRequests()
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			return fmt.Errorf("API requests:\n got  %q\n want %q", got, want)
		}
		return nil
	}
}

const (
	reqPurge   = "DELETE /api/2.0/backup/deletebackuphistory?Dump=false"
	reqHistory = "GET /api/2.0/backup/getbackuphistory?Dump=false"
)

func TestAccProvider_ConfigFromEnvironment(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{Backups: 2})
	t.Setenv(envPortalURL, srv.URL+"/")
	t.Setenv(envAPIKey, srv.Key(mockportal.DocSpaceAdmin))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `resource "docspace_backup_history_purge" "this" {}`,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr("docspace_backup_history_purge.this", "remaining_backups", "0"),
				func(*terraform.State) error {
					ua := regexp.MustCompile(`^terraform-provider-docspace/test Terraform/\d+\.\d+\.\d+`)
					for _, r := range srv.Requests() {
						if !ua.MatchString(r.UserAgent) || r.Auth != "bearer" {
							return fmt.Errorf("request sent with User-Agent %q and auth form %q", r.UserAgent, r.Auth)
						}
					}
					return nil
				},
				checkRequests(srv, reqPurge, reqHistory),
			),
		}},
	})
}

func TestAccProvider_PortalURLUnknownAtPlan(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{Backups: 2})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
resource "terraform_data" "portal" {
  input = %q
}

provider "docspace" {
  portal_url = terraform_data.portal.output
  api_key    = %q
}

resource "docspace_backup_history_purge" "this" {}
`, srv.URL, srv.Key(mockportal.Owner)),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr("docspace_backup_history_purge.this", "remaining_backups", "0"),
				checkRequests(srv, reqPurge, reqHistory),
			),
		}},
	})
}

func TestAccProvider_InvalidConfigFailsAtPlan(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{Backups: 1})
	key := srv.Key(mockportal.Owner)
	t.Setenv(envPortalURL, "")
	t.Setenv(envAPIKey, "")
	cases := map[string]struct {
		provider string
		want     string
	}{
		"no scheme":       {fmt.Sprintf(`portal_url = "example.onlyoffice.com"`+"\n api_key = %q", key), `(?s)Invalid DocSpace portal URL.*must start with https://`},
		"ftp":             {fmt.Sprintf(`portal_url = "ftp://example.com"`+"\n api_key = %q", key), `(?s)portal_url.*must start with https://`},
		"query":           {fmt.Sprintf(`portal_url = "https://example.com/?tenant=1"`+"\n api_key = %q", key), `must not contain a query string`},
		"fragment":        {fmt.Sprintf(`portal_url = "https://example.com/#x"`+"\n api_key = %q", key), `must not contain a fragment`},
		"no host":         {fmt.Sprintf(`portal_url = "https://"`+"\n api_key = %q", key), `has no host name`},
		"missing key":     {fmt.Sprintf(`portal_url = %q`, srv.URL), `(?s)Missing DocSpace API key.*DOCSPACE_API_KEY`},
		"missing url":     {fmt.Sprintf(`api_key = %q`, key), `(?s)Missing DocSpace portal URL.*DOCSPACE_PORTAL_URL`},
		"retries too big": {fmt.Sprintf("portal_url = %q\n api_key = %q\n max_retries = 11", srv.URL, key), `(?s)max_retries.*between 0 and 10`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: protoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      "provider \"docspace\" {\n" + tc.provider + "\n}\n" + `resource "docspace_backup_history_purge" "this" {}`,
					PlanOnly:    true,
					ExpectError: expectError(tc.want),
				}},
			})
		})
	}
	if got := requestLines(srv); len(got) != 0 {
		t.Errorf("invalid configurations reached the portal: %v", got)
	}
}

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

func secretAbsentFromState(key string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		raw, err := json.Marshal(s)
		if err != nil {
			return err
		}
		if strings.Contains(string(raw), key) {
			return fmt.Errorf("the secret appears in state")
		}
		return nil
	}
}

func TestAccProvider_APIKeyNeverLeaks(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{Backups: 2})
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
				Check:             secretAbsentFromState(key),
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

// testClient is a client of srv with the key of role, for tests that set the portal up or look at it.
func testClient(t *testing.T, srv *mockportal.Server, role mockportal.Role) *docspace.Client {
	t.Helper()
	c, err := docspace.New(docspace.Config{PortalURL: srv.URL, APIKey: srv.Key(role), MaxRetries: 1})
	if err != nil {
		t.Fatal(err)
	}
	return c
}
