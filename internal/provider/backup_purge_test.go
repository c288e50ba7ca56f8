package provider

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestRunPurge_WarnsAboutRemainingRecords(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{Backups: 8})
	records := srv.Records(false)
	for _, r := range records[:7] {
		srv.MarkUndeletable(r.ID)
	}
	var steps []string
	result, diags := runPurge(context.Background(), testClient(t, srv, mockportal.Owner), purgeRequest{verify: true}, func(s string) { steps = append(steps, s) })
	if diags.HasError() || result.remaining != 7 {
		t.Fatalf("remaining %d, diags %v", result.remaining, diags)
	}
	warnings := diags.Warnings()
	if len(warnings) != 1 || warnings[0].Summary() != "7 backups remain after the purge" {
		t.Fatalf("warnings: %v", warnings)
	}
	detail := warnings[0].Detail()
	// Newest first, five named, the rest counted.
	if !strings.Contains(detail, records[0].ID) || strings.Contains(detail, records[6].ID) || !strings.Contains(detail, "and 2 more") {
		t.Errorf("detail:\n%s", detail)
	}
	want := []string{"purging backup history of " + srv.URL, "done: 7 backups remain"}
	if strings.Join(steps, "|") != strings.Join(want, "|") {
		t.Errorf("progress %q, want %q", steps, want)
	}
}

func TestRunPurge_VerifyFailureIsAnError(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{Backups: 1})
	srv.InjectFault(mockportal.Fault{Path: "getbackuphistory", Status: 500, Times: -1, Body: `{"error":{"message":"boom"},"status":1,"statusCode":500}`})
	_, diags := runPurge(context.Background(), testClient(t, srv, mockportal.Owner), purgeRequest{verify: true}, func(string) {})
	if !diags.HasError() || !strings.Contains(diags.Errors()[0].Detail(), "The deletions were accepted") {
		t.Fatalf("diags: %v", diags)
	}
}

func TestRunRetentionPurge_WarnsWhenDeletedRecordStays(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{Backups: 4})
	stuck := srv.Records(false)[3] // the oldest
	srv.MarkUndeletable(stuck.ID)
	var steps []string
	result, diags := runPurge(context.Background(), testClient(t, srv, mockportal.Owner),
		purgeRequest{verify: true, policy: &docspace.RetentionPolicy{KeepLatest: 2}, concurrency: 2},
		func(s string) { steps = append(steps, s) })
	if diags.HasError() || len(diags.Warnings()) != 1 || diags.Warnings()[0].Summary() != "1 deleted backups are still listed" || !strings.Contains(diags.Warnings()[0].Detail(), stuck.ID) {
		t.Fatalf("diags: %v", diags)
	}
	if result.remaining != 3 || len(result.deleted) != 2 {
		t.Errorf("result %+v", result)
	}
	if steps[len(steps)-1] != "done: deleted 1 backups, 3 remain" {
		t.Errorf("progress %q", steps)
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
