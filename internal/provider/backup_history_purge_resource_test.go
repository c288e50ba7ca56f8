package provider

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

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

// agedRecord describes a seeded backup: its age in days and storage type.
type agedRecord struct {
	days        int
	storageType int
}

// seedAged adds records with given ages and returns their ids in the same order.
func seedAged(srv *mockportal.Server, specs ...agedRecord) []string {
	now := time.Now().UTC().Truncate(time.Second)
	ids := make([]string, len(specs))
	for i, s := range specs {
		created := now.Add(-time.Duration(s.days)*24*time.Hour - time.Minute)
		ids[i] = mockportal.NewGUID()
		srv.AddRecords(false, mockportal.Record{ID: ids[i], FileName: fmt.Sprintf("backup_%dd.tar.gz", s.days), StorageType: s.storageType, CreatedOn: created, ExpiresOn: created.Add(90 * 24 * time.Hour)})
	}
	return ids
}

// checkRetentionRun asserts one GET, a DELETE per id (any order: they run concurrently)
// and, with verify, a final GET; then that exactly wantLeft remain and deleted_ids lists
// the deleted ids newest first.
func checkRetentionRun(srv *mockportal.Server, deleted []string, wantLeft []string, verify bool) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		lines := requestLines(srv)
		srv.ResetRequests()
		want := len(deleted) + 1
		if verify && len(deleted) > 0 {
			want++
		}
		if len(lines) != want || lines[0] != reqHistory || (want > len(deleted)+1 && lines[len(lines)-1] != reqHistory) {
			return fmt.Errorf("requests %q: want 1 GET, %d DELETEs, then the verify GET", lines, len(deleted))
		}
		gotDeletes := append([]string(nil), lines[1:1+len(deleted)]...)
		var wantDeletes []string
		for _, id := range deleted {
			wantDeletes = append(wantDeletes, "DELETE /api/2.0/backup/deletebackup/"+id)
		}
		sort.Strings(gotDeletes)
		sort.Strings(wantDeletes)
		if strings.Join(gotDeletes, ",") != strings.Join(wantDeletes, ",") {
			return fmt.Errorf("deletes %q, want %q", gotDeletes, wantDeletes)
		}
		var left []string
		for _, r := range srv.Records(false) {
			left = append(left, r.ID)
		}
		sort.Strings(left)
		sortedWant := append([]string(nil), wantLeft...)
		sort.Strings(sortedWant)
		if strings.Join(left, ",") != strings.Join(sortedWant, ",") {
			return fmt.Errorf("left %q, want %q", left, sortedWant)
		}
		checks := []resource.TestCheckFunc{resource.TestCheckResourceAttr(purgeAddr, "deleted_ids.#", fmt.Sprint(len(deleted)))}
		for i, id := range deleted {
			checks = append(checks, resource.TestCheckResourceAttr(purgeAddr, fmt.Sprintf("deleted_ids.%d", i), id))
		}
		if verify {
			checks = append(checks, resource.TestCheckResourceAttr(purgeAddr, "remaining_backups", fmt.Sprint(len(wantLeft))))
		}
		return resource.ComposeAggregateTestCheckFunc(checks...)(s)
	}
}

func TestAccRetention_Selectors(t *testing.T) {
	ds, doc, s3 := mockportal.StorageDataStore, mockportal.StorageDocuments, mockportal.StorageThirdPartyConsumer
	specs := []agedRecord{{1, ds}, {5, doc}, {10, s3}, {35, ds}, {40, doc}, {50, s3}, {60, ds}}
	cases := []struct {
		name    string
		body    string
		deleted []int // indexes into specs, newest first
	}{
		{name: "by count", body: "keep_latest = 3", deleted: []int{3, 4, 5, 6}},
		{name: "by age", body: `older_than = "30d"`, deleted: []int{3, 4, 5, 6}},
		{name: "by age in hours", body: `older_than = "1000h"`, deleted: []int{5, 6}}, // 1000h is almost 42 days
		{name: "by storage type", body: `storage_types = ["ThirdPartyConsumer"]`, deleted: []int{2, 5}},
		{name: "combined", body: "keep_latest = 1\n  older_than = \"720h\"\n  storage_types = [\"DataStore\", \"Documents\"]", deleted: []int{3, 4, 6}},
		{name: "nothing selected", body: "keep_latest = 10", deleted: nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := mockportal.StartTest(t, mockportal.Options{})
			ids := seedAged(srv, specs...)
			var deleted, left []string
			for i, id := range ids {
				if slices.Contains(tc.deleted, i) {
					continue
				}
				left = append(left, id)
			}
			for _, i := range tc.deleted {
				deleted = append(deleted, ids[i])
			}
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: protoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: purgeConfig(srv, mockportal.Owner, tc.body),
					Check:  checkRetentionRun(srv, deleted, left, true),
				}},
			})
		})
	}
}

func TestAccRetention_PreviewMatchesApply(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	ds := mockportal.StorageDataStore
	seedAged(srv, agedRecord{1, ds}, agedRecord{2, ds}, agedRecord{40, ds}, agedRecord{45, ds}, agedRecord{50, mockportal.StorageDocuments})
	selectors := "keep_latest = 1\n  older_than = \"30d\"\n  storage_types = [\"DataStore\"]"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			// The data source is read at plan time, before the purge runs.
			Config: purgeConfig(srv, mockportal.Owner, selectors+"\n  verify = false") + "\ndata \"docspace_backup_history\" \"would_go\" {\n  " + selectors + "\n}\n",
			Check: func(s *terraform.State) error {
				preview := s.RootModule().Resources["data.docspace_backup_history.would_go"].Primary.Attributes
				applied := s.RootModule().Resources[purgeAddr].Primary.Attributes
				if preview["backups.#"] != "2" || applied["deleted_ids.#"] != "2" {
					return fmt.Errorf("preview lists %s backups, the purge deleted %s; want 2 and 2", preview["backups.#"], applied["deleted_ids.#"])
				}
				for i := range 2 {
					if p, a := preview[fmt.Sprintf("backups.%d.id", i)], applied[fmt.Sprintf("deleted_ids.%d", i)]; p != a {
						return fmt.Errorf("preview %d is %s, the purge deleted %s", i, p, a)
					}
				}
				return nil
			},
		}},
	})
}

func TestAccRetention_MidRunFailureThenResume(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	ids := seedAged(srv, agedRecord{1, 4}, agedRecord{2, 4}, agedRecord{3, 4}, agedRecord{4, 4}, agedRecord{5, 4}, agedRecord{6, 4}, agedRecord{7, 4}, agedRecord{8, 4}, agedRecord{9, 4}, agedRecord{10, 4})
	// keep_latest = 1 selects ids[1:] newest first; the third of them is refused.
	failing := ids[3]
	srv.InjectFault(mockportal.Fault{Method: "DELETE", Path: "deletebackup/" + failing, Status: 403, Body: `{"error":{"message":"Access denied"},"status":1,"statusCode":403}`})
	cfg := purgeConfig(srv, mockportal.Owner, "keep_latest = 1")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      cfg,
				ExpectError: expectError(`Retention purge stopped part-way.*HTTP 403.*before deleting ` + failing + ` failed\. Deleted: .*Nothing is recorded in state`),
			},
			{ // No state was written: the next apply reads the history again and finishes the job.
				PreConfig: func() {
					if n := len(srv.Records(false)); n < 2 || n == 10 {
						t.Errorf("after the failed run %d records remain; want some deleted and some left", n)
					}
					srv.ResetRequests()
				},
				Config: cfg,
				Check: resource.ComposeAggregateTestCheckFunc(
					func(*terraform.State) error {
						if left := srv.Records(false); len(left) != 1 || left[0].ID != ids[0] {
							return fmt.Errorf("left %+v, want only the newest", left)
						}
						return nil
					},
					resource.TestCheckResourceAttr(purgeAddr, "remaining_backups", "1"),
				),
			},
		},
	})
}

func TestAccRetention_SelectorChangePurgesAgain(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	ids := seedAged(srv, agedRecord{1, 4}, agedRecord{2, 4}, agedRecord{3, 4}, agedRecord{4, 4})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: purgeConfig(srv, mockportal.Owner, "keep_latest = 3"), Check: checkRetentionRun(srv, ids[3:], ids[:3], true)},
			{
				Config: purgeConfig(srv, mockportal.Owner, "keep_latest = 1"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(purgeAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: checkRetentionRun(srv, ids[1:3], ids[:1], true),
			},
		},
	})
}

func TestAccRetention_InvalidSelectorsFailAtPlan(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{Backups: 1})
	cases := map[string]struct{ body, want string }{
		"negative keep_latest": {"keep_latest = -1", `keep_latest.*at least 0`},
		"bad duration":         {`older_than = "30 days"`, `Invalid older_than.*is not a duration`},
		"negative duration":    {`older_than = "-5h"`, `Invalid older_than.*longer than zero`},
		"zero days":            {`older_than = "0d"`, `Invalid older_than.*longer than zero`},
		"unknown storage type": {`storage_types = ["S3"]`, `storage_types.*value must be one of`},
		"empty storage_types":  {`storage_types = []`, `storage_types.*at least 1`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: protoV6ProviderFactories,
				Steps: []resource.TestStep{
					{Config: purgeConfig(srv, mockportal.Owner, tc.body), PlanOnly: true, ExpectError: expectError(tc.want)},
					{Config: providerConfig(srv, mockportal.Owner) + "data \"docspace_backup_history\" \"x\" {\n  " + tc.body + "\n}\n", PlanOnly: true, ExpectError: expectError(tc.want)},
				},
			})
		})
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("invalid selectors reached the portal: %d requests", n)
	}
}

const htmlPage = "<!DOCTYPE html>\n<html><head><title>%s</title></head><body><p>internal-page-detail</p></body></html>"

// TestAccFaultMatrix drives the purge through every failure the portal or its proxy can
// produce. A row either recovers (the purge happens, with the retries it took) or fails
// with its diagnostic; a failing row leaves nothing in state, which the follow-up step
// proves by purging again once the fault is gone.
func TestAccFaultMatrix(t *testing.T) {
	rows := []struct {
		name     string
		fault    mockportal.Fault
		extra    string        // resource body
		deletes  int           // DELETE requests the successful apply makes
		minGap   time.Duration // least time between the first two DELETEs
		maxTotal time.Duration // upper bound for a failing apply's duration
		wantErr  string
	}{
		{name: "429 with Retry-After", fault: mockportal.Fault{Status: 429, Headers: map[string]string{"Retry-After": "2"}, Body: `{"error":{"message":"Too many requests"},"status":1,"statusCode":429}`}, deletes: 2, minGap: 2 * time.Second},
		{name: "503 HTML twice", fault: mockportal.Fault{Status: 503, Times: 2, Body: fmt.Sprintf(htmlPage, "503 Service Temporarily Unavailable")}, deletes: 3},
		{name: "504", fault: mockportal.Fault{Status: 504, Body: fmt.Sprintf(htmlPage, "504 Gateway Time-out")}, deletes: 2},
		{name: "connection reset", fault: mockportal.Fault{Drop: true}, deletes: 2},
		{name: "slower than create timeout", fault: mockportal.Fault{Delay: mockportal.Duration(60 * time.Second)}, extra: "timeouts {\n    create = \"3s\"\n  }", maxTotal: 20 * time.Second, wantErr: `DocSpace request timed out.*deadline exceeded`},
		{name: "truncated JSON", fault: mockportal.Fault{Status: 200, Body: `{"response":tr`}, wantErr: `Unexpected answer from the DocSpace portal.*not a JSON envelope`},
		{name: "200 HTML login page", fault: mockportal.Fault{Status: 200, Body: fmt.Sprintf(htmlPage, "Sign in - Example SSO")}, wantErr: `Unexpected answer.*"Sign in - Example SSO"`},
		{name: "response false", fault: mockportal.Fault{Status: 200, Body: `{"response":false,"count":1,"status":0,"statusCode":200}`}, wantErr: `answered false where it should answer true`},
		{name: "retries exhausted", fault: mockportal.Fault{Status: 503, Times: -1, Body: fmt.Sprintf(htmlPage, "503 Service Temporarily Unavailable")}, extra: "", wantErr: `HTTP 503 after 3 attempts.*"503 Service Temporarily Unavailable"`},
	}
	for _, row := range rows {
		t.Run(row.name, func(t *testing.T) {
			srv := mockportal.StartTest(t, mockportal.Options{Backups: 2})
			row.fault.Method, row.fault.Path = "DELETE", "deletebackuphistory"
			srv.InjectFault(row.fault)
			cfg := providerConfig(srv, mockportal.Owner, "max_retries = 2") + fmt.Sprintf("resource \"docspace_backup_history_purge\" \"this\" {\n  %s\n}\n", row.extra)
			var steps []resource.TestStep
			if row.wantErr == "" {
				steps = []resource.TestStep{{
					Config: cfg,
					Check: resource.ComposeAggregateTestCheckFunc(
						checkDeletesThenVerify(srv, row.deletes, row.minGap),
						checkHistoryLen(srv, false, 0),
						resource.TestCheckResourceAttr(purgeAddr, "remaining_backups", "0"),
					),
				}}
			} else {
				var started time.Time
				steps = []resource.TestStep{
					{
						PreConfig:   func() { started = time.Now() },
						Config:      cfg,
						ExpectError: expectError(row.wantErr),
					},
					{ // Nothing was saved, so the next apply purges again.
						PreConfig: func() {
							if took := time.Since(started); row.maxTotal > 0 && took > row.maxTotal {
								t.Errorf("the failing apply took %v, want under %v", took, row.maxTotal)
							}
							t.Logf("%s: failed as expected after %v", row.name, time.Since(started).Round(100*time.Millisecond))
							srv.ClearFaults()
							srv.ResetRequests()
						},
						Config: cfg,
						Check: resource.ComposeAggregateTestCheckFunc(
							checkRequests(srv, reqPurge, reqHistory),
							checkHistoryLen(srv, false, 0),
						),
					},
				}
			}
			resource.Test(t, resource.TestCase{ProtoV6ProviderFactories: protoV6ProviderFactories, Steps: steps})
		})
	}
}

// checkDeletesThenVerify asserts n DELETEs then one verify GET, and the least gap between
// the first two DELETEs (a honoured Retry-After).
func checkDeletesThenVerify(srv *mockportal.Server, n int, minGap time.Duration) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		log := srv.Requests()
		want := make([]string, 0, n+1)
		for range n {
			want = append(want, reqPurge)
		}
		if err := checkRequests(srv, append(want, reqHistory)...)(s); err != nil {
			return err
		}
		if minGap > 0 {
			if gap := log[1].Time.Sub(log[0].Time); gap < minGap {
				return fmt.Errorf("retried after %v, before Retry-After (%v)", gap, minGap)
			}
		}
		return nil
	}
}

func TestAccConcurrency_FiftyPurges(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{Backups: 5})
	t.Setenv("TF_CLI_ARGS_apply", "-parallelism=10")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: providerConfig(srv, mockportal.Owner) + `
resource "docspace_backup_history_purge" "many" {
  count    = 50
  triggers = { n = count.index }
}
`,
			Check: func(*terraform.State) error {
				deletes, gets := 0, 0
				for _, r := range srv.Requests() {
					switch r.Method + " " + r.Path + "?" + r.Query {
					case reqPurge:
						deletes++
					case reqHistory:
						gets++
					default:
						return fmt.Errorf("unexpected request %s %s?%s", r.Method, r.Path, r.Query)
					}
				}
				stats := srv.ConnStats()
				t.Logf("50 purges: %d DELETEs, %d GETs over %d TCP connections (at most %d open at once)", deletes, gets, stats.Accepted, stats.MaxActive)
				if deletes != 50 || gets != 50 {
					return fmt.Errorf("%d DELETEs and %d GETs, want 50 and 50", deletes, gets)
				}
				if stats.MaxActive > 10 || stats.Accepted > 10 {
					return fmt.Errorf("connections: %d accepted, %d open at once; want at most 10 (parallelism) and reuse", stats.Accepted, stats.MaxActive)
				}
				return nil
			},
		}},
	})
}
