package provider

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestBackupStartAction_ValidateConfig(t *testing.T) {
	h := newProtocolHarness(t)
	cases := []struct {
		name   string
		config map[string]tftypes.Value
		want   string // summary of the expected error; empty for none
		attr   string
	}{
		{name: "no config block (null config)", config: nil},
		{name: "empty config block", config: map[string]tftypes.Value{}},
		{name: "Documents", config: map[string]tftypes.Value{"storage_type": strVal("Documents"), "storage_params": mapVal(map[string]string{"folderId": "12"})}},
		{name: "third party", config: map[string]tftypes.Value{"storage_type": strVal("ThridpartyDocuments"), "storage_params": mapVal(map[string]string{"folderId": "sbox-1|/backups"})}},
		{name: "S3", config: map[string]tftypes.Value{"storage_type": strVal("ThirdPartyConsumer"), "storage_params": mapVal(map[string]string{"module": "S3", "bucket": "b"})}},
		{name: "unknown type", config: map[string]tftypes.Value{"storage_type": strVal("S3")}, want: "Invalid Attribute Value Match", attr: "storage_type"},
		{name: "DataStore with keys", config: map[string]tftypes.Value{"storage_params": mapVal(map[string]string{"folderId": "1"})}, want: "DataStore takes no storage_params", attr: "storage_params"},
		{name: "Documents without folder", config: map[string]tftypes.Value{"storage_type": strVal("Documents")}, want: `storage_params needs "folderId" for Documents`, attr: "storage_params"},
		{name: "Documents folder name", config: map[string]tftypes.Value{"storage_type": strVal("Documents"), "storage_params": mapVal(map[string]string{"folderId": "backups"})}, want: "folderId must be a number for Documents", attr: `storage_params["folderId"]`},
		{name: "third party number", config: map[string]tftypes.Value{"storage_type": strVal("ThridpartyDocuments"), "storage_params": mapVal(map[string]string{"folderId": "7"})}, want: "folderId must not be a plain number for ThridpartyDocuments"},
		{name: "Local without path", config: map[string]tftypes.Value{"storage_type": strVal("Local")}, want: `storage_params needs "filePath" for Local`},
		{name: "bad poll interval", config: map[string]tftypes.Value{"poll_interval": strVal("fast")}, want: "Invalid duration", attr: "poll_interval"},
		{name: "tiny poll interval", config: map[string]tftypes.Value{"poll_interval": strVal("1ms")}, want: "Invalid duration"},
		{name: "unknown params wait for apply", config: map[string]tftypes.Value{"storage_type": strVal("Documents"), "storage_params": tftypes.NewValue(tftypes.Map{ElementType: tftypes.String}, tftypes.UnknownValue)}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			diags := h.validateAction("docspace_backup_start", tc.config)
			if tc.want == "" {
				if len(diags) != 0 {
					t.Fatalf("unexpected: %s", diagsText(diags))
				}
				return
			}
			if len(diags) != 1 || diags[0].Summary != tc.want || diags[0].Severity != tfprotov6.DiagnosticSeverityError {
				t.Fatalf("got %s, want %q", diagsText(diags), tc.want)
			}
			if tc.attr != "" && (diags[0].Attribute == nil || !strings.Contains(diags[0].Attribute.String(), strings.Trim(tc.attr, `"`)[:7])) {
				t.Errorf("attribute %v, want %s", diags[0].Attribute, tc.attr)
			}
		})
	}
}

var progressRE = regexp.MustCompile(`^backup ([0-9a-f-]{36}): (\d+)%$`)

func TestBackupStartAction_WaitReportsProgress(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{BackupDuration: 500 * time.Millisecond})
	srv.SetBackupWarning("2 files were skipped")
	h := newProtocolHarness(t)
	h.configure(srv, mockportal.Owner)
	res := h.invoke(context.Background(), "docspace_backup_start", map[string]tftypes.Value{
		"storage_type": strVal("Documents"), "storage_params": mapVal(map[string]string{"folderId": "2"}), "poll_interval": strVal("100ms"),
	}, nil)
	if hasErrors(res.diags) || len(res.diags) != 1 || res.diags[0].Summary != "The DocSpace backup completed with a warning" || !strings.Contains(res.diags[0].Detail, "2 files were skipped") {
		t.Fatalf("diagnostics: %s", diagsText(res.diags))
	}
	records := srv.Records(false)
	if len(records) != 1 || records[0].StorageType != mockportal.StorageDocuments {
		t.Fatalf("history: %+v", records)
	}
	id := records[0].ID
	if res.progress[0] != fmt.Sprintf("backup %s started on %s (storage Documents)", id, srv.URL) {
		t.Errorf("first event %q", res.progress[0])
	}
	last := -1
	for _, msg := range res.progress[1 : len(res.progress)-1] {
		m := progressRE.FindStringSubmatch(msg)
		if m == nil || m[1] != id {
			t.Fatalf("progress event %q", msg)
		}
		var pct int
		_, _ = fmt.Sscan(m[2], &pct)
		if pct <= last {
			t.Errorf("percentages not increasing: %q", res.progress)
		}
		last = pct
	}
	if last != 100 || len(res.progress) < 4 {
		t.Errorf("progress events %q", res.progress)
	}
	wantDone := fmt.Sprintf("done: backup %s complete, download link %s/backupFileUpload.ashx?id=%s", id, srv.URL, id)
	if res.progress[len(res.progress)-1] != wantDone {
		t.Errorf("final event %q, want %q", res.progress[len(res.progress)-1], wantDone)
	}
	lines := requestLines(srv)
	if lines[0] != "POST /api/2.0/backup/startbackup" || !strings.HasPrefix(lines[1], "GET /api/2.0/backup/getbackupprogress?Dump=false") {
		t.Errorf("requests %q", lines)
	}
}

func TestBackupStartAction_NoWait(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{BackupDuration: time.Hour})
	h := newProtocolHarness(t)
	h.configure(srv, mockportal.Owner)
	res := h.invoke(context.Background(), "docspace_backup_start", map[string]tftypes.Value{"wait": boolVal(false)}, nil)
	if len(res.diags) != 0 || len(res.progress) != 2 || !strings.HasPrefix(res.progress[1], "not waiting: backup ") {
		t.Fatalf("%q %s", res.progress, diagsText(res.diags))
	}
	if got := requestLines(srv); len(got) != 1 {
		t.Errorf("requests %q", got)
	}
}

func TestBackupStartAction_Errors(t *testing.T) {
	cases := []struct {
		name   string
		role   mockportal.Role
		setup  func(*mockportal.Server)
		config map[string]tftypes.Value
		want   string
	}{
		{name: "job fails", setup: func(s *mockportal.Server) { s.SetBackupFailure("Not enough space in the storage") }, want: `The DocSpace backup failed: .*"Not enough space in the storage"`},
		{name: "free backups used up", setup: func(s *mockportal.Server) { s.SetFreeBackupsUsedUp(true) }, want: `No free backups left this month \(HTTP 402\)`},
		{name: "guest", role: mockportal.Guest, want: `\(HTTP 403\).*Owner or a DocSpace admin`},
		{name: "wrong folder type", config: map[string]tftypes.Value{"storage_type": strVal("ThridpartyDocuments"), "storage_params": mapVal(map[string]string{"folderId": "5"})}, want: `wrong folder type.*Documents takes the number of a portal folder`},
		{name: "missing folder", config: map[string]tftypes.Value{"storage_type": strVal("Documents"), "storage_params": mapVal(map[string]string{"folderId": "404"})}, want: `HTTP 404.*The required folder was not found.*existing folder`},
		{name: "dump on SaaS", config: map[string]tftypes.Value{"dump": boolVal(true)}, want: `HTTP 403.*on DocSpace Cloud set dump = false`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := mockportal.StartTest(t, mockportal.Options{BackupDuration: 200 * time.Millisecond})
			if tc.setup != nil {
				tc.setup(srv)
			}
			role := tc.role
			if role == "" {
				role = mockportal.Owner
			}
			h := newProtocolHarness(t)
			h.configure(srv, role)
			cfg := map[string]tftypes.Value{"poll_interval": strVal("100ms")}
			for k, v := range tc.config {
				cfg[k] = v
			}
			res := h.invoke(context.Background(), "docspace_backup_start", cfg, nil)
			text := diagsText(res.diags)
			if !hasErrors(res.diags) || !regexp.MustCompile(`(?s)`+tc.want).MatchString(text) {
				t.Fatalf("diagnostics %s, want %s", text, tc.want)
			}
		})
	}
}

// Ctrl-C while the action waits: Terraform stops the provider, and the provider cancels
// the job on the portal instead of leaving it running.
func TestAccBackupStartAction_InterruptCancelsTheJob(t *testing.T) {
	tf := newTerraformCLI(t, featureActions)
	srv := mockportal.StartTest(t, mockportal.Options{BackupDuration: time.Hour})
	tf.writeConfig(providerConfig(srv, mockportal.Owner) + `
action "docspace_backup_start" "now" {
  config {
    poll_interval = "100ms"
  }
}
`)
	tf.init()
	run := tf.start(append(applyArgs, "-invoke=action.docspace_backup_start.now")...)
	run.waitFor(t, ": 0%", time.Minute) // the job runs and the action is polling it
	if err := run.cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	out, err := run.wait()
	t.Logf("terraform apply -invoke (interrupted):\n%s", out)
	t.Logf("exit: %v", err)
	if srv.BackupCancellations() != 1 {
		t.Errorf("cancelbackup dropped %d jobs, want 1", srv.BackupCancellations())
	}
	if lines := requestLines(srv); lines[len(lines)-1] != "POST /api/2.0/backup/cancelbackup" {
		t.Errorf("requests %q", lines)
	}
	if len(srv.Records(false)) != 0 {
		t.Error("a cancelled backup left a record")
	}
}

// Without a config block the backup goes to the default storage, and every step is a
// progress line in the CLI's output.
func TestAccBackupStartAction_InvokeWithoutConfig(t *testing.T) {
	tf := newTerraformCLI(t, featureActions)
	srv := mockportal.StartTest(t, mockportal.Options{BackupDuration: 300 * time.Millisecond})
	tf.writeConfig(providerConfig(srv, mockportal.Owner) + `
action "docspace_backup_start" "now" {}
`)
	tf.init()
	out, err := tf.apply("-invoke=action.docspace_backup_start.now")
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	records := srv.Records(false)
	if len(records) != 1 || records[0].StorageType != mockportal.StorageDataStore {
		t.Fatalf("history %+v", records)
	}
	id := records[0].ID
	for _, want := range []string{
		fmt.Sprintf("backup %s started on %s (storage DataStore)", id, srv.URL),
		fmt.Sprintf("backup %s: 100%%", id),
		fmt.Sprintf("done: backup %s complete, download link %s/backupFileUpload.ashx?id=%s", id, srv.URL, id),
	} {
		if !strings.Contains(out, "Action action.docspace_backup_start.now (triggered by CLI): "+want) {
			t.Errorf("progress line %q missing:\n%s", want, out)
		}
	}
}
