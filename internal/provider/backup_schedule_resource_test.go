package provider

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

const scheduleAddr = "docspace_backup_schedule.this"

func scheduleConfig(srv *mockportal.Server, body string) string {
	return providerConfig(srv, mockportal.Owner) + fmt.Sprintf("resource \"docspace_backup_schedule\" \"this\" {\n  %s\n}\n", body)
}

// checkSchedule asserts what the mock portal stores.
func checkSchedule(srv *mockportal.Server, dump bool, want func(mockportal.Schedule) error) resource.TestCheckFunc {
	return func(*terraform.State) error {
		s, ok := srv.Schedule(dump)
		if !ok {
			return fmt.Errorf("the portal has no schedule (dump=%v)", dump)
		}
		return want(s)
	}
}

func TestAccBackupSchedule_Lifecycle(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{Folders: []int{2, 5}})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{ // folderId "002" comes back as "2", period as a number, params as an object: still no diff afterwards.
				Config: scheduleConfig(srv, `storage_type = "Documents"
  storage_params = { folderId = "002" }
  backups_stored = 7
  period = "weekly"
  hour = 3
  day = 2`),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(scheduleAddr, "id", "portal"),
					resource.TestCheckResourceAttr(scheduleAddr, "storage_params.folderId", "002"),
					resource.TestCheckResourceAttr(scheduleAddr, "dump", "false"),
					resource.TestCheckNoResourceAttr(scheduleAddr, "last_backup_time"),
					checkSchedule(srv, false, func(s mockportal.Schedule) error {
						if s.StorageType != mockportal.StorageDocuments || s.StorageParams["folderId"] != "2" || *s.BackupsStored != 7 || s.Period != 1 || s.Hour != 3 || s.Day != 2 {
							return fmt.Errorf("stored %+v", s)
						}
						return nil
					}),
				),
			},
			{
				Config:           scheduleConfig(srv, "storage_type = \"Documents\"\n  storage_params = { folderId = \"002\" }\n  backups_stored = 7\n  period = \"weekly\"\n  hour = 22\n  day = 2"),
				ConfigPlanChecks: expectUpdate(scheduleAddr),
				Check:            checkSchedule(srv, false, func(s mockportal.Schedule) error { return expectInt("hour", s.Hour, 22) }),
			},
			{
				Config:           scheduleConfig(srv, "storage_type = \"Documents\"\n  storage_params = { folderId = \"002\" }\n  backups_stored = 7\n  period = \"monthly\"\n  hour = 22\n  day = 31"),
				ConfigPlanChecks: expectUpdate(scheduleAddr),
				Check:            checkSchedule(srv, false, func(s mockportal.Schedule) error { return expectInt("period/day", s.Period*100+s.Day, 231) }),
			},
			{
				Config:           scheduleConfig(srv, "storage_type = \"Documents\"\n  storage_params = { folderId = \"5\" }\n  backups_stored = 30\n  period = \"monthly\"\n  hour = 22\n  day = 31"),
				ConfigPlanChecks: expectUpdate(scheduleAddr),
				Check: checkSchedule(srv, false, func(s mockportal.Schedule) error {
					if s.StorageParams["folderId"] != "5" || *s.BackupsStored != 30 {
						return fmt.Errorf("stored %+v", s)
					}
					return nil
				}),
			},
			{
				Config:           scheduleConfig(srv, "storage_type = \"DataStore\"\n  period = \"daily\"\n  hour = 1"),
				ConfigPlanChecks: expectUpdate(scheduleAddr),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(scheduleAddr, "backups_stored", "1"),
					resource.TestCheckNoResourceAttr(scheduleAddr, "day"),
					checkSchedule(srv, false, func(s mockportal.Schedule) error {
						if s.StorageType != mockportal.StorageDataStore || s.Period != 0 || *s.BackupsStored != 1 || len(s.StorageParams) != 0 {
							return fmt.Errorf("stored %+v", s)
						}
						return nil
					}),
				),
			},
			{ResourceName: scheduleAddr, ImportState: true, ImportStateId: "portal", ImportStateVerify: true},
			{ // Changed outside Terraform: the plan shows exactly that change, and apply puts it back.
				PreConfig: func() {
					s, _ := srv.Schedule(false)
					s.Hour = 5
					s.LastBackupTime = time.Date(2026, 11, 26, 1, 0, 0, 0, time.UTC)
					srv.SetSchedule(false, s)
				},
				Config: scheduleConfig(srv, "storage_type = \"DataStore\"\n  period = \"daily\"\n  hour = 1"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(scheduleAddr, plancheck.ResourceActionUpdate),
				}},
				Check: resource.ComposeAggregateTestCheckFunc(
					checkSchedule(srv, false, func(s mockportal.Schedule) error { return expectInt("hour", s.Hour, 1) }),
					resource.TestCheckResourceAttr(scheduleAddr, "last_backup_time", "2026-11-26T01:00:00Z"),
				),
			},
			{ // Unlimited copies (null) set outside the API is drift too.
				PreConfig: func() {
					s, _ := srv.Schedule(false)
					s.BackupsStored = nil
					srv.SetSchedule(false, s)
				},
				Config: scheduleConfig(srv, "storage_type = \"DataStore\"\n  period = \"daily\"\n  hour = 1"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(scheduleAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(scheduleAddr, tfjsonpath.New("backups_stored"), knownvalue.Int64Exact(1)),
				}},
				Check: checkSchedule(srv, false, func(s mockportal.Schedule) error { return expectInt("backups_stored", *s.BackupsStored, 1) }),
			},
			{ // Deleted outside Terraform: the next plan creates it again.
				PreConfig: func() { srv.DeleteSchedule(false) },
				Config:    scheduleConfig(srv, "storage_type = \"DataStore\"\n  period = \"daily\"\n  hour = 1"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(scheduleAddr, plancheck.ResourceActionCreate),
				}},
				Check: checkSchedule(srv, false, func(mockportal.Schedule) error { return nil }),
			},
		},
		CheckDestroy: func(*terraform.State) error {
			if _, ok := srv.Schedule(false); ok {
				return fmt.Errorf("destroy left the schedule on the portal")
			}
			return nil
		},
	})
}

func expectInt(what string, got, want int) error {
	if got != want {
		return fmt.Errorf("%s = %d, want %d", what, got, want)
	}
	return nil
}

func TestAccBackupSchedule_DumpOnStandalone(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{Standalone: true})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: scheduleConfig(srv, "storage_type = \"Local\"\n  storage_params = { filePath = \"/var/backups\" }\n  period = \"daily\"\n  hour = 2\n  dump = true"),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(scheduleAddr, "id", "server"),
					checkSchedule(srv, true, func(s mockportal.Schedule) error {
						return expectInt("storage type", s.StorageType, mockportal.StorageLocal)
					}),
				),
			},
			{ResourceName: scheduleAddr, ImportState: true, ImportStateId: "server", ImportStateVerify: true},
			{ // Changing dump replaces: the server's schedule goes, the portal's comes.
				Config: scheduleConfig(srv, "storage_type = \"DataStore\"\n  period = \"daily\"\n  hour = 2"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(scheduleAddr, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(scheduleAddr, "id", "portal"),
					checkSchedule(srv, false, func(s mockportal.Schedule) error {
						return expectInt("storage type", s.StorageType, mockportal.StorageDataStore)
					}),
					func(*terraform.State) error {
						if _, ok := srv.Schedule(true); ok {
							return fmt.Errorf("the server's schedule survived the replacement")
						}
						return nil
					},
				),
			},
		},
	})
}

func TestAccBackupSchedule_Errors(t *testing.T) {
	cases := map[string]struct {
		body   string
		setup  func(*mockportal.Server)
		want   string
		atPlan bool
	}{
		"day with daily":      {body: "storage_type = \"DataStore\"\n period = \"daily\"\n hour = 1\n day = 3", want: `day is not used with period = "daily"`, atPlan: true},
		"weekly without day":  {body: "storage_type = \"DataStore\"\n period = \"weekly\"\n hour = 1", want: `Weekly schedules need day = 1 to 7`, atPlan: true},
		"weekly day 8":        {body: "storage_type = \"DataStore\"\n period = \"weekly\"\n hour = 1\n day = 8", want: `Weekly schedules need day = 1 to 7`, atPlan: true},
		"monthly day 32":      {body: "storage_type = \"DataStore\"\n period = \"monthly\"\n hour = 1\n day = 32", want: `Monthly schedules need day = 1 to 31`, atPlan: true},
		"monthly without day": {body: "storage_type = \"DataStore\"\n period = \"monthly\"\n hour = 1", want: `Monthly schedules need day`, atPlan: true},
		"hour 24":             {body: "storage_type = \"DataStore\"\n period = \"daily\"\n hour = 24", want: `hour.*between 0 and 23`, atPlan: true},
		"backups_stored 31":   {body: "storage_type = \"DataStore\"\n period = \"daily\"\n hour = 1\n backups_stored = 31", want: `backups_stored.*between 1 and 30`, atPlan: true},
		"backups_stored 0":    {body: "storage_type = \"DataStore\"\n period = \"daily\"\n hour = 1\n backups_stored = 0", want: `backups_stored.*between 1 and 30`, atPlan: true},
		"hourly":              {body: "storage_type = \"DataStore\"\n period = \"hourly\"\n hour = 1", want: `period.*value must be one of`, atPlan: true},
		"unknown storage":     {body: "storage_type = \"S3\"\n period = \"daily\"\n hour = 1", want: `storage_type.*value must be one of`, atPlan: true},
		"folder name":         {body: "storage_type = \"Documents\"\n storage_params = { folderId = \"backups\" }\n period = \"daily\"\n hour = 1", want: `folderId must be a number for Documents`, atPlan: true},
		"DataStore with keys": {body: "storage_type = \"DataStore\"\n storage_params = { folderId = \"1\" }\n period = \"daily\"\n hour = 1", want: `DataStore takes no storage_params`, atPlan: true},
		"402 plan":            {body: "storage_type = \"DataStore\"\n period = \"daily\"\n hour = 1", setup: func(s *mockportal.Server) { s.SetScheduledBackupsDisabled(true) }, want: `Scheduled backups are not part of this portal's plan \(HTTP 402\)`},
		"404 folder":          {body: "storage_type = \"Documents\"\n storage_params = { folderId = \"99\" }\n period = \"daily\"\n hour = 1", want: `HTTP 404.*The required folder was not found.*existing folder`},
		"403 dump on SaaS":    {body: "storage_type = \"DataStore\"\n period = \"daily\"\n hour = 1\n dump = true", want: `HTTP 403.*self-hosted`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			srv := mockportal.StartTest(t, mockportal.Options{})
			if tc.setup != nil {
				tc.setup(srv)
			}
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: protoV6ProviderFactories,
				Steps:                    []resource.TestStep{{Config: scheduleConfig(srv, tc.body), PlanOnly: tc.atPlan, ExpectError: expectError(tc.want)}},
			})
			if _, ok := srv.Schedule(false); ok {
				t.Error("a refused schedule was stored")
			}
			if tc.atPlan && len(srv.Requests()) != 0 {
				t.Errorf("plan-time validation reached the portal: %v", requestLines(srv))
			}
		})
	}
}

func TestSameParam(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"7", "7", true}, {"007", "7", true}, {"7", "8", false}, {"sbox-1|/b", "sbox-1|/b", true},
		{"x", "X", false}, {"", "0", false}, {"12", "12.0", false},
	} {
		if got := sameParam(tc.a, tc.b); got != tc.want {
			t.Errorf("sameParam(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestMergeStorageParams(t *testing.T) {
	ctx := context.Background()
	known := func(m map[string]string) types.Map { v, _ := types.MapValueFrom(ctx, types.StringType, m); return v }
	cases := []struct {
		name     string
		known    types.Map
		reported map[string]string
		want     types.Map
	}{
		{"import takes all", types.MapNull(types.StringType), map[string]string{"folderId": "7", "extra": "x"}, known(map[string]string{"folderId": "7", "extra": "x"})},
		{"import of nothing is null", types.MapNull(types.StringType), nil, types.MapNull(types.StringType)},
		{"unknown is like import", types.MapUnknown(types.StringType), map[string]string{"a": "1"}, known(map[string]string{"a": "1"})},
		{"same number keeps spelling", known(map[string]string{"folderId": "007"}), map[string]string{"folderId": "7"}, known(map[string]string{"folderId": "007"})},
		{"real change comes through", known(map[string]string{"folderId": "7"}), map[string]string{"folderId": "8"}, known(map[string]string{"folderId": "8"})},
		{"key gone on the portal is dropped", known(map[string]string{"folderId": "7", "region": "eu"}), map[string]string{"folderId": "7"}, known(map[string]string{"folderId": "7"})},
		{"keys the portal adds are ignored", known(map[string]string{"folderId": "7"}), map[string]string{"folderId": "7", "filePath": "/x"}, known(map[string]string{"folderId": "7"})},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := mergeStorageParams(ctx, tc.known, tc.reported); !got.Equal(tc.want) {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}

func TestScheduleState(t *testing.T) {
	ctx := context.Background()
	stored := 5
	last := time.Date(2026, 11, 1, 2, 0, 0, 0, time.UTC)
	prior := backupScheduleModel{StorageParams: types.MapNull(types.StringType)}
	weekly := &docspace.BackupSchedule{
		Storage:       docspace.BackupStorage{Type: docspace.StorageDocuments, Params: map[string]string{"folderId": "3"}},
		BackupsStored: &stored, Period: docspace.EveryWeek, Hour: 4, Day: 2, LastBackupTime: last,
	}
	got := scheduleState(ctx, weekly, prior)
	if got.ID.ValueString() != "portal" || got.StorageType.ValueString() != "Documents" || got.BackupsStored.ValueInt64() != 5 ||
		got.Period.ValueString() != "weekly" || got.Hour.ValueInt64() != 4 || got.Day.ValueInt64() != 2 || got.Dump.ValueBool() ||
		got.LastBackupTime.ValueString() != "2026-11-01T02:00:00Z" {
		t.Errorf("weekly: %+v", got)
	}
	daily := &docspace.BackupSchedule{Storage: docspace.BackupStorage{Type: docspace.StorageDataStore}, Period: docspace.EveryDay, Hour: 1, Day: 9, Dump: true}
	got = scheduleState(ctx, daily, prior)
	if got.ID.ValueString() != "server" || !got.Day.IsNull() || !got.BackupsStored.IsNull() || !got.LastBackupTime.IsNull() || !got.StorageParams.IsNull() {
		t.Errorf("daily dump with unlimited backups: %+v", got)
	}
}
