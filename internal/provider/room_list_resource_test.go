package provider

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

// Adopting existing rooms: terraform query writes configuration that imports and then
// plans no changes.
func TestAccRoomList_QueryGeneratesConfigThatImports(t *testing.T) {
	tf := newTerraformCLI(t, featureListResources)
	srv := mockportal.StartTest(t, mockportal.Options{Rooms: 3})
	ids := srv.RoomIDs()
	srv.ChangeRoom(ids[1], func(r *mockportal.Room) {
		r.Type, r.Tags, r.Quota, r.Title, r.DenyDownload = mockportal.RoomVirtualData, []string{"legal"}, 1<<30, "Deal: ACME", true
	})
	srv.ChangeRoom(ids[2], func(r *mockportal.Room) { r.Archived = true })
	tf.writeConfig(providerConfig(srv, mockportal.Owner))
	tf.writeFile("rooms.tfquery.hcl", `
list "docspace_room" "all" {
  provider = docspace
}

list "docspace_room" "vdr" {
  provider = docspace
  config {
    room_type = "virtual_data"
  }
}
`)
	tf.init()
	out := tf.mustRun("query", "-no-color")
	if strings.Count(out, "list.docspace_room.all") != 3 || strings.Count(out, "list.docspace_room.vdr") != 1 || !strings.Contains(out, "Deal: ACME (virtual_data)") {
		t.Errorf("query output:\n%s", out)
	}
	tf.writeFile("rooms.tfquery.hcl", `
list "docspace_room" "all" {
  provider = docspace
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
		t.Errorf("the imported rooms plan changes (%v):\n%s", err, out)
	}
}
