package provider

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

// userConfig is a provider block for role plus one docspace_user "this" with body.
func userConfig(srv *mockportal.Server, role mockportal.Role, body string) string {
	return providerConfig(srv, role) + fmt.Sprintf(`
resource "docspace_user" "this" {
  %s
}
`, body)
}

// stateUserID remembers docspace_user.this's id across steps.
func stateUserID(id *string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources["docspace_user.this"]
		if !ok {
			return fmt.Errorf("docspace_user.this not in state")
		}
		*id = rs.Primary.ID
		return nil
	}
}

// checkUser asserts on the portal's account behind *id.
func checkUser(srv *mockportal.Server, id *string, want func(mockportal.Person) error) resource.TestCheckFunc {
	return func(*terraform.State) error {
		u, ok := srv.User(*id)
		if !ok {
			return fmt.Errorf("user %s is not on the portal", *id)
		}
		return want(u)
	}
}

func userIs(typ mockportal.Role, disabled bool) func(mockportal.Person) error {
	return func(u mockportal.Person) error {
		if u.Type != typ || u.Disabled != disabled {
			return fmt.Errorf("user on the portal: type %s disabled %v, want %s %v", u.Type, u.Disabled, typ, disabled)
		}
		return nil
	}
}

func TestAccUser_LifecycleTypesAndImport(t *testing.T) {
	srv := mockportal.StartTest(t, fastJobs())
	var id string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if _, ok := srv.User(id); ok {
				return fmt.Errorf("user %s still exists after destroy", id)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				Config: userConfig(srv, mockportal.Owner, `
  email      = "Jane.Doe@example.test"
  first_name = "Jane"
  last_name  = "O'Neil-Doe"
  type       = "room_admin"`),
				Check: resource.ComposeAggregateTestCheckFunc(
					stateUserID(&id),
					resource.TestCheckResourceAttr("docspace_user.this", "status", "active"),
					resource.TestCheckResourceAttr("docspace_user.this", "user_name", "Jane.Doe"),
					resource.TestCheckResourceAttr("docspace_user.this", "activated", "false"),
					checkUser(srv, &id, userIs(mockportal.RoomAdmin, false)),
				),
			},
			{ResourceName: "docspace_user.this", ImportState: true, ImportStateVerify: true, ImportStateVerifyIgnore: []string{"timeouts"}},
			{ResourceName: "docspace_user.this", ImportState: true, ImportStateId: "jane.doe@example.test", ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"timeouts", "email"}},
			{
				// Up is immediate; the owner's key may make DocSpace admins.
				Config: userConfig(srv, mockportal.Owner, `
  email      = "jane.doe@example.test"
  first_name = "Jane"
  last_name  = "O'Neil-Doe"
  type       = "docspace_admin"`),
				ConfigPlanChecks: expectUpdate("docspace_user.this"),
				Check:            checkUser(srv, &id, userIs(mockportal.DocSpaceAdmin, false)),
			},
			{
				// Down to user is the job; disabling comes after it; the address changes in place.
				Config: userConfig(srv, mockportal.Owner, `
  email      = "jane@example.test"
  first_name = "Jane"
  last_name  = "O'Neil-Doe"
  type       = "user"
  disabled   = true`),
				ConfigPlanChecks: expectUpdate("docspace_user.this"),
				Check: resource.ComposeAggregateTestCheckFunc(
					checkUser(srv, &id, userIs(mockportal.User, true)),
					checkUser(srv, &id, func(u mockportal.Person) error { return expectString("email", u.Email, "jane@example.test") }),
					resource.TestCheckResourceAttr("docspace_user.this", "status", "disabled"),
				),
			},
			{
				// Enabled again and made a guest in one apply: enable first.
				Config: userConfig(srv, mockportal.Owner, `
  email      = "jane@example.test"
  first_name = "Jane"
  last_name  = "O'Neil-Doe"
  type       = "guest"`),
				Check: checkUser(srv, &id, userIs(mockportal.Guest, false)),
			},
		},
	})
}

func TestAccUser_GuestAndInvitation(t *testing.T) {
	srv := mockportal.StartTest(t, fastJobs())
	var guest, invited string
	config := func(inviteEmail string) string {
		return providerConfig(srv, mockportal.DocSpaceAdmin) + fmt.Sprintf(`
resource "docspace_user" "guest" {
  email      = "visitor@example.test"
  first_name = "Visiting"
  type       = "guest"
}

resource "docspace_user" "this" {
  email  = %q
  type   = "user"
  invite = true
}
`, inviteEmail)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config("bob@example.test"),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttrWith("docspace_user.guest", "id", func(v string) error { guest = v; return nil }),
					stateUserID(&invited),
					checkUser(srv, &guest, userIs(mockportal.Guest, false)),
					resource.TestCheckResourceAttr("docspace_user.this", "status", "pending"),
					resource.TestCheckNoResourceAttr("docspace_user.this", "first_name"),
				),
			},
			{
				// A pending invitation to a wrong address is replaced by one to the right address.
				Config: config("robert@example.test"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("docspace_user.this", plancheck.ResourceActionDestroyBeforeCreate),
					plancheck.ExpectResourceAction("docspace_user.guest", plancheck.ResourceActionNoop),
				}},
				Check: func(s *terraform.State) error {
					if _, ok := srv.User(invited); ok {
						return fmt.Errorf("the first invitation's account %s was not deleted", invited)
					}
					if srv.UserIDByEmail("robert@example.test") == "" {
						return fmt.Errorf("no invitation for the new address")
					}
					return nil
				},
			},
			{
				// The invitee accepts and names themselves: nothing to plan.
				PreConfig: func() {
					srv.ChangeUser(srv.UserIDByEmail("robert@example.test"), func(u *mockportal.Person) {
						u.Pending, u.Activated, u.FirstName, u.LastName = false, true, "Robert", "Roe"
					})
				},
				Config: config("robert@example.test"),
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr("docspace_user.this", "status", "active"),
					resource.TestCheckResourceAttr("docspace_user.this", "activated", "true"),
				),
			},
		},
	})
}

func TestAccUser_DriftPlansTheChange(t *testing.T) {
	srv := mockportal.StartTest(t, fastJobs())
	config := userConfig(srv, mockportal.DocSpaceAdmin, `
  email      = "drift@example.test"
  first_name = "Drift"
  type       = "room_admin"`)
	var id string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config, Check: stateUserID(&id)},
			{PreConfig: func() { srv.SetUserDisabled(id, true) }, Config: config, ConfigPlanChecks: expectUpdate("docspace_user.this"),
				Check: checkUser(srv, &id, userIs(mockportal.RoomAdmin, false))},
			{PreConfig: func() { srv.ChangeUser(id, func(u *mockportal.Person) { u.Type = mockportal.User }) }, Config: config,
				ConfigPlanChecks: expectUpdate("docspace_user.this"), Check: checkUser(srv, &id, userIs(mockportal.RoomAdmin, false))},
			{PreConfig: func() { srv.DeleteUserNow(id) }, Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction("docspace_user.this", plancheck.ResourceActionCreate)}},
				Check:            stateUserID(&id)},
		},
	})
}

func TestAccUser_RefusedAtPlan(t *testing.T) {
	srv := mockportal.StartTest(t, fastJobs())
	created := userConfig(srv, mockportal.Owner, `
  email      = "plan@example.test"
  first_name = "Plan"
  type       = "user"`)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: userConfig(srv, mockportal.Owner, `
  email      = "not-an-address"
  first_name = "X"
  type       = "user"`), PlanOnly: true, ExpectError: expectError(`"not-an-address" is not an email address`)},
			{Config: userConfig(srv, mockportal.Owner, `
  email      = "x@example.test"
  first_name = "R2-D2"
  type       = "user"`), PlanOnly: true, ExpectError: expectError(`"R2-D2" is not a name DocSpace accepts`)},
			{Config: userConfig(srv, mockportal.Owner, `
  email = "x@example.test"
  type  = "owner"`), PlanOnly: true, ExpectError: expectError(`type value must be one of`)},
			{Config: userConfig(srv, mockportal.Owner, `
  email      = "x@example.test"
  first_name = "X"
  type       = "user"
  invite     = true`), PlanOnly: true, ExpectError: expectError(`Names and passwords cannot be set with invite = true`)},
			{Config: userConfig(srv, mockportal.Owner, `
  email  = "x@example.test"
  type   = "guest"
  invite = true`), PlanOnly: true, ExpectError: expectError(`Guests cannot be invited`)},
			{Config: userConfig(srv, mockportal.Owner, `
  email = "x@example.test"
  type  = "user"`), PlanOnly: true, ExpectError: expectError(`first_name is required to create an account`)},
			{Config: created},
			{Config: userConfig(srv, mockportal.Owner, `
  email      = "plan@example.test"
  first_name = "Renamed"
  type       = "user"`), PlanOnly: true, ExpectError: expectError(`does not let an administrator rename someone else.*Set first_name = "Plan"`)},
			{
				// Out of band, the user renamed themselves: dropping first_name from the
				// configuration stops managing it.
				PreConfig: func() {
					srv.ChangeUser(srv.UserIDByEmail("plan@example.test"), func(u *mockportal.Person) { u.FirstName = "Planned" })
				},
				Config: userConfig(srv, mockportal.Owner, `
  email = "plan@example.test"
  type  = "user"`),
				Check: resource.TestCheckResourceAttr("docspace_user.this", "first_name", "Planned"),
			},
		},
	})
}

func TestAccUser_PortalRefusals(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{PaidSeats: 3, JobDuration: 100 * time.Millisecond})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: userConfig(srv, mockportal.RoomAdmin, `
  email      = "x@example.test"
  first_name = "X"
  type       = "room_admin"`), ExpectError: expectError(`may not do that to the account or group \(HTTP 403\).*only the Owner may create`)},
			{Config: userConfig(srv, mockportal.Owner, `
  email      = "second.user@example.test"
  first_name = "Second"
  type       = "user"`), ExpectError: expectError(`An account with this email already exists.*terraform import docspace_user`)},
			{Config: userConfig(srv, mockportal.Owner, `
  email  = "second.user@example.test"
  type   = "user"
  invite = true`), ExpectError: expectError(`already has an account.*nothing to invite`)},
			{
				// No paid seat: DocSpace creates a user instead. The provider says so; the
				// account is recorded (tainted, as every failed create).
				Config: userConfig(srv, mockportal.Owner, `
  email      = "seatless@example.test"
  first_name = "Seatless"
  type       = "room_admin"`),
				ExpectError: expectError(`DocSpace made the account a user, not a room_admin.*no free paid seat`),
			},
			{Config: userConfig(srv, mockportal.Owner, `
  email      = "seatless@example.test"
  first_name = "Seatless"
  type       = "user"`)},
			{Config: userConfig(srv, mockportal.Owner, `
  email      = "seatless@example.test"
  first_name = "Seatless"
  type       = "room_admin"`), ExpectError: expectError(`No paid seat left on this portal \(HTTP 402\)`)},
		},
	})
}

func TestAccUser_DisableOnlyOnDestroy(t *testing.T) {
	srv := mockportal.StartTest(t, fastJobs())
	var id string
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if u, ok := srv.User(id); !ok || !u.Disabled {
				return fmt.Errorf("want the account kept and disabled, got %+v (exists %v)", u, ok)
			}
			return nil
		},
		Steps: []resource.TestStep{{Config: userConfig(srv, mockportal.DocSpaceAdmin, `
  email             = "auditor-keeps@example.test"
  first_name        = "Kept"
  type              = "user"
  delete_on_destroy = false`), Check: stateUserID(&id)}},
	})
}

// The password is write-only: it reaches the portal once and never state or plan. CLIs
// without write-only attributes refuse it.
func TestAccUser_PasswordIsWriteOnly(t *testing.T) {
	tf := newTerraformCLI(t)
	srv := mockportal.StartTest(t, fastJobs())
	const password = "Correct-Horse-9"
	config := userConfig(srv, mockportal.DocSpaceAdmin, `
  email       = "pw@example.test"
  first_name  = "Pat"
  type        = "user"
  password_wo = "`+password+`"`)
	if !tf.supports(featureWriteOnly) {
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: protoV6ProviderFactories,
			Steps:                    []resource.TestStep{{Config: config, ExpectError: expectError(`WriteOnly Attribute Not Allowed`)}},
		})
		return
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: config,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckNoResourceAttr("docspace_user.this", "password_wo"),
				secretAbsentFromState(password),
				func(*terraform.State) error {
					u, _ := srv.User(srv.UserIDByEmail("pw@example.test"))
					return expectString("password on the portal", u.Password, password)
				},
			),
		}},
	})
}

// Lowering the type of an invitation nobody accepted is refused before anything is sent
// (DocSpace's type change job takes active accounts only), and destroy still goes through.
func TestAccUser_PendingInvitationKeepsItsType(t *testing.T) {
	srv := mockportal.StartTest(t, fastJobs())
	config := func(typ string) string {
		return userConfig(srv, mockportal.Owner, fmt.Sprintf(`
  email  = "pending@example.test"
  type   = %q
  invite = true`, typ))
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config("room_admin"), Check: resource.TestCheckResourceAttr("docspace_user.this", "status", "pending")},
			{
				PreConfig:   srv.ResetRequests,
				Config:      config("user"),
				ExpectError: expectError(`Cannot lower the type of a pending invitation.*pending@example.test has not accepted.*-replace`),
			},
			{
				PreConfig: func() {
					for _, line := range srv.RequestLines() {
						if strings.Contains(line, "/people/type") {
							t.Errorf("a type change was sent for a pending invitation: %s", line)
						}
					}
				},
				Config: config("user"), Destroy: true,
			},
		},
	})
}

// An account's own quota: refused while the portal's user quotas are off (before the
// account is made), then set, drift repaired, and removed back to the portal's default.
func TestAccUser_Quota(t *testing.T) {
	srv := mockportal.StartTest(t, fastJobs())
	config := func(on bool, quota string) string {
		return providerConfig(srv, mockportal.Owner) + fmt.Sprintf(`
resource "docspace_quota_settings" "this" {
  user_quotas_enabled = %v
}
resource "docspace_user" "this" {
  email      = "quota@example.test"
  first_name = "Quota"
  type       = "user"
  quota      = %s
  depends_on = [docspace_quota_settings.this]
}`, on, quota)
	}
	var id string
	quotaIs := func(want int64) func(mockportal.Person) error {
		return func(u mockportal.Person) error {
			if u.Quota != want {
				return fmt.Errorf("quota on the portal %d, want %d", u.Quota, want)
			}
			return nil
		}
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config(false, "1073741824"), ExpectError: expectError(`The portal's user quotas are off.*user_quotas_enabled = true`)},
			{
				PreConfig: func() {
					if srv.UserIDByEmail("quota@example.test") != "" {
						t.Error("the account was created although its quota was refused")
					}
				},
				Config: config(true, "1073741824"),
				Check:  resource.ComposeAggregateTestCheckFunc(stateUserID(&id), checkUser(srv, &id, quotaIs(1<<30))),
			},
			{
				PreConfig:        func() { srv.ChangeUser(id, func(u *mockportal.Person) { u.Quota = 5 }) },
				Config:           config(true, "1073741824"),
				ConfigPlanChecks: expectUpdate("docspace_user.this"),
				Check:            checkUser(srv, &id, quotaIs(1<<30)),
			},
			{Config: config(true, "null"), Check: checkUser(srv, &id, quotaIs(-2))},
		},
	})
}
