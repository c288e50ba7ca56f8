package provider

import (
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

// restoreConfig is a provider block plus an action "docspace_backup_restore" "drill" with
// body; confirm is set right unless body sets it.
func restoreConfig(srv *mockportal.Server, role mockportal.Role, body string) string {
	u, _ := url.Parse(srv.URL)
	if !strings.Contains(body, "confirm") {
		body += fmt.Sprintf("\n    confirm = %q", "restore "+u.Host)
	}
	return providerConfig(srv, role) + fmt.Sprintf(`
action "docspace_backup_restore" "drill" {
  config {
    poll_interval = "100ms"
    %s
  }
}
`, body)
}

func restoreMock(t *testing.T, opts mockportal.Options) *mockportal.Server {
	if opts.RestoreDuration == 0 {
		opts.RestoreDuration = 800 * time.Millisecond
	}
	opts.Backups = max(opts.Backups, 2)
	return mockportal.StartTest(t, opts)
}

func TestAccBackupRestoreAction_FromHistory(t *testing.T) {
	tf := newTerraformCLI(t, featureActions)
	srv := restoreMock(t, mockportal.Options{Paid: true})
	tenant := srv.TenantID()
	tf.writeConfig(restoreConfig(srv, mockportal.Owner, fmt.Sprintf("backup_id = %q", srv.Records(false)[0].ID)))
	tf.init()
	out, err := tf.apply("-invoke=action.docspace_backup_restore.drill")
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if srv.TenantID() == tenant {
		t.Fatal("the portal was not restored")
	}
	for _, want := range []string{
		"(triggered by CLI): restore ", "; the portal is locked while it runs", ": 100%",
		fmt.Sprintf("tenant id %d -> %d", tenant, srv.TenantID()),
		"The DocSpace portal was restored: its API keys and ids have changed", "re-import",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("%q missing from the output:\n%s", want, out)
		}
	}
	// Progress is polled without the key, which no longer works after the swap.
	for _, r := range srv.Requests() {
		if strings.HasSuffix(r.Path, "getrestoreprogress") && r.Auth != "none" {
			t.Errorf("progress polled with credentials (%s)", r.Auth)
		}
	}
}

func TestAccBackupRestoreAction_FromAStorageFile(t *testing.T) {
	tf := newTerraformCLI(t, featureActions)
	srv := restoreMock(t, mockportal.Options{Standalone: true})
	tenant := srv.TenantID()
	tf.writeConfig(restoreConfig(srv, mockportal.Owner, fmt.Sprintf(`file_path      = "backups/%s"
    storage_type   = "ThirdPartyConsumer"
    storage_params = { module = "S3", bucket = "dr-backups", region = "eu-west-1" }`, srv.Records(false)[1].FileName)))
	tf.init()
	if out, err := tf.apply("-invoke=action.docspace_backup_restore.drill"); err != nil || srv.TenantID() == tenant {
		t.Fatalf("%v\n%s", err, out)
	}
}

func TestAccBackupRestoreAction_Failures(t *testing.T) {
	cases := map[string]struct {
		opts  mockportal.Options
		role  mockportal.Role
		setup func(*mockportal.Server)
		body  func(*mockportal.Server) string
		want  string
	}{
		"job fails": {opts: mockportal.Options{Paid: true}, role: mockportal.Owner,
			setup: func(s *mockportal.Server) {
				s.SetRestoreFailure("The backup file is invalid. Please use the file created in the same portal.")
			},
			want: `The DocSpace restore failed.*created in the same portal.*keeps its data`},
		"wrong archive": {opts: mockportal.Options{Paid: true}, role: mockportal.Owner,
			body: func(*mockportal.Server) string { return `file_path = "backups/someone-elses.tar.gz"` }, want: `The DocSpace restore failed.*The backup file is invalid`},
		"free plan":  {role: mockportal.Owner, want: `Restores are not part of this portal's plan \(HTTP 402\)`},
		"room admin": {opts: mockportal.Options{Paid: true}, role: mockportal.RoomAdmin, want: `HTTP 403.*Owner or a DocSpace admin`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			tf := newTerraformCLI(t, featureActions)
			srv := restoreMock(t, tc.opts)
			if tc.setup != nil {
				tc.setup(srv)
			}
			tenant := srv.TenantID()
			body := fmt.Sprintf("backup_id = %q", srv.Records(false)[0].ID)
			if tc.body != nil {
				body = tc.body(srv)
			}
			tf.writeConfig(restoreConfig(srv, tc.role, body))
			tf.init()
			out, err := tf.apply("-invoke=action.docspace_backup_restore.drill")
			if err == nil || !expectError(tc.want).MatchString(out) {
				t.Fatalf("want %s (err %v):\n%s", tc.want, err, out)
			}
			if srv.TenantID() != tenant {
				t.Error("a failed restore changed the portal")
			}
		})
	}
}

// A restore needs a confirmation naming the portal, and a backup id that exists; both are
// checked at plan, before anything is started.
func TestAccBackupRestoreAction_PlanTimeGuards(t *testing.T) {
	tf := newTerraformCLI(t, featureActions)
	srv := restoreMock(t, mockportal.Options{Paid: true})
	for body, want := range map[string]string{
		fmt.Sprintf("backup_id = %q\n    confirm = \"restore example.onlyoffice.com\"", srv.Records(false)[0].ID): `The restore is not confirmed for this portal.*confirm = "restore 127\.0\.0\.1:`,
		fmt.Sprintf("backup_id = %q", mockportal.NewGUID()):                                                       `Backup not in the history`,
		fmt.Sprintf("backup_id = %q\n    dump = true", srv.Records(false)[0].ID):                                  `cannot restore a server-wide \(dump\) backup`,
		`file_path = "x"` + fmt.Sprintf("\n    backup_id = %q", srv.Records(false)[0].ID):                         `Invalid Attribute Combination`,
	} {
		tf.writeConfig(restoreConfig(srv, mockportal.Owner, body))
		tf.init()
		out, err := tf.run("plan", "-no-color", "-invoke=action.docspace_backup_restore.drill")
		if err == nil || !expectError(want).MatchString(out) {
			t.Errorf("config %q: want %s (err %v):\n%s", body, want, err, out)
		}
	}
	for _, line := range requestLines(srv) {
		if strings.Contains(line, "startrestore") {
			t.Errorf("a refused restore reached the portal: %s", line)
		}
	}
}

// A resource that runs after the restore in the same apply gets a 401 that says why.
func TestAccBackupRestoreAction_LaterResourceGetsARestoreAware401(t *testing.T) {
	tf := newTerraformCLI(t, featureActions)
	srv := restoreMock(t, mockportal.Options{Paid: true})
	tf.writeConfig(restoreConfig(srv, mockportal.Owner, fmt.Sprintf("backup_id = %q", srv.Records(false)[0].ID)) + `
resource "terraform_data" "drill" {
  input = "2026-11"
  lifecycle {
    action_trigger {
      events  = [after_create]
      actions = [action.docspace_backup_restore.drill]
    }
  }
}

resource "docspace_backup_history_purge" "after" {
  depends_on = [terraform_data.drill]
}
`)
	tf.init()
	out, err := tf.apply()
	if err == nil {
		t.Fatalf("the purge after the restore succeeded:\n%s", out)
	}
	if !expectError(`DocSpace rejected the API key after the restore \(HTTP 401\).*restored earlier in this run`).MatchString(out) {
		t.Errorf("no restore-aware diagnostic:\n%s", out)
	}
}

// Ctrl-C while waiting: the restore goes on (DocSpace cannot cancel one); the next apply
// reports it instead of starting a second one.
func TestAccBackupRestoreAction_InterruptedThenReported(t *testing.T) {
	tf := newTerraformCLI(t, featureActions)
	srv := restoreMock(t, mockportal.Options{Paid: true, RestoreDuration: time.Hour})
	tf.writeConfig(restoreConfig(srv, mockportal.Owner, fmt.Sprintf("backup_id = %q", srv.Records(false)[0].ID)))
	tf.init()
	run := tf.start(append(applyArgs, "-invoke=action.docspace_backup_restore.drill")...)
	run.waitFor(t, "the portal is locked while it runs", time.Minute)
	if err := run.cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	out, _ := run.wait()
	t.Logf("interrupted:\n%s", out)
	srv.ResetRequests()
	out, err := tf.apply("-invoke=action.docspace_backup_restore.drill")
	if err == nil || !expectError(`A restore is already running on this portal.*cannot cancel a restore`).MatchString(out) {
		t.Errorf("second run (err %v):\n%s", err, out)
	}
	for _, line := range requestLines(srv) {
		if strings.Contains(line, "startrestore") {
			t.Errorf("a second restore was started: %s", line)
		}
	}
}
