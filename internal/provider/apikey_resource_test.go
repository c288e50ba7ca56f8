package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func apiKeyConfig(srv *mockportal.Server, body string) string {
	return providerConfig(srv, mockportal.DocSpaceAdmin) + fmt.Sprintf(`
resource "docspace_api_key" "ci" {
  %s
}
`, body)
}

// checkOneKey checks the portal's one created key.
func checkOneKey(srv *mockportal.Server, check func(mockportal.APIKey) error) resource.TestCheckFunc {
	return func(*terraform.State) error {
		keys := srv.APIKeys()
		if len(keys) != 1 {
			return fmt.Errorf("%d keys on the portal, want 1", len(keys))
		}
		return check(keys[0])
	}
}

// Create (the secret in state works against the portal), clean re-plan, drift (renamed and
// switched off in DocSpace) shown and repaired, import by id (without the secret), an
// expired key replaced, destroy.
func TestAccAPIKey_Lifecycle(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	config := apiKeyConfig(srv, `name            = "ci"
  permissions     = ["rooms:read", "files:read"]
  expires_in_days = 30`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config, Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttrWith("docspace_api_key.ci", "key", func(v string) error {
					return checkOneKey(srv, func(k mockportal.APIKey) error { return expectString("secret in state", v, k.Secret) })(nil)
				}),
				resource.TestCheckResourceAttr("docspace_api_key.ci", "permissions.#", "2"),
				resource.TestCheckResourceAttrSet("docspace_api_key.ci", "expires_at"),
			)},
			{
				PreConfig: func() {
					k := srv.APIKeys()[0]
					srv.SetAPIKeyActive(k.ID, false)
				},
				Config:           config,
				ConfigPlanChecks: expectUpdate("docspace_api_key.ci"),
				Check:            checkOneKey(srv, func(k mockportal.APIKey) error { return expectString("active", fmt.Sprint(k.Active), "true") }),
			},
			{ResourceName: "docspace_api_key.ci", ImportState: true, ImportStateKind: resource.ImportCommandWithID,
				ImportStateIdFunc: func(*terraform.State) (string, error) { return srv.APIKeys()[0].ID, nil },
				ImportStateVerify: true, ImportStateVerifyIgnore: []string{"key", "expires_in_days"}},
			{
				PreConfig: func() { srv.ExpireAPIKey(srv.APIKeys()[0].ID) },
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("docspace_api_key.ci", plancheck.ResourceActionDestroyBeforeCreate)}},
				Check: checkOneKey(srv, func(k mockportal.APIKey) error { return expectString("active", fmt.Sprint(k.Active), "true") }),
			},
		},
		CheckDestroy: func(*terraform.State) error {
			if n := len(srv.APIKeys()); n != 0 {
				return fmt.Errorf("%d keys left", n)
			}
			return nil
		},
	})
}

func TestAccAPIKey_RefusedAtPlan(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	for body, want := range map[string]string{
		`name = "` + strings.Repeat("n", 31) + `"`: `name string length must be between 1 and 30`,
		`name = "x"` + "\n  permissions = [\"*\"]": `permissions.*value must be one of`,
		`name = "x"` + "\n  permissions = []":      `permissions set must contain at least 1`,
		`name = "x"` + "\n  expires_in_days = 400": `expires_in_days value must be between 1 and 365`,
	} {
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: protoV6ProviderFactories,
			Steps:                    []resource.TestStep{{Config: apiKeyConfig(srv, body), PlanOnly: true, ExpectError: expectError(want)}},
		})
	}
	if n := srv.APIKeysCreated(); n != 0 {
		t.Errorf("%d keys created by refused configurations", n)
	}
}

// secretPattern is a whole DocSpace key secret.
var secretPattern = regexp.MustCompile(`sk-[0-9a-f]{64}`)

// The pipeline pattern: the admin's provider opens a short-lived key scoped to rooms, a
// second provider block acts with it, and the key is gone when the run ends. Plan and
// apply each open (and close) their own key; none reaches the plan, the output or state.
func TestAccAPIKeyEphemeral_ScopedProviderForOneRun(t *testing.T) {
	tf := newTerraformCLI(t, featureEphemeral)
	tf.useBuiltProvider() // two provider blocks configured differently: one process each
	srv := mockportal.StartTest(t, fastJobs())
	config := func(scope string) string {
		return providerConfig(srv, mockportal.DocSpaceAdmin) + fmt.Sprintf(`
ephemeral "docspace_api_key" "run" {
  name        = "pipeline-42"
  permissions = [%q]
}

provider "docspace" {
  alias      = "scoped"
  portal_url = %q
  api_key    = ephemeral.docspace_api_key.run.key
}

resource "docspace_room" "made_by_pipeline" {
  provider  = docspace.scoped
  title     = "Made by the pipeline"
  room_type = "custom"
}
`, scope, srv.URL)
	}
	tf.writeConfig(config("rooms:read"))
	if out, err := tf.apply(); err == nil || !strings.Contains(out, "HTTP 403") {
		t.Fatalf("a rooms:read key must not create rooms (%v):\n%s", err, out)
	}
	// Terraform does not close ephemeral resources of an apply that failed: the key stays
	// until it expires, a day later by default.
	leftover := srv.APIKeys()
	for _, k := range leftover {
		if k.Expires.IsZero() || k.Expires.Sub(k.Created) > 24*time.Hour {
			t.Errorf("a key left by a failed run must expire within a day: %+v", k)
		}
	}
	tf.writeConfig(config("rooms:write"))
	outputs := []string{tf.mustRun("plan", "-no-color", "-input=false")}
	out, err := tf.apply()
	if err != nil {
		t.Fatalf("apply: %v\n%s", err, out)
	}
	outputs = append(outputs, out, tf.mustRun("show", "-json"), tf.mustRun("state", "pull"))
	for i, o := range outputs {
		if secretPattern.MatchString(o) {
			t.Errorf("output %d shows a key secret:\n%s", i, o)
		}
	}
	if len(srv.RoomIDs()) != 1 {
		t.Errorf("rooms: %v", srv.RoomIDs())
	}
	if left := srv.APIKeys(); len(left) != len(leftover) {
		t.Errorf("short-lived keys of the successful run left on the portal: %d, before it %d", len(left), len(leftover))
	}
	if n := srv.APIKeysCreated(); n < 3 {
		t.Errorf("%d keys created; every plan and apply opens its own", n)
	}
}

// Adopting keys: the generated configuration imports and plans no changes.
func TestAccAPIKeyList_QueryGeneratesConfigThatImports(t *testing.T) {
	tf := newTerraformCLI(t, featureListResources)
	srv := mockportal.StartTest(t, mockportal.Options{})
	client := testClient(t, srv, mockportal.DocSpaceAdmin)
	for _, k := range []docspaceKeyRequest{{"deploy", []string{"rooms:write"}, 30}, {"reporting", nil, 0}} {
		if _, err := client.CreateAPIKey(t.Context(), k.request()); err != nil {
			t.Fatal(err)
		}
	}
	tf.writeConfig(providerConfig(srv, mockportal.DocSpaceAdmin))
	tf.writeFile("keys.tfquery.hcl", "list \"docspace_api_key\" \"all\" {\n  provider = docspace\n}\n")
	tf.init()
	out := tf.mustRun("query", "-no-color", "-generate-config-out=generated.tf")
	if strings.Count(out, "list.docspace_api_key.all") != 2 || !strings.Contains(out, "deploy (sk-***") {
		t.Errorf("query output:\n%s", out)
	}
	if out, err := tf.apply(); err != nil || !strings.Contains(out, "2 imported, 0 added, 0 changed, 0 destroyed") {
		t.Fatalf("importing: %v\n%s", err, out)
	}
	if out, err := tf.run("plan", "-no-color", "-detailed-exitcode"); err != nil {
		t.Errorf("the imported keys plan changes (%v):\n%s", err, out)
	}
}

type docspaceKeyRequest struct {
	name  string
	perms []string
	days  int
}

func (k docspaceKeyRequest) request() docspace.NewAPIKey {
	return docspace.NewAPIKey{Name: k.name, Permissions: k.perms, ExpiresInDays: k.days}
}
