package provider

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

// terraform query lists the archives; -generate-config-out writes import blocks and
// configuration that import and then plan no changes.
func TestAccBackupList_QueryGeneratesConfigThatImports(t *testing.T) {
	tf := newTerraformCLI(t, featureListResources)
	srv := mockportal.StartTest(t, mockportal.Options{Backups: 4, Standalone: true, DumpBackups: 1})
	tf.writeConfig(providerConfig(srv, mockportal.Owner))
	tf.writeFile("backups.tfquery.hcl", `
list "docspace_backup" "all" {
  provider = docspace
}

list "docspace_backup" "documents" {
  provider = docspace
  config {
    storage_types = ["Documents"]
  }
}

list "docspace_backup" "server" {
  provider = docspace
  config {
    dump = true
  }
}
`)
	tf.init()
	out := tf.mustRun("query", "-no-color")
	portal := srv.Records(false)
	for _, rec := range portal {
		if !strings.Contains(out, rec.ID) || !strings.Contains(out, rec.FileName) {
			t.Errorf("backup %s (%s) is not listed:\n%s", rec.ID, rec.FileName, out)
		}
	}
	if n := strings.Count(out, "list.docspace_backup.documents"); n != 1 {
		// Seeded storage types cycle DataStore, Documents, ThirdPartyConsumer: one of four is Documents.
		t.Errorf("the storage_types filter listed %d archives, want 1:\n%s", n, out)
	}
	if dump := srv.Records(true)[0]; !strings.Contains(out, dump.ID) {
		t.Errorf("the server backup is not listed:\n%s", out)
	}

	tf.mustRun("query", "-no-color", "-generate-config-out=generated.tf")
	generated, err := os.ReadFile(filepath.Join(tf.dir, "generated.tf"))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("generated.tf:\n%s", generated)
	if n := strings.Count(string(generated), "import {"); n != 4+1+1 {
		t.Errorf("%d import blocks, want 6", n)
	}
	srv.ResetRequests()
	if out, err := tf.apply(); err != nil || !strings.Contains(out, "6 imported") {
		t.Fatalf("importing the generated config: %v\n%s", err, out)
	}
	for _, line := range requestLines(srv) {
		if !strings.HasPrefix(line, "GET ") {
			t.Errorf("importing changed something on the portal: %s", line)
		}
	}
	if out, err := tf.run("plan", "-no-color", "-detailed-exitcode"); err != nil {
		t.Errorf("the imported backups plan changes (%v):\n%s", err, out)
	}
	if len(srv.Records(false)) != 4 || len(srv.Records(true)) != 1 {
		t.Error("the history changed")
	}
}
