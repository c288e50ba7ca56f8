package provider

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestActions_InSchema(t *testing.T) {
	h := newProtocolHarness(t)
	want := map[string][]string{
		"docspace_backup_history_purge": {"dump", "keep_latest", "older_than", "storage_types", "verify"},
		"docspace_backup_start":         {"dump", "poll_interval", "storage_params", "storage_type", "wait"},
	}
	if len(h.schemas.ActionSchemas) != len(want) {
		t.Errorf("actions: %v", h.schemas.ActionSchemas)
	}
	for name, attrs := range want {
		s, ok := h.schemas.ActionSchemas[name]
		if !ok {
			t.Errorf("action %s missing", name)
			continue
		}
		var got []string
		for _, a := range s.Schema.Block.Attributes {
			got = append(got, a.Name)
		}
		if strings.Join(sortedCopy(got), ",") != strings.Join(attrs, ",") {
			t.Errorf("%s attributes %v, want %v", name, got, attrs)
		}
	}
}

func TestPurgeAction_Invoke(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{Backups: 3})
	h := newProtocolHarness(t)
	h.configure(srv, mockportal.Owner)
	res := h.invoke(context.Background(), "docspace_backup_history_purge", nil, nil)
	if hasErrors(res.diags) || len(res.diags) != 0 {
		t.Fatalf("diagnostics: %s", diagsText(res.diags))
	}
	want := []string{"purging backup history of " + srv.URL, "done: 0 backups remain"}
	if strings.Join(res.progress, "|") != strings.Join(want, "|") {
		t.Errorf("progress %q, want %q", res.progress, want)
	}
	if got := requestLines(srv); strings.Join(got, "|") != reqPurge+"|"+reqHistory {
		t.Errorf("requests %q", got)
	}
}

func TestPurgeAction_DumpNoVerifyAndPartial(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{Standalone: true, DumpBackups: 2, Backups: 2})
	srv.MarkUndeletable(srv.Records(false)[0].ID)
	h := newProtocolHarness(t)
	h.configure(srv, mockportal.DocSpaceAdmin)

	res := h.invoke(context.Background(), "docspace_backup_history_purge", map[string]tftypes.Value{"dump": boolVal(true), "verify": boolVal(false)}, nil)
	if len(res.diags) != 0 || len(srv.Records(true)) != 0 {
		t.Fatalf("dump purge: %s, %d left", diagsText(res.diags), len(srv.Records(true)))
	}
	if got := requestLines(srv); len(got) != 1 || got[0] != "DELETE /api/2.0/backup/deletebackuphistory?Dump=true" {
		t.Errorf("verify=false must send one DELETE: %q", got)
	}
	srv.ResetRequests()

	res = h.invoke(context.Background(), "docspace_backup_history_purge", nil, nil)
	if hasErrors(res.diags) || len(res.diags) != 1 || res.diags[0].Summary != "1 backups remain after the purge" {
		t.Fatalf("partial purge: %s", diagsText(res.diags))
	}
	if res.progress[len(res.progress)-1] != "done: 1 backups remain" {
		t.Errorf("progress %q", res.progress)
	}
}

func TestPurgeAction_SameDiagnosticsAsResource(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{Backups: 1})
	h := newProtocolHarness(t)
	h.configure(srv, mockportal.RoomAdmin)
	res := h.invoke(context.Background(), "docspace_backup_history_purge", nil, nil)
	if !hasErrors(res.diags) || res.diags[0].Summary != "DocSpace refused the backup operation (HTTP 403)" || !strings.Contains(res.diags[0].Detail, "Owner or a DocSpace admin") {
		t.Fatalf("diagnostics: %s", diagsText(res.diags))
	}
}

// The same actions through the real CLI, where one exists (Terraform 1.14 or later; none
// can be built on these machines, so here these skip).
func TestAccActions_ActionTrigger(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{Backups: 3, BackupDuration: 300 * time.Millisecond})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_14_0)},
		Steps: []resource.TestStep{{
			Config: providerConfig(srv, mockportal.Owner) + `
action "docspace_backup_history_purge" "now" {}

action "docspace_backup_start" "after" {
  config {
    poll_interval = "100ms"
  }
}

resource "terraform_data" "release" {
  input = "v1"
  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.docspace_backup_history_purge.now, action.docspace_backup_start.after]
    }
  }
}
`,
			Check: func(*terraform.State) error {
				if got := len(srv.Records(false)); got != 1 {
					return fmt.Errorf("after purge and backup the history holds %d records, want 1", got)
				}
				return nil
			},
		}},
	})
}

func TestPurgeAction_Retention(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	ids := seedAged(srv, agedRecord{1, 4}, agedRecord{2, 4}, agedRecord{40, 0}, agedRecord{50, 4})
	h := newProtocolHarness(t)
	h.configure(srv, mockportal.Owner)
	res := h.invoke(context.Background(), "docspace_backup_history_purge", map[string]tftypes.Value{
		"keep_latest": tftypes.NewValue(tftypes.Number, 1), "older_than": strVal("30d"),
		"storage_types": tftypes.NewValue(tftypes.Set{ElementType: tftypes.String}, []tftypes.Value{strVal("DataStore")}),
	}, nil)
	if len(res.diags) != 0 {
		t.Fatalf("diags: %s", diagsText(res.diags))
	}
	want := []string{"reading the backup history of " + srv.URL + " to apply the retention policy", "deleting 1 of 4 backups", "done: deleted 1 backups, 3 remain"}
	if strings.Join(res.progress, "|") != strings.Join(want, "|") {
		t.Errorf("progress %q, want %q", res.progress, want)
	}
	if got := requestLines(srv); strings.Join(got, "|") != reqHistory+"|DELETE /api/2.0/backup/deletebackup/"+ids[3]+"|"+reqHistory {
		t.Errorf("requests %q", got)
	}
}
