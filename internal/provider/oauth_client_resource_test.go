package provider

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

const testOAuthLogo = "data:image/png;base64,iVBORw0KGgo="

// oauthClientConfig is a docspace_oauth_client "app" with the required attributes; extra
// lines override or add to them.
func oauthClientConfig(srv *mockportal.Server, role mockportal.Role, extra string) string {
	attrs := map[string]string{
		"name": `"Reporting"`, "logo": fmt.Sprintf("%q", testOAuthLogo), "website_url": `"https://app.example.com"`,
		"terms_url": `"https://app.example.com/terms"`, "policy_url": `"https://app.example.com/privacy"`,
		"logout_redirect_uri": `"https://app.example.com/bye"`, "redirect_uris": `["https://app.example.com/cb"]`,
		"allowed_origins": `["https://app.example.com"]`, "scopes": `["rooms:read", "openid"]`,
	}
	for _, line := range strings.Split(extra, "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			attrs[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	var b strings.Builder
	for _, k := range slices.Sorted(maps.Keys(attrs)) {
		fmt.Fprintf(&b, "  %s = %s\n", k, attrs[k])
	}
	return providerConfig(srv, role) + "\nresource \"docspace_oauth_client\" \"app\" {\n" + b.String() + "}\n"
}

// checkOneOAuthClient checks the portal's one client.
func checkOneOAuthClient(srv *mockportal.Server, check func(mockportal.OAuthClient) error) resource.TestCheckFunc {
	return func(*terraform.State) error {
		clients := srv.OAuthClients()
		if len(clients) != 1 {
			return fmt.Errorf("%d OAuth clients on the portal, want 1", len(clients))
		}
		return check(clients[0])
	}
}

func secretInStateIsThePortals(srv *mockportal.Server) resource.TestCheckFunc {
	return resource.TestCheckResourceAttrWith("docspace_oauth_client.app", "client_secret", func(v string) error {
		return checkOneOAuthClient(srv, func(c mockportal.OAuthClient) error { return expectString("secret in state", v, c.Secret) })(nil)
	})
}

// Register, clean re-plan, drift (renamed, switched off, other origins in the UI) shown and
// repaired, the secret rotated by the trigger (not by setting it first), an immutable
// attribute replacing the client, import by id, removal outside recreating, destroy.
func TestAccOAuthClient_Lifecycle(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	base := oauthClientConfig(srv, mockportal.DocSpaceAdmin, "allow_pkce = true")
	rotated := func(v string) string {
		return oauthClientConfig(srv, mockportal.DocSpaceAdmin, "allow_pkce = true\nclient_secret_rotation = "+v)
	}
	var secretBefore string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: base, Check: resource.ComposeAggregateTestCheckFunc(
				secretInStateIsThePortals(srv),
				resource.TestCheckResourceAttr("docspace_oauth_client.app", "authentication_methods.#", "2"),
				resource.TestCheckResourceAttrPair("docspace_oauth_client.app", "id", "docspace_oauth_client.app", "client_id"),
				checkOneOAuthClient(srv, func(c mockportal.OAuthClient) error {
					return expectString("pkce and scopes", fmt.Sprint(c.AllowPKCE, c.Scopes), "true [openid rooms:read]")
				}),
			)},
			{
				PreConfig: func() {
					srv.ChangeOAuthClient(srv.OAuthClients()[0].ID, func(c *mockportal.OAuthClient) {
						c.Name, c.Enabled, c.AllowedOrigins = "Renamed in the UI", false, []string{"https://other.example.com"}
					})
				},
				Config:           base,
				ConfigPlanChecks: expectUpdate("docspace_oauth_client.app"),
				Check: checkOneOAuthClient(srv, func(c mockportal.OAuthClient) error {
					return expectString("repaired", fmt.Sprintf("%s %v %v", c.Name, c.Enabled, c.AllowedOrigins), "Reporting true [https://app.example.com]")
				}),
			},
			{
				Config: rotated(`"2026-12"`),
				Check: resource.ComposeAggregateTestCheckFunc(secretInStateIsThePortals(srv),
					checkOneOAuthClient(srv, func(c mockportal.OAuthClient) error { secretBefore = c.Secret; return nil })),
			},
			{
				Config:           rotated(`"2027-01"`),
				ConfigPlanChecks: expectUpdate("docspace_oauth_client.app"),
				Check: resource.ComposeAggregateTestCheckFunc(secretInStateIsThePortals(srv),
					checkOneOAuthClient(srv, func(c mockportal.OAuthClient) error {
						if c.Secret == secretBefore {
							return fmt.Errorf("the secret was not rotated")
						}
						return nil
					})),
			},
			{
				Config: oauthClientConfig(srv, mockportal.DocSpaceAdmin, "allow_pkce = true\nclient_secret_rotation = \"2027-01\"\n"+
					`redirect_uris = ["https://app.example.com/callback"]`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("docspace_oauth_client.app", plancheck.ResourceActionDestroyBeforeCreate)}},
				Check: checkOneOAuthClient(srv, func(c mockportal.OAuthClient) error {
					return expectString("redirect", fmt.Sprint(c.RedirectURIs), "[https://app.example.com/callback]")
				}),
			},
			{ResourceName: "docspace_oauth_client.app", ImportState: true, ImportStateKind: resource.ImportCommandWithID,
				ImportStateIdFunc: func(*terraform.State) (string, error) { return srv.OAuthClients()[0].ID, nil },
				ImportStateVerify: true, ImportStateVerifyIgnore: []string{"client_secret_rotation"}},
			{
				PreConfig: func() { srv.DeleteOAuthClientNow(srv.OAuthClients()[0].ID) },
				Config: oauthClientConfig(srv, mockportal.DocSpaceAdmin, "allow_pkce = true\nclient_secret_rotation = \"2027-01\"\n"+
					`redirect_uris = ["https://app.example.com/callback"]`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("docspace_oauth_client.app", plancheck.ResourceActionCreate)}},
				Check: secretInStateIsThePortals(srv),
			},
		},
		CheckDestroy: func(*terraform.State) error {
			if n := len(srv.OAuthClients()); n != 0 {
				return fmt.Errorf("%d OAuth clients left", n)
			}
			return nil
		},
	})
}

// Bad values are refused at plan, before any request reaches the identity service.
func TestAccOAuthClient_RefusedAtPlan(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	for extra, want := range map[string]string{
		`name = "ab"`:                             `name string length must be between 3 and 256`,
		`terms_url = "http://localhost:8080/t"`:   `terms_url must be a URL on a public host name`,
		`logo = "https://app.example.com/l.png"`:  `logo must be a base64 data URL`,
		`scopes = ["rooms:admin"]`:                `scopes.*value must be one of`,
		`redirect_uris = ["ftp://x.example.com"]`: `redirect_uris.*must be an http\(s\) URL`,
		`allowed_origins = []`:                    `allowed_origins set must contain at least 1`,
		`description = ""`:                        `description string length must be between 1 and 255`,
	} {
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: protoV6ProviderFactories,
			Steps:                    []resource.TestStep{{Config: oauthClientConfig(srv, mockportal.DocSpaceAdmin, extra), PlanOnly: true, ExpectError: expectError(want)}},
		})
	}
	if n := srv.SignaturesIssued(); n != 0 {
		t.Errorf("%d signatures asked for by refused configurations", n)
	}
}

// A guest's key is refused by the identity service, in words, and nothing is in state.
func TestAccOAuthClient_GuestRefused(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{Config: oauthClientConfig(srv, mockportal.Guest, ""),
			ExpectError: expectError(`This API key may not manage OAuth clients \(HTTP 403\)`)}},
	})
}

// The client secret is sensitive state: never in plan or apply output, nor in the TRACE
// logs of the CLI and the provider.
func TestAccOAuthClient_SecretStaysOutOfOutput(t *testing.T) {
	tf := newTerraformCLI(t)
	tf.useBuiltProvider() // the provider's own logs reach the CLI's TRACE output
	tf.env = append(tf.env, "TF_LOG=trace")
	srv := mockportal.StartTest(t, mockportal.Options{})
	tf.writeConfig(oauthClientConfig(srv, mockportal.DocSpaceAdmin, "client_secret_rotation = 1"))
	outputs := []string{tf.mustRun("plan", "-no-color", "-input=false")}
	out, err := tf.apply()
	if err != nil {
		t.Fatalf("apply: %v\n%s", err, out)
	}
	if !strings.Contains(out, "DocSpace API response") {
		t.Fatal("no provider TRACE lines in the output: the test would prove nothing")
	}
	first := srv.OAuthClients()[0].Secret
	tf.writeConfig(oauthClientConfig(srv, mockportal.DocSpaceAdmin, "client_secret_rotation = 2"))
	out, err = tf.apply()
	if err != nil {
		t.Fatalf("rotating: %v\n%s", err, out)
	}
	outputs = append(outputs, out, tf.mustRun("plan", "-no-color", "-input=false"))
	for i, o := range outputs {
		for _, secret := range []string{first, srv.OAuthClients()[0].Secret} {
			if strings.Contains(o, secret) {
				t.Errorf("output %d shows a client secret", i)
			}
		}
	}
}

// Adopting clients: the generated configuration imports and plans no changes.
func TestAccOAuthClientList_QueryGeneratesConfigThatImports(t *testing.T) {
	tf := newTerraformCLI(t, featureListResources)
	srv := mockportal.StartTest(t, mockportal.Options{})
	client := testClient(t, srv, mockportal.DocSpaceAdmin)
	for _, name := range []string{"Reporting", "Mobile"} {
		n := docspace.NewOAuthClient{Name: name, Logo: testOAuthLogo, WebsiteURL: "https://app.example.com", TermsURL: "https://app.example.com/t",
			PolicyURL: "https://app.example.com/p", LogoutRedirectURI: "https://app.example.com/bye", RedirectURIs: []string{"https://app.example.com/cb"},
			AllowedOrigins: []string{"https://app.example.com"}, Scopes: []string{"files:read"}, AllowPKCE: name == "Mobile"}
		if _, err := client.CreateOAuthClient(t.Context(), n); err != nil {
			t.Fatal(err)
		}
	}
	tf.writeConfig(providerConfig(srv, mockportal.DocSpaceAdmin))
	tf.writeFile("clients.tfquery.hcl", "list \"docspace_oauth_client\" \"all\" {\n  provider = docspace\n}\n")
	tf.init()
	out := tf.mustRun("query", "-no-color", "-generate-config-out=generated.tf")
	if strings.Count(out, "list.docspace_oauth_client.all") != 2 || !strings.Contains(out, "Mobile (") {
		t.Errorf("query output:\n%s", out)
	}
	if out, err := tf.apply(); err != nil || !strings.Contains(out, "2 imported, 0 added, 0 changed, 0 destroyed") {
		t.Fatalf("importing: %v\n%s", err, out)
	}
	if out, err := tf.run("plan", "-no-color", "-detailed-exitcode"); err != nil {
		t.Errorf("the imported clients plan changes (%v):\n%s", err, out)
	}
}
