package provider

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

// webhookReceiver is a loopback HTTP server that keeps the last delivery.
type webhookReceiver struct {
	*httptest.Server
	mu        sync.Mutex
	body      []byte
	signature string
}

func newWebhookReceiver(t *testing.T) *webhookReceiver {
	rc := &webhookReceiver{}
	rc.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		rc.mu.Lock()
		rc.body, rc.signature = body, r.Header.Get("x-docspace-signature-256")
		rc.mu.Unlock()
	}))
	t.Cleanup(rc.Close)
	return rc
}

// verify checks the last delivery's signature against secret, as a receiver would.
func (rc *webhookReceiver) verify(secret string) error {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(rc.body)
	want := "sha256=" + hex.EncodeToString(mac.Sum(nil))
	if !strings.EqualFold(rc.signature, want) {
		return fmt.Errorf("signature %q does not verify with the configured secret (want %q)", rc.signature, want)
	}
	return nil
}

// webhookConfig is a provider block for role plus docspace_webhook "this" with body.
func webhookConfig(srv *mockportal.Server, role mockportal.Role, body string) string {
	return providerConfig(srv, role) + fmt.Sprintf(`
resource "docspace_webhook" "this" {
  %s
}
`, body)
}

// deliverAndVerify makes the portal deliver an event and checks the receiver verifies it.
func deliverAndVerify(srv *mockportal.Server, rc *webhookReceiver, secret string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		d, err := srv.DeliverWebhookEvent(context.Background(), "file.created", "", map[string]any{"id": 42, "title": "report.docx"})
		if err != nil || len(d) != 1 || d[0].Status != 200 {
			return fmt.Errorf("delivery %+v: %w", d, err)
		}
		return rc.verify(secret)
	}
}

func TestAccWebhook_LifecycleSignedDeliveriesAndSecret(t *testing.T) {
	tf := newTerraformCLI(t)
	srv := mockportal.StartTest(t, mockportal.Options{AllowLoopbackWebhooks: true})
	rc := newWebhookReceiver(t)
	// The secret is write-only where the CLI can, sensitive in state where it cannot.
	secretAttr, rotate := "secret_wo", "\n  secret_wo_version = 2"
	if !tf.supports(featureWriteOnly) {
		secretAttr, rotate = "secret", ""
	}
	body := func(secret, extra string) string {
		return fmt.Sprintf(`name             = "audit feed"
  url              = %q
  ssl_verification = false
  triggers         = ["file.created", "file.uploaded"]
  %s = %q%s`, rc.URL, secretAttr, secret, extra)
	}
	const first, second = "First-secret-1", "Second-secret-2"
	var id int
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if len(srv.Webhooks()) != 0 {
				return fmt.Errorf("webhooks left: %+v", srv.Webhooks())
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: webhookConfig(srv, mockportal.DocSpaceAdmin, body(first, "")),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrWith("docspace_webhook.this", "id", func(v string) (err error) { id, err = strconv.Atoi(v); return err }),
					resource.TestCheckResourceAttr("docspace_webhook.this", "enabled", "true"),
					deliverAndVerify(srv, rc, first),
					func(s *terraform.State) error {
						if secretAttr == "secret_wo" {
							return secretAbsentFromState(first)(s)
						}
						return nil
					},
				),
			},
			{ResourceName: "docspace_webhook.this", ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"secret", "secret_wo", "secret_wo_version"}},
			{
				// Rotating: a new secret (and, write-only, a new version) reaches the portal.
				Config: webhookConfig(srv, mockportal.DocSpaceAdmin, body(second, rotate)),
				Check:  deliverAndVerify(srv, rc, second),
			},
			{
				// Disabled by DocSpace after failures: the plan turns it back on.
				PreConfig:        func() { srv.ChangeWebhook(id, func(w *mockportal.Webhook) { w.Enabled = false }) },
				Config:           webhookConfig(srv, mockportal.DocSpaceAdmin, body(second, rotate)),
				ConfigPlanChecks: expectUpdate("docspace_webhook.this"),
				Check:            deliverAndVerify(srv, rc, second),
			},
			{
				// Deleted by DocSpace after a 410: the plan creates it again.
				PreConfig: func() { srv.DeleteWebhookNow(id) },
				Config:    webhookConfig(srv, mockportal.DocSpaceAdmin, body(second, rotate)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("docspace_webhook.this", plancheck.ResourceActionCreate)}},
				Check: deliverAndVerify(srv, rc, second),
			},
		},
	})
}

func TestAccWebhook_RefusedAtPlanOrByThePortal(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	for _, c := range []struct{ name, body, want string }{
		{"http with ssl", `name = "a"` + "\n  url = \"http://hooks.example.com/x\"\n  secret = \"Long-enough-1\"", `An http webhook URL needs ssl_verification = false`},
		{"not a URL", `name = "a"` + "\n  url = \"hooks.example.com\"\n  secret = \"Long-enough-1\"", `is not an absolute http or https URL`},
		{"unknown event", `name = "a"` + "\n  url = \"https://hooks.example.com/x\"\n  secret = \"Long-enough-1\"\n  triggers = [\"file.exploded\"]", `value must be one of`},
		{"short secret", `name = "a"` + "\n  url = \"https://hooks.example.com/x\"\n  secret = \"short\"", `the secret has 5 characters`},
		{"no secret", `name = "a"` + "\n  url = \"https://hooks.example.com/x\"", `A new webhook needs a secret`},
	} {
		t.Run(c.name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: protoV6ProviderFactories,
				Steps:                    []resource.TestStep{{Config: webhookConfig(srv, mockportal.DocSpaceAdmin, c.body), PlanOnly: true, ExpectError: expectError(c.want)}},
			})
		})
	}
	// What only the portal knows: its blacklist (no loopback here) and the HEAD check.
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: webhookConfig(srv, mockportal.DocSpaceAdmin, `name = "a"
  url              = "http://127.0.0.1:9/hook"
  ssl_verification = false
  secret           = "Long-enough-1"`),
			ExpectError: expectError(`DocSpace refused the webhook \(HTTP 400\).*URL host is in the blacklist`),
		}},
	})
	if strings.Contains(strings.Join(requestLines(srv), "\n"), "short") {
		t.Error("a secret reached the request log")
	}
}

// The write-only secret appears nowhere: not in the plan, the apply output, the state or
// `show -json`.
func TestAccWebhook_WriteOnlySecretLeavesNoTrace(t *testing.T) {
	tf := newTerraformCLI(t, featureWriteOnly)
	srv := mockportal.StartTest(t, mockportal.Options{AllowLoopbackWebhooks: true})
	rc := newWebhookReceiver(t)
	const secret = "Never-in-state-7"
	tf.writeConfig(webhookConfig(srv, mockportal.DocSpaceAdmin, fmt.Sprintf(`name = "feed"
  url              = %q
  ssl_verification = false
  secret_wo        = %q
  secret_wo_version = 1`, rc.URL, secret)))
	tf.init()
	outputs := []string{tf.mustRun("plan", "-no-color", "-input=false")}
	out, err := tf.apply()
	if err != nil {
		t.Fatalf("apply: %v\n%s", err, out)
	}
	outputs = append(outputs, out, tf.mustRun("show", "-json"), tf.mustRun("state", "pull"))
	for i, o := range outputs {
		if strings.Contains(o, secret) {
			t.Errorf("output %d shows the secret:\n%s", i, o)
		}
	}
	if err := deliverAndVerify(srv, rc, secret)(nil); err != nil {
		t.Error(err)
	}
}

// A webhook write the portal answers with success but does not store is named.
func TestAccWebhook_DroppedChangeIsNamed(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	config := func(name string) string {
		return webhookConfig(srv, mockportal.DocSpaceAdmin, fmt.Sprintf(`name = %q
  url    = "https://hooks.example.com/x"
  secret = "Long-enough-1"`, name))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config("before")},
			{
				PreConfig: func() {
					id := srv.Webhooks()[0].ID
					srv.InjectFault(mockportal.Fault{Method: "PUT", Path: "/api/2.0/settings/webhook", Status: 200,
						Body: fmt.Sprintf(`{"response":{"id":%d,"name":"after","uri":"https://hooks.example.com/x","enabled":true,"ssl":true},"status":0,"statusCode":200}`, id)})
				},
				Config:      config("after"),
				ExpectError: expectError(`DocSpace did not store name.*reading name back gives "before" instead of "after"`),
			},
			{Config: config("after"), Check: resource.TestCheckResourceAttr("docspace_webhook.this", "name", "after")},
		},
	})
}
