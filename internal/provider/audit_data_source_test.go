package provider

import (
	"net/http"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

// ownerLogin signs in as the owner with password, as someone at the portal would, so the
// login history has an entry.
func ownerLogin(t *testing.T, srv *mockportal.Server, password string) {
	t.Helper()
	resp, err := http.Post(srv.URL+"/api/2.0/authentication", "application/json",
		strings.NewReader(`{"userName":"owner@example.test","password":"`+password+`"}`))
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
}

func TestAccAuditAndLoginEvents(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{Paid: true, OwnerPassword: "Owner-pass-1"})
	ownerLogin(t, srv, "wrong-password")
	ownerLogin(t, srv, "Owner-pass-1")
	config := settingConfig(srv, mockportal.Owner, "password_policy", `min_length = 10`) + `
data "docspace_audit_events" "password" {
  action     = 6004
  depends_on = [docspace_password_policy.this]
}

data "docspace_audit_events" "admin" {
  user_id    = "` + srv.UserID(mockportal.DocSpaceAdmin) + `"
  depends_on = [docspace_password_policy.this]
}

data "docspace_login_events" "failed" {
  action = 1013
}

data "docspace_login_events" "recent" {
  from  = "2000-01-01T00:00:00Z"
  limit = 1
}
`
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			// Errors first: the post-test destroy runs with the last step's configuration.
			{
				Config:      providerConfig(srv, mockportal.Owner) + `data "docspace_login_events" "x" { from = "yesterday" }`,
				PlanOnly:    true,
				ExpectError: expectError(`Invalid time`),
			},
			{
				Config: config,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr("data.docspace_audit_events.password", "events.#", "1"),
					resource.TestCheckResourceAttr("data.docspace_audit_events.password", "events.0.user_id", srv.UserID(mockportal.Owner)),
					resource.TestCheckResourceAttr("data.docspace_audit_events.admin", "events.#", "0"),
					resource.TestCheckResourceAttr("data.docspace_login_events.failed", "events.#", "1"),
					resource.TestCheckResourceAttr("data.docspace_login_events.failed", "events.0.login", "owner@example.test"),
					resource.TestCheckResourceAttr("data.docspace_login_events.recent", "events.#", "1"),
					resource.TestCheckResourceAttr("data.docspace_login_events.recent", "events.0.action", "1010"),
				),
			},
		},
	})
}
