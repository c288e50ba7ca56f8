package provider

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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
  ca_certificate = "not a certificate"`, `Invalid certificate.*BEGIN CERTIFICATE`},
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

const htmlPage = "<!DOCTYPE html>\n<html><head><title>%s</title></head><body><p>internal-page-detail</p></body></html>"

// TestAccFaultMatrix drives the purge through every failure the portal or its proxy can
// produce. A row either recovers (the purge happens, with the retries it took) or fails
// with its diagnostic; a failing row leaves nothing in state, which the follow-up step
// proves by purging again once the fault is gone.
func TestAccFaultMatrix(t *testing.T) {
	rows := []struct {
		name     string
		fault    mockportal.Fault
		extra    string        // resource body
		deletes  int           // DELETE requests the successful apply makes
		minGap   time.Duration // least time between the first two DELETEs
		maxTotal time.Duration // upper bound for a failing apply's duration
		wantErr  string
	}{
		{name: "429 with Retry-After", fault: mockportal.Fault{Status: 429, Headers: map[string]string{"Retry-After": "2"}, Body: `{"error":{"message":"Too many requests"},"status":1,"statusCode":429}`}, deletes: 2, minGap: 2 * time.Second},
		{name: "503 HTML twice", fault: mockportal.Fault{Status: 503, Times: 2, Body: fmt.Sprintf(htmlPage, "503 Service Temporarily Unavailable")}, deletes: 3},
		{name: "504", fault: mockportal.Fault{Status: 504, Body: fmt.Sprintf(htmlPage, "504 Gateway Time-out")}, deletes: 2},
		{name: "connection reset", fault: mockportal.Fault{Drop: true}, deletes: 2},
		{name: "slower than create timeout", fault: mockportal.Fault{Delay: mockportal.Duration(60 * time.Second)}, extra: "timeouts {\n    create = \"3s\"\n  }", maxTotal: 20 * time.Second, wantErr: `DocSpace request timed out.*deadline exceeded`},
		{name: "truncated JSON", fault: mockportal.Fault{Status: 200, Body: `{"response":tr`}, wantErr: `Unexpected answer from the DocSpace portal.*not a JSON envelope`},
		{name: "200 HTML login page", fault: mockportal.Fault{Status: 200, Body: fmt.Sprintf(htmlPage, "Sign in - Example SSO")}, wantErr: `Unexpected answer.*"Sign in - Example SSO"`},
		{name: "response false", fault: mockportal.Fault{Status: 200, Body: `{"response":false,"count":1,"status":0,"statusCode":200}`}, wantErr: `answered false where it should answer true`},
		{name: "retries exhausted", fault: mockportal.Fault{Status: 503, Times: -1, Body: fmt.Sprintf(htmlPage, "503 Service Temporarily Unavailable")}, extra: "", wantErr: `HTTP 503 after 3 attempts.*"503 Service Temporarily Unavailable"`},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			srv := mockportal.StartTest(t, mockportal.Options{Backups: 2})
			row.fault.Method, row.fault.Path = "DELETE", "deletebackuphistory"
			srv.InjectFault(row.fault)
			cfg := providerConfig(srv, mockportal.Owner, "max_retries = 2") + fmt.Sprintf("resource \"docspace_backup_history_purge\" \"this\" {\n  %s\n}\n", row.extra)
			var steps []resource.TestStep
			if row.wantErr == "" {
				steps = []resource.TestStep{{
					Config: cfg,
					Check: resource.ComposeAggregateTestCheckFunc(
						checkDeletesThenVerify(srv, row.deletes, row.minGap),
						checkHistoryLen(srv, false, 0),
						resource.TestCheckResourceAttr(purgeAddr, "remaining_backups", "0"),
					),
				}}
			} else {
				var started time.Time
				steps = []resource.TestStep{
					{
						PreConfig:   func() { started = time.Now() },
						Config:      cfg,
						ExpectError: expectError(row.wantErr),
					},
					{ // Nothing was saved, so the next apply purges again.
						PreConfig: func() {
							if took := time.Since(started); row.maxTotal > 0 && took > row.maxTotal {
								t.Errorf("the failing apply took %v, want under %v", took, row.maxTotal)
							}
							t.Logf("%s: failed as expected after %v", row.name, time.Since(started).Round(100*time.Millisecond))
							srv.ClearFaults()
							srv.ResetRequests()
						},
						Config: cfg,
						Check: resource.ComposeAggregateTestCheckFunc(
							checkRequests(srv, reqPurge, reqHistory),
							checkHistoryLen(srv, false, 0),
						),
					},
				}
			}
			resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: protoV6ProviderFactories, Steps: steps})
		})
	}
}

// checkDeletesThenVerify asserts n DELETEs then one verify GET, and the least gap between
// the first two DELETEs (a honoured Retry-After).
func checkDeletesThenVerify(srv *mockportal.Server, n int, minGap time.Duration) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		log := srv.Requests()
		want := make([]string, 0, n+1)
		for range n {
			want = append(want, reqPurge)
		}
		if err := checkRequests(srv, append(want, reqHistory)...)(s); err != nil {
			return err
		}
		if minGap > 0 {
			if gap := log[1].Time.Sub(log[0].Time); gap < minGap {
				return fmt.Errorf("retried after %v, before Retry-After (%v)", gap, minGap)
			}
		}
		return nil
	}
}
