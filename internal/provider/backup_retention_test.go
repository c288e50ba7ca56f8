package provider

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestParseAge(t *testing.T) {
	good := map[string]time.Duration{"30d": 30 * 24 * time.Hour, "720h": 720 * time.Hour, "90m": 90 * time.Minute, "1h30m": 90 * time.Minute}
	good[" 1d "] = 24 * time.Hour // surrounding spaces are trimmed
	for in, want := range good {
		if got, err := parseAge(in); err != nil || got != want {
			t.Errorf("parseAge(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "30", "30 days", "-5h", "0d", "0s", "1.5d", "d", "99999999d"} {
		if _, err := parseAge(in); err == nil {
			t.Errorf("parseAge(%q) accepted", in)
		}
	}
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
