package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

const testMachineKey = "machine-key-of-the-test-server"

// spaceServer is a self-hosted server whose hosting API takes testMachineKey.
func spaceServer(t *testing.T) *mockportal.Server {
	return mockportal.StartTest(t, mockportal.Options{Standalone: true, MachineKey: testMachineKey})
}

// hostingProvider is a provider block for srv with the hosting credentials.
func hostingProvider(srv *mockportal.Server) string {
	return providerConfig(srv, mockportal.Owner, fmt.Sprintf("hosting = { machine_key = %q }", testMachineKey))
}

func spaceConfig(name, extra string) string {
	return fmt.Sprintf(`
resource "docspace_space" %[3]q {
  name             = %[1]q
  owner_email      = "ada@%[1]s.test"
  owner_first_name = "Ada"
  owner_last_name  = "Admin"
  %[2]s
}
`, name, extra, strings.Trim(name, "-"))
}

func checkSpaceStatus(srv *mockportal.Server, name, want string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		return expectString("status of space "+name, srv.SpaceStatus(name), want)
	}
}

// Create, clean re-plan, drift (suspended in DocSpace) shown and repaired, suspend and
// resume from the configuration, import by tenant id, destroy (removed at once: the owner
// never finished the setup).
func TestAccSpace_Lifecycle(t *testing.T) {
	srv := spaceServer(t)
	config := func(extra string) string { return hostingProvider(srv) + spaceConfig("acme", extra) }
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config(""), Check: resource.ComposeAggregateTestCheckFunc(
				checkSpaceStatus(srv, "acme", "Active"),
				resource.TestCheckResourceAttr("docspace_space.acme", "id", "2"),
				resource.TestCheckResourceAttr("docspace_space.acme", "domain", "acme."+srv.BaseDomain()),
				resource.TestCheckResourceAttr("docspace_space.acme", "portal_url", "http://acme."+srv.BaseDomain()),
				resource.TestCheckResourceAttrSet("docspace_space.acme", "setup_link"),
				func(*terraform.State) error {
					return expectString("owner", srv.Space("acme").OwnerEmail(), "ada@acme.test")
				},
			)},
			{
				PreConfig:        func() { srv.SetSpaceSuspended("acme", true) },
				Config:           config(""),
				ConfigPlanChecks: expectUpdate("docspace_space.acme"),
				Check:            checkSpaceStatus(srv, "acme", "Active"),
			},
			{Config: config("suspended = true"), Check: resource.ComposeAggregateTestCheckFunc(
				checkSpaceStatus(srv, "acme", "Suspended"),
				resource.TestCheckResourceAttr("docspace_space.acme", "status", "Suspended"),
			)},
			{Config: config(""), Check: checkSpaceStatus(srv, "acme", "Active")},
			{ResourceName: "docspace_space.acme", ImportState: true, ImportStateId: "2", ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"owner_first_name", "owner_last_name", "setup_link", "limited_access"}},
		},
		CheckDestroy: func(*terraform.State) error {
			return expectString("status after destroy", srv.SpaceStatus("acme"), "RemovePending")
		},
	})
}

// A space removed outside Terraform is gone only because DocSpace answers its name as
// another portal: the next plan creates it again.
func TestAccSpace_RemovedOutsideIsRecreated(t *testing.T) {
	srv := spaceServer(t)
	config := hostingProvider(srv) + spaceConfig("acme", "")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config},
			{
				PreConfig: func() { srv.RemoveSpace("acme") },
				Config:    config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("docspace_space.acme", plancheck.ResourceActionCreate)}},
				Check: resource.ComposeAggregateTestCheckFunc(
					checkSpaceStatus(srv, "acme", "Active"),
					resource.TestCheckResourceAttr("docspace_space.acme", "id", "3"),
				),
			},
		},
	})
}

// Without hosting credentials, or on DocSpace Cloud, plan warns and apply refuses before
// registering anything. A name DocSpace would refuse fails at plan.
func TestAccSpace_Refused(t *testing.T) {
	cloud := mockportal.StartTest(t, mockportal.Options{MachineKey: testMachineKey})
	server := spaceServer(t)
	cases := map[string]struct {
		srv    *mockportal.Server
		config string
		want   string
	}{
		"DocSpace Cloud":         {cloud, hostingProvider(cloud) + spaceConfig("acme", ""), `Spaces exist on self-hosted servers only`},
		"no hosting credentials": {server, providerConfig(server, mockportal.Owner) + spaceConfig("acme", ""), `needs the provider's hosting credentials.*machine_key`},
		"a name taken":           {server, hostingProvider(server) + spaceConfig("portal", ""), `The space's name is taken or not allowed`},
		"wrong machine key":      {server, providerConfig(server, mockportal.Owner, `hosting = { machine_key = "nope" }`) + spaceConfig("acme", ""), `The hosting API refused the credentials \(HTTP 401\)`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			tc.srv.ResetRequests()
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: protoV6ProviderFactories,
				Steps:                    []resource.TestStep{{Config: tc.config, ExpectError: expectError(tc.want)}},
			})
			if got := tc.srv.SpaceStatus("acme"); got != "" {
				t.Errorf("a space was registered although it was refused (%s)", got)
			}
		})
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{Config: hostingProvider(server) + spaceConfig("-acme", ""), PlanOnly: true,
			ExpectError: expectError(`Invalid space name.*inner hyphens`)}},
	})
}

// A space set up with a password is removed only when its owner confirms: destroy fails,
// says so and keeps the space in state; after the confirmation it succeeds.
func TestAccSpace_RemovalNeedsTheOwner(t *testing.T) {
	tf := newTerraformCLI(t, featureWriteOnly)
	srv := spaceServer(t)
	tf.writeConfig(providerConfig(srv, mockportal.Owner, fmt.Sprintf(`hosting = {
    email    = %q
    password = %q
  }`, srv.OwnerEmail(), srv.OwnerPassword())) + spaceConfig("acme", `owner_password_wo = "Owner-Passw0rd"`))
	tf.init()
	if out, err := tf.apply(); err != nil {
		t.Fatalf("apply: %v\n%s", err, out)
	}
	if show := tf.mustRun("show", "-json"); strings.Contains(show, "Owner-Passw0rd") {
		t.Error("the owner's password is in the state")
	}
	out, err := tf.run("destroy", "-no-color", "-input=false", "-auto-approve")
	if err == nil || !strings.Contains(out, "owner must confirm its removal") || srv.SpaceStatus("acme") != "Active" {
		t.Fatalf("destroy of a set-up space (%v, status %s):\n%s", err, srv.SpaceStatus("acme"), out)
	}
	if !srv.ConfirmSpaceRemoval("acme") {
		t.Fatal("no removal instructions were sent")
	}
	if out, err := tf.run("destroy", "-no-color", "-input=false", "-auto-approve"); err != nil {
		t.Fatalf("destroy after the owner confirmed: %v\n%s", err, out)
	}
	if list := tf.mustRun("state", "list"); strings.TrimSpace(list) != "" {
		t.Errorf("state after destroy: %s", list)
	}
}

// spaceProxy makes the mock the HTTP proxy of this process, so a space's domain
// (<name>.localhost:<port>, which nothing resolves) reaches the server.
func spaceProxy(t *testing.T, srv *mockportal.Server) {
	t.Setenv("HTTP_PROXY", srv.URL)
	t.Setenv("NO_PROXY", "")
}

// The fleet guide's pattern on every CLI: the server's portal registers a space; once its
// owner has a key, a provider alias for the space applies a baseline there; a clean plan
// follows; retiring the space removes its resources first, then the space.
func TestAccSpace_FleetWithProviderAliases(t *testing.T) {
	tf := newTerraformCLI(t)
	tf.useBuiltProvider() // one plugin process per provider instance, as in real runs
	srv := spaceServer(t)
	spaceProxy(t, srv)
	server := strings.Replace(hostingProvider(srv), `provider "docspace" {`, "provider \"docspace\" {\n  alias = \"server\"", 1)
	space := strings.Replace(spaceConfig("sales", ""), "{\n", "{\n  provider         = docspace.server\n", 1)
	tf.writeConfig(server + space)
	tf.init()
	if out, err := tf.apply(); err != nil {
		t.Fatalf("registering the space: %v\n%s", err, out)
	}
	key := srv.Space("sales").Key(mockportal.Owner) // the key its owner creates after the setup
	baseline := fmt.Sprintf(`
provider "docspace" {
  alias      = "sales"
  portal_url = docspace_space.sales.portal_url
  api_key    = %q
}

resource "docspace_password_policy" "sales" {
  provider   = docspace.sales
  min_length = 14
}
`, key)
	tf.writeConfig(server + space + baseline)
	if out, err := tf.apply(); err != nil {
		t.Fatalf("the baseline in the space: %v\n%s", err, out)
	}
	if got := srv.Space("sales").Settings().Password.MinLength; got != 14 {
		t.Errorf("password policy in the space: %d", got)
	}
	if got := srv.Settings().Password.MinLength; got == 14 {
		t.Error("the baseline reached the server's own portal")
	}
	if out, err := tf.run("plan", "-no-color", "-input=false", "-detailed-exitcode"); err != nil {
		t.Errorf("the fleet does not plan clean (%v):\n%s", err, out)
	}
	// Retire: the space's resources go while its provider is still configured...
	tf.writeConfig(server + space + strings.Split(baseline, "resource ")[0])
	if out, err := tf.apply(); err != nil {
		t.Fatalf("removing the space's resources: %v\n%s", err, out)
	}
	// ...then the space and its provider block.
	tf.writeConfig(server)
	if out, err := tf.apply(); err != nil {
		t.Fatalf("removing the space: %v\n%s", err, out)
	}
	if got := srv.SpaceStatus("sales"); got != "RemovePending" {
		t.Errorf("space after retiring: %s", got)
	}
}

// The OpenTofu half of the fleet guide: one provider block with for_each over the spaces,
// the baseline with for_each over the same keys, and a space retired in two applies (its
// resources first, while its provider instance still exists).
func TestAccSpace_FleetWithProviderForEach(t *testing.T) {
	tf := newTerraformCLI(t, featureProviderForEach)
	tf.useBuiltProvider() // one plugin process per provider instance, as in real runs
	srv := spaceServer(t)
	spaceProxy(t, srv)
	config := func(spaces, retiring []string, keys map[string]string) string {
		quoted := func(list []string) string {
			q := make([]string, len(list))
			for i, s := range list {
				q[i] = fmt.Sprintf("%q", s)
			}
			return "[" + strings.Join(q, ", ") + "]"
		}
		var keyLines []string
		for name, key := range keys {
			keyLines = append(keyLines, fmt.Sprintf("%s = %q", name, key))
		}
		server := strings.Replace(hostingProvider(srv), `provider "docspace" {`, "provider \"docspace\" {\n  alias = \"server\"", 1)
		return server + fmt.Sprintf(`
locals {
  spaces   = toset(%s)
  retiring = toset(%s)
  keys     = { %s }
}

resource "docspace_space" "team" {
  for_each         = local.spaces
  provider         = docspace.server
  name             = each.key
  owner_email      = "lead@${each.key}.test"
  owner_first_name = "Team"
  owner_last_name  = "Lead"
}

provider "docspace" {
  alias      = "space"
  for_each   = local.keys
  portal_url = "http://${each.key}.%s"
  api_key    = each.value
}

resource "docspace_password_policy" "baseline" {
  for_each   = setsubtract(keys(local.keys), local.retiring)
  provider   = docspace.space[each.key]
  min_length = 14
}
`, quoted(spaces), quoted(retiring), strings.Join(keyLines, ", "), srv.BaseDomain())
	}
	both := []string{"sales", "legal"}
	tf.writeConfig(config(both, nil, nil))
	tf.init()
	if out, err := tf.apply(); err != nil {
		t.Fatalf("registering the spaces: %v\n%s", err, out)
	}
	keys := map[string]string{}
	for _, name := range both {
		keys[name] = srv.Space(name).Key(mockportal.Owner)
	}
	tf.writeConfig(config(both, nil, keys))
	if out, err := tf.apply(); err != nil {
		t.Fatalf("the baseline in every space: %v\n%s", err, out)
	}
	for _, name := range both {
		if got := srv.Space(name).Settings().Password.MinLength; got != 14 {
			t.Errorf("password policy in %s: %d", name, got)
		}
	}
	if out, err := tf.run("plan", "-no-color", "-input=false", "-detailed-exitcode"); err != nil {
		t.Errorf("the fleet does not plan clean (%v):\n%s", err, out)
	}
	tf.writeConfig(config(both, []string{"legal"}, keys))
	if out, err := tf.apply(); err != nil {
		t.Fatalf("retiring legal's resources: %v\n%s", err, out)
	}
	delete(keys, "legal")
	tf.writeConfig(config([]string{"sales"}, nil, keys))
	if out, err := tf.apply(); err != nil {
		t.Fatalf("retiring the legal space: %v\n%s", err, out)
	}
	if srv.SpaceStatus("legal") != "RemovePending" || srv.SpaceStatus("sales") != "Active" {
		t.Errorf("after retiring: legal %s, sales %s", srv.SpaceStatus("legal"), srv.SpaceStatus("sales"))
	}
}

// Neither the machine key nor the owner's password appears anywhere: plan and apply
// output with TRACE logs of the CLI and the provider process, the state, `show -json`.
func TestAccSpace_SecretsLeaveNoTrace(t *testing.T) {
	tf := newTerraformCLI(t, featureWriteOnly)
	tf.useBuiltProvider() // the provider's own logs reach the CLI's TRACE output
	tf.env = append(tf.env, "TF_LOG=trace")
	srv := spaceServer(t)
	const password = "Owner-Passw0rd-never-logged"
	tf.writeConfig(hostingProvider(srv) + spaceConfig("acme", fmt.Sprintf("owner_password_wo = %q", password)))
	outputs := []string{tf.mustRun("plan", "-no-color", "-input=false")}
	out, err := tf.apply()
	if err != nil {
		t.Fatalf("apply: %v\n%s", err, out)
	}
	if !strings.Contains(out, "DocSpace API response") {
		t.Fatal("no provider TRACE lines in the output: the test would prove nothing")
	}
	outputs = append(outputs, out, tf.mustRun("show", "-json"), tf.mustRun("state", "pull"))
	for i, o := range outputs {
		for _, secret := range []string{testMachineKey, password} {
			if strings.Contains(o, secret) {
				t.Errorf("output %d shows a secret (%.6s…)", i, secret)
			}
		}
	}
}
