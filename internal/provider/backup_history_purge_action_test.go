package provider

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestActions_InSchema(t *testing.T) {
	h := newProtocolHarness(t)
	want := map[string][]string{
		"docspace_backup_history_purge": {"dump", "keep_latest", "older_than", "storage_types", "verify"},
		"docspace_backup_start":         {"dump", "poll_interval", "storage_params", "storage_type", "wait"},
		"docspace_backup_restore":       {"backup_id", "confirm", "dump", "file_path", "notify", "poll_interval", "storage_params", "storage_type", "timeout"},
		"docspace_smtp_test":            {"poll_interval"},
		"docspace_ldap_sync":            {"poll_interval"},
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
		if strings.Join(slices.Sorted(slices.Values(got)), ",") != strings.Join(attrs, ",") {
			t.Errorf("%s attributes %v, want %v", name, got, attrs)
		}
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

// The most common way to write an action has no config block; Terraform then sends a null
// config. Through the real CLI, with and without a config block.
func TestAccPurgeAction_InvokeWithAndWithoutConfig(t *testing.T) {
	tf := newTerraformCLI(t, featureActions)
	srv := mockportal.StartTest(t, mockportal.Options{Backups: 3, Standalone: true, DumpBackups: 2})
	tf.writeConfig(providerConfig(srv, mockportal.Owner) + `
action "docspace_backup_history_purge" "now" {}

action "docspace_backup_history_purge" "server" {
  config {
    dump = true
  }
}
`)
	tf.init()
	out, err := tf.apply("-invoke=action.docspace_backup_history_purge.now")
	if err != nil {
		t.Fatalf("invoke without config: %v\n%s", err, out)
	}
	for _, want := range []string{"purging backup history of " + srv.URL, "done: 0 backups remain"} {
		if !strings.Contains(out, want) {
			t.Errorf("progress line %q missing from the CLI output:\n%s", want, out)
		}
	}
	if got := requestLines(srv); strings.Join(got, "|") != reqPurge+"|"+reqHistory {
		t.Errorf("requests %q", got)
	}
	srv.ResetRequests()
	if out, err := tf.apply("-invoke=action.docspace_backup_history_purge.server"); err != nil || !strings.Contains(out, "done: 0 backups remain") {
		t.Fatalf("invoke with config: %v\n%s", err, out)
	}
	if len(srv.Records(true)) != 0 || len(srv.Records(false)) != 0 {
		t.Errorf("left: %d portal, %d server backups", len(srv.Records(false)), len(srv.Records(true)))
	}
}

// errorBlock is the first "Error: ..." diagnostic the CLI printed, with its detail, as one
// line: the part an operator reads, wherever the CLI wraps it.
func errorBlock(out string) string {
	i := strings.Index(out, "Error: ")
	if i < 0 {
		return ""
	}
	block := out[i:]
	// The detail ends at the next diagnostic or the end of the output.
	if j := strings.Index(block[1:], "\nError: "); j >= 0 {
		block = block[:j+1]
	}
	// Drop the "with action..." / "on main.tf line..." source lines the CLI adds.
	var kept []string
	for _, line := range strings.Split(block, "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "with ") || strings.HasPrefix(line, "on main.tf") || (len(line) > 0 && line[0] >= '0' && line[0] <= '9' && strings.Contains(line, ":")) {
			continue
		}
		kept = append(kept, line)
	}
	return strings.Join(strings.Fields(strings.Join(kept, " ")), " ")
}

// A failing action gives the operator the same diagnostic as the resource that does the
// same work.
func TestAccPurgeAction_FailuresMatchTheResource(t *testing.T) {
	cases := map[string]struct {
		role  mockportal.Role
		fault *mockportal.Fault
		want  string
	}{
		"401": {role: "", want: "DocSpace rejected the API key (HTTP 401)"},
		"403": {role: mockportal.RoomAdmin, want: "DocSpace refused the backup operation (HTTP 403)"},
		"503 exhausted": {role: mockportal.Owner, fault: &mockportal.Fault{Path: "deletebackuphistory", Status: 503, Times: -1, Body: "<html><title>Service Unavailable</title></html>"},
			want: "DocSpace portal unavailable (HTTP 503 after 2 attempts)"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			tf := newTerraformCLI(t, featureActions)
			srv := mockportal.StartTest(t, mockportal.Options{Backups: 2})
			if tc.fault != nil {
				srv.InjectFault(*tc.fault)
			}
			key := srv.Key(tc.role)
			if tc.role == "" {
				key = "sk-revoked-key"
			}
			provider := providerConfigWithKey(srv, key, "max_retries = 1")
			tf.writeConfig(provider + `
action "docspace_backup_history_purge" "now" {}
resource "docspace_backup_history_purge" "this" {}
`)
			tf.init()
			actionOut, err := tf.apply("-invoke=action.docspace_backup_history_purge.now")
			if err == nil {
				t.Fatalf("the action succeeded:\n%s", actionOut)
			}
			resourceOut, err := tf.apply()
			if err == nil {
				t.Fatalf("the resource succeeded:\n%s", resourceOut)
			}
			fromAction, fromResource := errorBlock(actionOut), errorBlock(resourceOut)
			if !strings.HasPrefix(fromAction, "Error: "+tc.want) || fromAction != fromResource {
				t.Errorf("action and resource diagnostics differ or are not %q:\n action:   %s\n resource: %s", tc.want, fromAction, fromResource)
			}
			if strings.Contains(actionOut, "ASC.") || strings.Contains(actionOut, key) {
				t.Errorf("the output leaks the stack trace or the key:\n%s", actionOut)
			}
			if len(srv.Records(false)) != 2 {
				t.Errorf("a failed purge deleted backups")
			}
		})
	}
}

// Actions run from a resource's lifecycle, before and after create and update, in order.
func TestAccActions_ActionTrigger(t *testing.T) {
	tf := newTerraformCLI(t, featureActions)
	srv := mockportal.StartTest(t, mockportal.Options{Backups: 3, BackupDuration: 300 * time.Millisecond})
	config := func(release string) string {
		return providerConfig(srv, mockportal.Owner) + fmt.Sprintf(`
action "docspace_backup_history_purge" "before" {}

action "docspace_backup_start" "after" {
  config {
    poll_interval = "100ms"
  }
}

resource "terraform_data" "release" {
  input = %q
  lifecycle {
    action_trigger {
      events  = [before_create, before_update]
      actions = [action.docspace_backup_history_purge.before]
    }
    action_trigger {
      events  = [after_create, after_update]
      actions = [action.docspace_backup_start.after]
    }
  }
}
`, release)
	}
	startAndWait := []string{"POST /api/2.0/backup/startbackup", "GET /api/2.0/backup/getbackupprogress?Dump=false"}
	checkRun := func(out string) {
		t.Helper()
		lines := requestLines(srv)
		srv.ResetRequests()
		if len(lines) < 4 || lines[0] != reqPurge || lines[1] != reqHistory || lines[2] != startAndWait[0] || !strings.HasPrefix(lines[3], startAndWait[1]) {
			t.Errorf("requests: want the purge (before) then the backup (after), got %q", lines)
		}
		if got := len(srv.Records(false)); got != 1 {
			t.Errorf("after purge and backup the history holds %d records, want 1", got)
		}
		purgeAt := strings.Index(out, "docspace_backup_history_purge.before (triggered by terraform_data.release): done: 0 backups remain")
		backupAt := strings.Index(out, "docspace_backup_start.after (triggered by terraform_data.release): done: backup ")
		if purgeAt < 0 || backupAt < purgeAt {
			t.Errorf("progress lines missing or out of order (purge at %d, backup at %d):\n%s", purgeAt, backupAt, out)
		}
	}
	tf.writeConfig(config("v1"))
	tf.init()
	out, err := tf.apply()
	if err != nil {
		t.Fatalf("create: %v\n%s", err, out)
	}
	checkRun(out)

	tf.writeConfig(config("v2"))
	out, err = tf.apply()
	if err != nil {
		t.Fatalf("update: %v\n%s", err, out)
	}
	checkRun(out)

	if out := tf.mustRun("plan", "-no-color", "-detailed-exitcode"); !strings.Contains(out, "No changes") {
		t.Errorf("an unchanged config plans something:\n%s", out)
	}
	if lines := requestLines(srv); len(lines) != 0 {
		t.Errorf("planning with no changes called the portal: %q", lines)
	}
}
