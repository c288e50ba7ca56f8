package provider

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

// Adopting existing accounts and groups: terraform query writes configuration that
// imports and then plans no changes, pending invitations and disabled accounts included.
func TestAccUserList_QueryGeneratesConfigThatImports(t *testing.T) {
	tf := newTerraformCLI(t, featureListResources)
	srv := mockportal.StartTest(t, mockportal.Options{})
	srv.AddUser(mockportal.Person{Email: "invited@example.test", Type: mockportal.User, Pending: true})
	srv.SetUserDisabled(srv.UserIDByEmail(mockportal.SecondUserEmail), true)
	tf.writeConfig(providerConfig(srv, mockportal.Owner))
	tf.writeFile("people.tfquery.hcl", `
list "docspace_user" "people" {
  provider = docspace
  config {
    search = "example.test"
  }
}

list "docspace_user" "guests" {
  provider = docspace
  config {
    type = "guest"
  }
}
`)
	tf.init()
	out := tf.mustRun("query", "-no-color")
	if strings.Count(out, "list.docspace_user.people") != 7 || strings.Count(out, "list.docspace_user.guests") != 1 || !strings.Contains(out, "invited@example.test (user, pending)") {
		t.Errorf("query output:\n%s", out)
	}
	tf.writeFile("people.tfquery.hcl", `
list "docspace_user" "people" {
  provider = docspace
  config {
    type = "user"
  }
}
`)
	tf.mustRun("query", "-no-color", "-generate-config-out=generated.tf")
	generated, err := os.ReadFile(filepath.Join(tf.dir, "generated.tf"))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("generated.tf:\n%s", generated)
	srv.ResetRequests()
	if out, err := tf.apply(); err != nil || !strings.Contains(out, "3 imported, 0 added, 0 changed, 0 destroyed") {
		t.Fatalf("importing: %v\n%s", err, out)
	}
	for _, line := range requestLines(srv) {
		if !strings.HasPrefix(line, "GET ") {
			t.Errorf("importing changed something: %s", line)
		}
	}
	if out, err := tf.run("plan", "-no-color", "-detailed-exitcode"); err != nil {
		t.Errorf("the imported accounts plan changes (%v):\n%s", err, out)
	}
}
