package provider

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

const purgeAddr = "docspace_backup_history_purge.this"

func purgeConfig(srv *mockportal.Server, role mockportal.Role, body string, providerExtra ...string) string {
	return providerConfig(srv, role, providerExtra...) + fmt.Sprintf(`
resource "docspace_backup_history_purge" "this" {
  %s
}
`, body)
}

// checkHistoryLen asserts how many records the mock still stores.
func checkHistoryLen(srv *mockportal.Server, dump bool, want int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := len(srv.Records(dump)); got != want {
			return fmt.Errorf("mock stores %d records (dump=%v), want %d", got, dump, want)
		}
		return nil
	}
}

func TestAccBackupHistoryPurge_Lifecycle(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{Backups: 3})
	sameID := statecheck.CompareValue(compare.ValuesSame())
	newID := statecheck.CompareValue(compare.ValuesDiffer())
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{ // Create purges once and verifies once; the follow-up plan is empty (checked by the harness).
				Config: purgeConfig(srv, mockportal.Owner, `triggers = { month = "2026-11" }`),
				Check: resource.ComposeAggregateTestCheckFunc(
					checkRequests(srv, reqPurge, reqHistory),
					checkHistoryLen(srv, false, 0),
					resource.TestCheckResourceAttr(purgeAddr, "remaining_backups", "0"),
					resource.TestCheckResourceAttr(purgeAddr, "dump", "false"),
					resource.TestCheckResourceAttr(purgeAddr, "verify", "true"),
					resource.TestMatchResourceAttr(purgeAddr, "purged_at", regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`)),
					resource.TestMatchResourceAttr(purgeAddr, "id", regexp.MustCompile(`^[0-9a-f]{32}$`)),
				),
				ConfigStateChecks: []statecheck.StateCheck{sameID.AddStateValue(purgeAddr, tfjsonpath.New("id")), newID.AddStateValue(purgeAddr, tfjsonpath.New("id"))},
			},
			{ // Flipping verify is an in-place update with no API call.
				PreConfig: func() { srv.Seed(false, 2) },
				Config:    purgeConfig(srv, mockportal.Owner, `triggers = { month = "2026-11" }`+"\n  verify = false"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(purgeAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(purgeAddr, tfjsonpath.New("remaining_backups"), knownvalue.Null()),
				}},
				Check: resource.ComposeAggregateTestCheckFunc(
					checkRequests(srv),
					checkHistoryLen(srv, false, 2),
					resource.TestCheckNoResourceAttr(purgeAddr, "remaining_backups"),
				),
				ConfigStateChecks: []statecheck.StateCheck{sameID.AddStateValue(purgeAddr, tfjsonpath.New("id"))},
			},
			{ // A trigger change purges again; without verify that is a single DELETE.
				Config: purgeConfig(srv, mockportal.Owner, `triggers = { month = "2026-12" }`+"\n  verify = false"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(purgeAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: resource.ComposeAggregateTestCheckFunc(
					checkRequests(srv, reqPurge),
					checkHistoryLen(srv, false, 0),
				),
				ConfigStateChecks: []statecheck.StateCheck{newID.AddStateValue(purgeAddr, tfjsonpath.New("id"))},
			},
			{ // terraform apply -replace purges again.
				PreConfig: func() { srv.Seed(false, 1) },
				Taint:     []string{purgeAddr},
				Config:    purgeConfig(srv, mockportal.Owner, `triggers = { month = "2026-12" }`),
				Check: resource.ComposeAggregateTestCheckFunc(
					checkRequests(srv, reqPurge, reqHistory),
					checkHistoryLen(srv, false, 0),
					resource.TestCheckResourceAttr(purgeAddr, "remaining_backups", "0"),
				),
				ConfigStateChecks: []statecheck.StateCheck{newID.AddStateValue(purgeAddr, tfjsonpath.New("id"))},
			},
			{ // Import is refused with a message that says what to do instead.
				ResourceName:  purgeAddr,
				ImportState:   true,
				ImportStateId: "anything",
				ExpectError:   expectError(`(?s)cannot be imported.*Declare the resource and apply`),
			},
		},
		// Destroy forgets the event and makes no API call.
		CheckDestroy: checkRequests(srv),
	})
}

func TestAccBackupHistoryPurge_Dump(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{Standalone: true, Backups: 2, DumpBackups: 3})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: purgeConfig(srv, mockportal.Owner, `dump = true`),
			Check: resource.ComposeAggregateTestCheckFunc(
				checkRequests(srv, "DELETE /api/2.0/backup/deletebackuphistory?Dump=true", "GET /api/2.0/backup/getbackuphistory?Dump=true"),
				checkHistoryLen(srv, true, 0),
				checkHistoryLen(srv, false, 2),
				resource.TestCheckResourceAttr(purgeAddr, "remaining_backups", "0"),
			),
		}},
	})
}

func TestAccBackupHistoryPurge_ErrorDiagnostics(t *testing.T) {
	cases := map[string]struct {
		opts mockportal.Options
		role mockportal.Role
		body string
		url  func(*mockportal.Server) string
		want string
	}{
		"401 unknown key": {role: "", want: `(?s)rejected the API key \(HTTP 401\).*Create a new key`},
		"402 plan":        {opts: mockportal.Options{BackupDisabled: true}, role: mockportal.Owner, want: `(?s)HTTP 402.*pricing plan does not support.*Renew or upgrade`},
		"403 room admin":  {role: mockportal.RoomAdmin, want: `(?s)HTTP 403.*Access denied.*Owner or a DocSpace admin`},
		"403 dump SaaS":   {role: mockportal.Owner, body: "dump = true", want: `(?s)HTTP 403.*self-hosted \(standalone\)`},
		"404 wrong root":  {role: mockportal.Owner, url: func(s *mockportal.Server) string { return s.URL + "/products/files" }, want: `(?s)The DocSpace API is not at portal_url \(HTTP 404\).*/products/files/api/2.0/backup/deletebackuphistory.*the portal's root URL`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			srv := mockportal.StartTest(t, tc.opts)
			key := srv.Key(tc.role)
			if tc.role == "" {
				key = "sk-revoked-key"
			}
			url := srv.URL
			if tc.url != nil {
				url = tc.url(srv)
			}
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: protoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: fmt.Sprintf(`
provider "docspace" {
  portal_url = %q
  api_key    = %q
}
resource "docspace_backup_history_purge" "this" {
  %s
}`, url, key, tc.body),
					ExpectError: expectError(tc.want),
				}},
			})
			if n := len(srv.Requests()); n != 1 {
				t.Errorf("%d requests; a %s must not be retried", n, name)
			}
		})
	}
}

func TestAccBackupHistoryPurge_RetriesThenSucceeds(t *testing.T) {
	cases := map[string]mockportal.Fault{
		"429 Retry-After": {Status: 429, Headers: map[string]string{"Retry-After": "1"}, Body: `{"error":{"message":"Too many requests"},"status":1,"statusCode":429}`},
		"502 HTML":        {Status: 502, Body: "<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>"},
	}
	for name, fault := range cases {
		t.Run(name, func(t *testing.T) {
			srv := mockportal.StartTest(t, mockportal.Options{Backups: 2})
			fault.Method, fault.Path = "DELETE", "deletebackuphistory"
			srv.InjectFault(fault)
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: protoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: purgeConfig(srv, mockportal.Owner, ""),
					Check: resource.ComposeAggregateTestCheckFunc(
						checkRequests(srv, reqPurge, reqPurge, reqHistory),
						checkHistoryLen(srv, false, 0),
					),
				}},
			})
		})
	}
}

func TestAccBackupHistoryPurge_FailureLeavesNoState(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{Backups: 2})
	srv.InjectFault(mockportal.Fault{Method: "DELETE", Path: "deletebackuphistory", Status: 502, Times: -1,
		Body: "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body>upstream-internal-10.0.0.7</body></html>"})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      purgeConfig(srv, mockportal.Owner, "", "max_retries = 1"),
				ExpectError: expectError(`(?s)DocSpace portal unavailable \(HTTP 502 after 2 attempts\).*"502 Bad Gateway"`),
				Check:       checkRequests(srv, reqPurge, reqPurge),
			},
			{ // Nothing was saved, so the next apply purges (for real, now that the portal is back).
				PreConfig: srv.ClearFaults,
				Config:    purgeConfig(srv, mockportal.Owner, "", "max_retries = 1"),
				Check: resource.ComposeAggregateTestCheckFunc(
					checkRequests(srv, reqPurge, reqPurge, reqPurge, reqHistory),
					checkHistoryLen(srv, false, 0),
				),
			},
		},
	})
}

func TestAccBackupHistoryPurge_PartialPurgeWarns(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{Backups: 3})
	srv.MarkUndeletable(srv.Records(false)[0].ID)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: purgeConfig(srv, mockportal.DocSpaceAdmin, ""),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(purgeAddr, "remaining_backups", "1"),
				checkRequests(srv, reqPurge, reqHistory),
			),
		}},
	})
}

func TestAccBackupHistoryPurge_VerifyOff(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{Backups: 3})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: purgeConfig(srv, mockportal.Owner, "verify = false"),
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckNoResourceAttr(purgeAddr, "remaining_backups"),
				checkRequests(srv, reqPurge),
				checkHistoryLen(srv, false, 0),
			),
		}},
	})
}

func TestAccBackupHistoryPurge_CreateTimeout(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{Backups: 1})
	srv.InjectFault(mockportal.Fault{Path: "deletebackuphistory", Delay: mockportal.Duration(30e9)})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      purgeConfig(srv, mockportal.Owner, "timeouts {\n    create = \"2s\"\n  }"),
			ExpectError: expectError(`(?s)DocSpace request timed out.*timeouts block`),
		}},
	})
	if n := len(srv.Records(false)); n != 1 {
		t.Errorf("the slow purge was not answered, yet %d records remain instead of 1", n)
	}
}

func TestAccBackupHistoryPurge_PathPrefix(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{Backups: 1, PathPrefix: "/docspace"})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
provider "docspace" {
  portal_url = "%s/"
  api_key    = %q
}
resource "docspace_backup_history_purge" "this" {}`, srv.URL, srv.Key(mockportal.Owner)),
			Check: checkRequests(srv, "DELETE /docspace/api/2.0/backup/deletebackuphistory?Dump=false", "GET /docspace/api/2.0/backup/getbackuphistory?Dump=false"),
		}},
	})
}
