package provider

import (
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

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
			srv := startMock(t, mockportal.Options{Backups: 2})
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
	srv := startMock(t, mockportal.Options{Backups: 5})
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
