package provider

import (
	"strings"
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestAccGroupList_QueryGeneratesConfigThatImports(t *testing.T) {
	tf := newTerraformCLI(t, featureListResources)
	srv := mockportal.StartTest(t, mockportal.Options{})
	roomAdmin := srv.UserID(mockportal.RoomAdmin)
	srv.ChangeGroup(srv.GroupID(mockportal.DevelopersGroup), func(g *mockportal.Group) { g.Manager = roomAdmin })
	tf.writeConfig(providerConfig(srv, mockportal.DocSpaceAdmin))
	tf.writeFile("groups.tfquery.hcl", `
list "docspace_group" "all" {
  provider = docspace
}
`)
	tf.init()
	out := tf.mustRun("query", "-no-color", "-generate-config-out=generated.tf")
	if strings.Count(out, "list.docspace_group.all") != 2 {
		t.Errorf("query output:\n%s", out)
	}
	srv.ResetRequests()
	if out, err := tf.apply(); err != nil || !strings.Contains(out, "2 imported, 0 added, 0 changed, 0 destroyed") {
		t.Fatalf("importing: %v\n%s", err, out)
	}
	if out, err := tf.run("plan", "-no-color", "-detailed-exitcode"); err != nil {
		t.Errorf("the imported groups plan changes (%v):\n%s", err, out)
	}
}
