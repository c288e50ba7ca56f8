package provider

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

// requestKinds sorts a request into the resource kind it refreshes, by path prefix.
var requestKinds = []struct{ prefix, kind string }{
	{"/api/2.0/keys", "docspace_api_key"},
	{"/api/2.0/clients", "docspace_oauth_client"},
	{"/api/2.0/security/oauth2/token", "docspace_oauth_client"},
	{"/api/2.0/smtpsettings", "docspace_smtp_settings"},
	{"/api/2.0/settings/ssov2", "docspace_sso_settings"},
	{"/api/2.0/settings/ldap", "docspace_ldap_settings"},
}

// What a plan of an unchanged configuration costs the portal, per resource of each
// identity kind (BENCHMARKS.md). A count, not a timing: the goal is at most 2 requests a
// resource, and a refresh that starts asking more (a list per key, a signature per client)
// fails here.
func TestAccIdentity_RequestsPerPlan(t *testing.T) {
	tf := newTerraformCLI(t)
	srv := mockportal.StartTest(t, mockportal.Options{Standalone: true, JobDuration: 50 * time.Millisecond})
	idpCert, _ := testCertificate(t, "idp.example.com")
	prefix := providerConfig(srv, mockportal.DocSpaceAdmin)
	const n = 3
	config := prefix + strings.Join([]string{
		strings.TrimPrefix(apiKeyConfig(srv, fmt.Sprintf("count = %d\n  name = \"ci\"", n)), prefix),
		strings.TrimPrefix(oauthClientConfig(srv, mockportal.DocSpaceAdmin, fmt.Sprintf("count = %d", n)), prefix),
		strings.TrimPrefix(smtpConfig(srv, ""), prefix),
		strings.TrimPrefix(ssoConfig(srv, idpCert, ""), prefix),
		strings.TrimPrefix(ldapConfig(srv, ""), prefix),
	}, "\n")
	tf.writeConfig(config)
	tf.init()
	if out, err := tf.apply(); err != nil {
		t.Fatalf("apply: %v\n%s", err, out)
	}
	srv.ResetRequests()
	if out, err := tf.run("plan", "-no-color", "-input=false", "-detailed-exitcode"); err != nil {
		t.Fatalf("an unchanged configuration plans changes (%v):\n%s", err, out)
	}
	counts := map[string]int{}
	for _, r := range srv.Requests() {
		kind := "other"
		for _, k := range requestKinds {
			if strings.HasPrefix(strings.ToLower(r.Path), k.prefix) {
				kind = k.kind
				break
			}
		}
		counts[kind]++
	}
	resources := map[string]int{"docspace_api_key": n, "docspace_oauth_client": n, "docspace_smtp_settings": 1, "docspace_sso_settings": 1, "docspace_ldap_settings": 1}
	for kind, count := range resources {
		per := float64(counts[kind]) / float64(count)
		t.Logf("%s: %d requests for %d resources, %.2f each", kind, counts[kind], count, per)
		if counts[kind] == 0 || per > 2 {
			t.Errorf("%s: %.2f requests a resource per plan, want 1 to 2", kind, per)
		}
	}
	if counts["other"] != 0 {
		t.Errorf("%d requests outside the identity areas: %v", counts["other"], srv.RequestLines())
	}
}
