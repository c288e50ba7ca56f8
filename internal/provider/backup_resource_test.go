package provider

import (
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

const backupAddr = "docspace_backup.this"

func backupConfig(srv *mockportal.Server, body string) string {
	return providerConfig(srv, mockportal.Owner) + fmt.Sprintf("resource \"docspace_backup\" \"this\" {\n  poll_interval = \"100ms\"\n  %s\n}\n", body)
}

// checkBackupStored asserts the resource's id is in the mock's history (or not).
func checkBackupStored(srv *mockportal.Server, want bool) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		id := s.RootModule().Resources[backupAddr].Primary.ID
		return checkRecord(srv, id, want)
	}
}

func checkRecord(srv *mockportal.Server, id string, want bool) error {
	found := false
	for _, r := range srv.Records(false) {
		found = found || r.ID == id
	}
	if found != want {
		return fmt.Errorf("backup %s in the portal's history: %v, want %v", id, found, want)
	}
	return nil
}

func TestAccBackup_Lifecycle(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{BackupDuration: 400 * time.Millisecond})
	var firstID string
	newID := statecheck.CompareValue(compare.ValuesDiffer())
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{ // Create starts a backup and waits until the portal lists it.
				Config: backupConfig(srv, `triggers = { release = "1" }`),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestMatchResourceAttr(backupAddr, "id", regexp.MustCompile(`^[0-9a-f-]{36}$`)),
					resource.TestCheckResourceAttr(backupAddr, "storage_type", "DataStore"),
					resource.TestMatchResourceAttr(backupAddr, "file_name", regexp.MustCompile(`^backup_.*\.tar\.gz$`)),
					resource.TestMatchResourceAttr(backupAddr, "created_on", regexp.MustCompile(`Z$`)),
					resource.TestMatchResourceAttr(backupAddr, "expires_on", regexp.MustCompile(`Z$`)),
					checkBackupStored(srv, true),
					func(s *terraform.State) error { firstID = s.RootModule().Resources[backupAddr].Primary.ID; return nil },
				),
				ConfigStateChecks: []statecheck.StateCheck{newID.AddStateValue(backupAddr, tfjsonpath.New("id"))},
			},
			{ResourceName: backupAddr, ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"triggers", "poll_interval", "timeouts"}},
			{ // A trigger change makes a new backup and deletes the old one.
				Config: backupConfig(srv, `triggers = { release = "2" }`),
				Check: resource.ComposeAggregateTestCheckFunc(
					checkBackupStored(srv, true),
					func(*terraform.State) error { return checkRecord(srv, firstID, false) },
				),
				ConfigStateChecks: []statecheck.StateCheck{newID.AddStateValue(backupAddr, tfjsonpath.New("id"))},
			},
			{ // Pruned outside Terraform: the next plan makes a new backup.
				PreConfig: func() {
					for _, r := range srv.Records(false) {
						srv.RemoveRecord(r.ID)
					}
				},
				Config: backupConfig(srv, `triggers = { release = "2" }`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(backupAddr, plancheck.ResourceActionCreate),
				}},
				Check:             checkBackupStored(srv, true),
				ConfigStateChecks: []statecheck.StateCheck{newID.AddStateValue(backupAddr, tfjsonpath.New("id"))},
			},
		},
		CheckDestroy: func(*terraform.State) error {
			if n := len(srv.Records(false)); n != 0 {
				return fmt.Errorf("destroy left %d archives", n)
			}
			return nil
		},
	})
}

func TestAccBackup_RetainOnDestroy(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{BackupDuration: 200 * time.Millisecond, Folders: []int{7}})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: backupConfig(srv, "storage_type = \"Documents\"\n  storage_params = { folderId = \"7\" }"),
				Check:  resource.ComposeAggregateTestCheckFunc(checkBackupStored(srv, true), resource.TestCheckResourceAttr(backupAddr, "storage_type", "Documents")),
			},
			{ // Flipping retain_on_destroy is an in-place update without API calls.
				PreConfig: srv.ResetRequests,
				Config:    backupConfig(srv, "storage_type = \"Documents\"\n  storage_params = { folderId = \"7\" }\n  retain_on_destroy = true"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(backupAddr, plancheck.ResourceActionUpdate),
				}},
				Check: func(*terraform.State) error {
					for _, l := range requestLines(srv) {
						if l != reqHistory {
							return fmt.Errorf("unexpected request %s (only refresh reads allowed)", l)
						}
					}
					return nil
				},
			},
		},
		CheckDestroy: func(*terraform.State) error {
			if n := len(srv.Records(false)); n != 1 {
				return fmt.Errorf("retain_on_destroy: %d archives left, want 1", n)
			}
			return nil
		},
	})
}

func TestAccBackup_JobFailureLeavesNoState(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{BackupDuration: 200 * time.Millisecond})
	srv.SetBackupFailure("The storage is full")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: backupConfig(srv, ""), ExpectError: expectError(`The DocSpace backup failed.*"The storage is full"`)},
			{ // Nothing was saved: the next apply starts a backup again.
				PreConfig: func() { srv.SetBackupFailure(""); srv.ResetRequests() },
				Config:    backupConfig(srv, ""),
				Check: resource.ComposeAggregateTestCheckFunc(
					checkBackupStored(srv, true),
					func(*terraform.State) error {
						if l := requestLines(srv); len(l) == 0 || l[0] != "POST /api/2.0/backup/startbackup" {
							return fmt.Errorf("requests %q", l)
						}
						return nil
					},
				),
			},
		},
	})
}

func TestAccBackup_TimeoutCancelsJob(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{BackupDuration: time.Hour})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      backupConfig(srv, "timeouts {\n    create = \"2s\"\n  }"),
			ExpectError: expectError(`DocSpace backup interrupted.*was cancelled on the portal`),
		}},
	})
	if srv.BackupCancellations() != 1 {
		t.Errorf("%d jobs cancelled, want 1", srv.BackupCancellations())
	}
}

func TestAccBackup_Errors(t *testing.T) {
	cases := map[string]struct {
		body   string
		setup  func(*mockportal.Server)
		want   string
		atPlan bool
	}{
		"free backups used up":  {setup: func(s *mockportal.Server) { s.SetFreeBackupsUsedUp(true) }, want: `No free backups left this month \(HTTP 402\)`},
		"Documents folder name": {body: "storage_type = \"Documents\"\n  storage_params = { folderId = \"x\" }", want: `folderId must be a number for Documents`, atPlan: true},
		"bad import id":         {want: `Invalid import id for docspace_backup`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			srv := mockportal.StartTest(t, mockportal.Options{})
			if tc.setup != nil {
				tc.setup(srv)
			}
			step := resource.TestStep{Config: backupConfig(srv, tc.body), PlanOnly: tc.atPlan, ExpectError: expectError(tc.want)}
			if name == "bad import id" {
				step = resource.TestStep{Config: backupConfig(srv, ""), ResourceName: backupAddr, ImportState: true, ImportStateId: "latest", ExpectError: expectError(tc.want)}
			}
			resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: protoV6ProviderFactories, Steps: []resource.TestStep{step}})
		})
	}
}
