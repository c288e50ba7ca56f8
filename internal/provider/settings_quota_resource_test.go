package provider

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

// Create, clean re-plan, drift shown and repaired, import, destroy back to the defaults.
func TestAccQuotaSettings_Lifecycle(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	config := providerConfig(srv, mockportal.DocSpaceAdmin) + `
resource "docspace_quota_settings" "this" {
  room_quotas_enabled = true
  room_default_quota  = 10737418240
  user_quotas_enabled = true
  user_default_quota  = 1073741824
}`
	want := mockportal.QuotaSettings{Rooms: mockportal.EntityQuota{Enabled: true, Default: 10 << 30}, Users: mockportal.EntityQuota{Enabled: true, Default: 1 << 30}}
	checkPortal := func(want mockportal.QuotaSettings) resource.TestCheckFunc {
		return func(*terraform.State) error {
			if got := srv.QuotaSettings(); got != want {
				return fmt.Errorf("quota settings on the portal: %+v, want %+v", got, want)
			}
			return nil
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config, Check: checkPortal(want)},
			{
				PreConfig:        func() { srv.SetQuotaSettings(mockportal.QuotaSettings{}) },
				Config:           config,
				ConfigPlanChecks: expectUpdate("docspace_quota_settings.this"),
				Check:            checkPortal(want),
			},
			{ResourceName: "docspace_quota_settings.this", ImportState: true, ImportStateId: "portal", ImportStateVerify: true},
		},
		CheckDestroy: func(*terraform.State) error {
			if got := srv.QuotaSettings(); got != (mockportal.QuotaSettings{}) {
				return fmt.Errorf("destroy left %+v", got)
			}
			return nil
		},
	})
}

// A default quota above the portal's own quota is the portal's refusal, worded.
func TestAccQuotaSettings_DefaultAbovePortalQuota(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{PortalQuota: 1 << 30})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: providerConfig(srv, mockportal.DocSpaceAdmin) + `
resource "docspace_quota_settings" "this" {
  room_quotas_enabled = true
  room_default_quota  = 2147483648
}`,
			ExpectError: expectError(`DocSpace refused the setting \(HTTP 400\).*greater than the portal quota`),
		}},
	})
}

// A bad quota gets exactly one error that says what is allowed; good ones none.
func TestQuotaBytesValidator(t *testing.T) {
	for q, wantErrors := range map[int64]int{-5: 1, 0: 1, -2: 1, -1: 0, 1: 0, 1 << 40: 0} {
		resp := &validator.Int64Response{}
		quotaBytesValidator().ValidateInt64(context.Background(), validator.Int64Request{Path: path.Root("quota"), ConfigValue: types.Int64Value(q)}, resp)
		if got := resp.Diagnostics.ErrorsCount(); got != wantErrors {
			t.Errorf("quota %d: %d errors %v, want %d", q, got, resp.Diagnostics, wantErrors)
		}
	}
	resp := &validator.Int64Response{}
	quotaBytesValidator().ValidateInt64(context.Background(), validator.Int64Request{Path: path.Root("quota"), ConfigValue: types.Int64Unknown()}, resp)
	if resp.Diagnostics.HasError() {
		t.Errorf("an unknown quota is checked at apply, not refused: %v", resp.Diagnostics)
	}
}
