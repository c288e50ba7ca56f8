package provider

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func tlsProviderConfig(url, key, extra string) string {
	return fmt.Sprintf(`
provider "docspace" {
  portal_url = %q
  api_key    = %q
  %s
}
resource "docspace_backup_history_purge" "this" {}
`, url, key, extra)
}

func TestAccProvider_TLS(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{TLS: true, Backups: 2})
	key := srv.Key(mockportal.Owner)
	caFile := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(caFile, []byte(srv.CAPEM), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := map[string]struct {
		extra string
		want  string // error pattern; empty means the purge succeeds
	}{
		"untrusted":            {want: `TLS certificate is not trusted.*x509.*ca_certificate`},
		"ca_certificate":       {extra: fmt.Sprintf("ca_certificate = <<EOT\n%sEOT", srv.CAPEM)},
		"ca_certificate_file":  {extra: fmt.Sprintf("ca_certificate_file = %q", caFile)},
		"insecure_skip_verify": {extra: "insecure_skip_verify = true"},
		"missing CA file":      {extra: fmt.Sprintf("ca_certificate_file = %q", caFile+".missing"), want: `Cannot read the CA certificate file.*no such file`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			srv.ResetRequests()
			srv.Seed(false, 1)
			step := resource.TestStep{Config: tlsProviderConfig(srv.URL, key, tc.extra)}
			if tc.want != "" {
				step.ExpectError = expectError(tc.want)
			} else {
				step.Check = resource.ComposeAggregateTestCheckFunc(
					checkRequests(srv, reqPurge, reqHistory),
					checkHistoryLen(srv, false, 0),
				)
			}
			resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: protoV6ProviderFactories, Steps: []resource.TestStep{step}})
		})
	}
}

func TestAccProvider_HTTPSProxy(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{TLS: true, Backups: 2})
	proxy, err := mockportal.StartProxy(srv.Addr())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(proxy.Close)
	t.Setenv("HTTPS_PROXY", proxy.URL)
	t.Setenv("NO_PROXY", "")
	_, port, _ := strings.Cut(srv.Addr(), ":")
	// Nothing resolves docspace.test: only the proxy knows where it is.
	url := "https://" + mockportal.TestHostName + ":" + port
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: tlsProviderConfig(url, srv.Key(mockportal.Owner), fmt.Sprintf("ca_certificate = <<EOT\n%sEOT", srv.CAPEM)),
			Check: resource.ComposeAggregateTestCheckFunc(
				checkRequests(srv, reqPurge, reqHistory),
				func(_ *terraform.State) error {
					if got := proxy.Connects(); len(got) == 0 || got[0] != mockportal.TestHostName+":"+port {
						return fmt.Errorf("proxy tunnels: %v", got)
					}
					return nil
				},
			),
		}},
	})
}

func TestAccProvider_PlainHTTPRules(t *testing.T) {
	cases := map[string]struct {
		config string
		want   string
	}{
		"remote http refused": {`portal_url = "http://docspace.example.com"
  api_key = "sk-x"`, `Refusing to send the API key over plain HTTP.*clear text.*allow_insecure_http`},
		"bad CA PEM": {`portal_url = "https://docspace.example.com"
  api_key = "sk-x"
  ca_certificate = "not a certificate"`, `Invalid CA certificate.*BEGIN CERTIFICATE`},
		"both CA forms": {`portal_url = "https://docspace.example.com"
  api_key = "sk-x"
  ca_certificate = "x"
  ca_certificate_file = "/x"`, `ca_certificate_file`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: protoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      "provider \"docspace\" {\n  " + tc.config + "\n}\nresource \"docspace_backup_history_purge\" \"this\" {}\n",
					PlanOnly:    true,
					ExpectError: expectError(tc.want),
				}},
			})
		})
	}
	t.Run("remote http allowed when asked", func(t *testing.T) {
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: protoV6ProviderFactories,
			Steps: []resource.TestStep{{
				Config: `provider "docspace" {
  portal_url          = "http://docspace.example.com"
  api_key             = "sk-x"
  allow_insecure_http = true
}
resource "docspace_backup_history_purge" "this" {}
`,
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			}},
		})
	})
}

func TestTransport_InsecureSkipVerifyWarns(t *testing.T) {
	p := &docspaceProvider{}
	transport, diags := p.transport(providerModel{InsecureSkipVerify: types.BoolValue(true)})
	if diags.HasError() || len(diags.Warnings()) != 1 || diags.Warnings()[0].Summary() != "TLS certificate verification is off" {
		t.Fatalf("diags: %v", diags)
	}
	if !transport.TLSClientConfig.InsecureSkipVerify {
		t.Error("verification still on")
	}
	_, diags = p.transport(providerModel{InsecureSkipVerify: types.BoolValue(false)})
	if len(diags) != 0 {
		t.Errorf("warned without insecure_skip_verify: %v", diags)
	}
}
