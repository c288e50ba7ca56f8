package provider

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

// settingConfig is a provider block for role plus one settings resource "this" of kind
// (password_policy, …) with body.
func settingConfig(srv *mockportal.Server, role mockportal.Role, kind, body string) string {
	return providerConfig(srv, role) + fmt.Sprintf(`
resource "docspace_%s" "this" {
  %s
}
`, kind, body)
}

// checkSettings asserts on the portal's settings.
func checkSettings(srv *mockportal.Server, want func(mockportal.SecuritySettings) error) resource.TestCheckFunc {
	return func(*terraform.State) error { return want(srv.Settings()) }
}

// onlyReads fails when anything but GET reached the portal since the log was reset: an
// unchanged configuration must write nothing.
func onlyReads(srv *mockportal.Server) resource.TestCheckFunc {
	return func(*terraform.State) error {
		for _, line := range requestLines(srv) {
			if !strings.HasPrefix(line, "GET ") {
				return fmt.Errorf("an unchanged configuration wrote to the portal: %s", line)
			}
		}
		return nil
	}
}

// settingCase is one settings resource's lifecycle: create, update, out-of-band drift,
// and the default restored by destroy.
type settingCase struct {
	kind           string
	opts           mockportal.Options
	create, update string
	created        func(mockportal.SecuritySettings) bool
	updated        func(mockportal.SecuritySettings) bool
	drift          func(*mockportal.SecuritySettings)
	isDefault      func(mockportal.SecuritySettings) bool
	ignoreOnImport []string
}

var settingCases = []settingCase{
	{
		kind:   "password_policy",
		create: `min_length = 12` + "\n  digits = true", update: `min_length = 14` + "\n  upper_case = true",
		created: func(s mockportal.SecuritySettings) bool {
			return s.Password == mockportal.PasswordPolicy{MinLength: 12, Digits: true}
		},
		updated: func(s mockportal.SecuritySettings) bool {
			return s.Password == mockportal.PasswordPolicy{MinLength: 14, UpperCase: true}
		},
		drift: func(s *mockportal.SecuritySettings) { s.Password.MinLength = 9 },
		isDefault: func(s mockportal.SecuritySettings) bool {
			return s.Password == mockportal.DefaultSecuritySettings().Password
		},
	},
	{
		kind:   "login_settings",
		create: `attempt_count = 3`, update: `attempt_count = 3` + "\n  block_seconds = 900",
		created: func(s mockportal.SecuritySettings) bool {
			return s.Login == mockportal.LoginSettings{AttemptCount: 3, BlockTime: 60, CheckPeriod: 60}
		},
		updated:   func(s mockportal.SecuritySettings) bool { return s.Login.BlockTime == 900 },
		drift:     func(s *mockportal.SecuritySettings) { s.Login.CheckPeriod = 5 },
		isDefault: func(s mockportal.SecuritySettings) bool { return s.Login == mockportal.DefaultSecuritySettings().Login },
	},
	{
		kind:    "ip_restrictions",
		create:  `addresses = [{ ip = "203.0.113.7" }]`,
		update:  `enabled = true` + "\n  addresses = [{ ip = \"203.0.113.7\" }, { ip = \"2001:db8::1\", admins_only = true }]",
		created: func(s mockportal.SecuritySettings) bool { return !s.IP.Enable && len(s.IP.Entries) == 1 },
		updated: func(s mockportal.SecuritySettings) bool { return s.IP.Enable && len(s.IP.Entries) == 2 },
		drift: func(s *mockportal.SecuritySettings) {
			s.IP.Entries = append(s.IP.Entries, mockportal.IPEntry{ID: 99, IP: "198.51.100.1"})
		},
		isDefault: func(s mockportal.SecuritySettings) bool { return !s.IP.Enable && len(s.IP.Entries) == 0 },
	},
	{
		kind:   "tfa_settings",
		create: `method = "app"`, update: `method = "app"` + "\n  trusted_ips = [\"203.0.113.0/24\"]",
		created: func(s mockportal.SecuritySettings) bool { return s.TFA.Method == "app" && len(s.TFA.TrustedIPs) == 0 },
		updated: func(s mockportal.SecuritySettings) bool {
			return slices.Equal(s.TFA.TrustedIPs, []string{"203.0.113.0/24"})
		},
		drift:     func(s *mockportal.SecuritySettings) { s.TFA = mockportal.TFASettings{Method: "none"} },
		isDefault: func(s mockportal.SecuritySettings) bool { return s.TFA.Method == "none" },
	},
	{
		kind:   "session_lifetime",
		create: `enabled = true` + "\n  lifetime_minutes = 480", update: `enabled = true` + "\n  lifetime_minutes = 60",
		created: func(s mockportal.SecuritySettings) bool {
			return s.Cookie == mockportal.CookieSettings{LifeTime: 480, Enabled: true}
		},
		updated: func(s mockportal.SecuritySettings) bool { return s.Cookie.LifeTime == 60 },
		drift:   func(s *mockportal.SecuritySettings) { s.Cookie.Enabled = false },
		isDefault: func(s mockportal.SecuritySettings) bool {
			return s.Cookie == mockportal.DefaultSecuritySettings().Cookie
		},
	},
	{
		kind:   "trusted_mail_domains",
		create: `mode = "custom"` + "\n  domains = [\"example.com\"]", update: `mode = "custom"` + "\n  domains = [\"example.com\", \"example.org\"]\n  join_as_users = false",
		created: func(s mockportal.SecuritySettings) bool { return s.MailDomain.Type == 1 && s.MailDomain.InviteAsUsers },
		updated: func(s mockportal.SecuritySettings) bool {
			return len(s.MailDomain.Domains) == 2 && !s.MailDomain.InviteAsUsers
		},
		drift:     func(s *mockportal.SecuritySettings) { s.MailDomain.Type = 2 },
		isDefault: func(s mockportal.SecuritySettings) bool { return s.MailDomain.Type == 0 && s.MailDomain.InviteAsUsers },
		// DocSpace never reports join_as_users: an import assumes the default.
		ignoreOnImport: []string{"join_as_users"},
	},
	{
		kind:   "invitation_settings",
		create: `allow_inviting_guests = false`, update: `allow_inviting_members = false`,
		created: func(s mockportal.SecuritySettings) bool {
			return s.Invitation == mockportal.InvitationSettings{Members: true}
		},
		updated: func(s mockportal.SecuritySettings) bool {
			return s.Invitation == mockportal.InvitationSettings{Guests: true}
		},
		drift: func(s *mockportal.SecuritySettings) { s.Invitation.Guests = false },
		isDefault: func(s mockportal.SecuritySettings) bool {
			return s.Invitation == mockportal.DefaultSecuritySettings().Invitation
		},
	},
	{
		kind: "audit_settings", opts: mockportal.Options{Paid: true},
		create: `login_history_days = 30`, update: `login_history_days = 30` + "\n  audit_trail_days = 90",
		created: func(s mockportal.SecuritySettings) bool {
			return s.Audit == mockportal.AuditLifetime{LoginHistory: 30, AuditTrail: 180}
		},
		updated:   func(s mockportal.SecuritySettings) bool { return s.Audit.AuditTrail == 90 },
		drift:     func(s *mockportal.SecuritySettings) { s.Audit.LoginHistory = 7 },
		isDefault: func(s mockportal.SecuritySettings) bool { return s.Audit == mockportal.DefaultSecuritySettings().Audit },
	},
}

func expectSetting(what string, ok func(mockportal.SecuritySettings) bool) func(mockportal.SecuritySettings) error {
	return func(s mockportal.SecuritySettings) error {
		if !ok(s) {
			return fmt.Errorf("%s: the portal has %+v", what, s)
		}
		return nil
	}
}

func TestAccSettings_Lifecycle(t *testing.T) {
	for _, c := range settingCases {
		t.Run(c.kind, func(t *testing.T) {
			srv := mockportal.StartTest(t, c.opts)
			addr := "docspace_" + c.kind + ".this"
			created := settingConfig(srv, mockportal.Owner, c.kind, c.create)
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: protoV6ProviderFactories,
				CheckDestroy:             checkSettings(srv, expectSetting("destroy restores the default", c.isDefault)),
				Steps: []resource.TestStep{
					{Config: created, Check: resource.ComposeAggregateTestCheckFunc(
						checkSettings(srv, expectSetting("after create", c.created)),
						resource.TestCheckResourceAttr(addr, "id", "portal"))},
					{PreConfig: srv.ResetRequests, Config: created, Check: onlyReads(srv)},
					{ResourceName: addr, ImportState: true, ImportStateId: "portal", ImportStateVerify: true, ImportStateVerifyIgnore: c.ignoreOnImport},
					{Config: settingConfig(srv, mockportal.Owner, c.kind, c.update), ConfigPlanChecks: expectUpdate(addr),
						Check: checkSettings(srv, expectSetting("after update", c.updated))},
					{PreConfig: func() { srv.ChangeSettings(c.drift) }, Config: settingConfig(srv, mockportal.Owner, c.kind, c.update),
						ConfigPlanChecks: expectUpdate(addr), Check: checkSettings(srv, expectSetting("drift undone", c.updated))},
				},
			})
		})
	}
}

// A key whose user may not change settings gets the settings diagnostic.
func TestAccSettings_RoomAdminKeyIsRefused(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      settingConfig(srv, mockportal.RoomAdmin, "login_settings", `attempt_count = 3`),
			ExpectError: expectError(`This API key may not change portal settings \(HTTP 403\)`),
		}},
	})
}

func TestAccSettings_PlanGate(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      settingConfig(srv, mockportal.Owner, "audit_settings", `audit_trail_days = 30`),
			ExpectError: expectError(`The audit trail is not part of this portal's plan \(HTTP 402\)`),
		}},
	})
}

func TestAccSettings_RefusedAtPlan(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	for _, c := range []struct{ kind, body, want string }{
		{"password_policy", `min_length = 7`, `min_length value must be between 8 and 30`},
		{"login_settings", `attempt_count = 0`, `attempt_count value must be between 1 and 9999`},
		{"ip_restrictions", `addresses = [{ ip = "10.0.0.0/8" }]`, `no ranges \(a-b\) or CIDR blocks`},
		{"ip_restrictions", `enabled = true`, `IP restrictions need an address`},
		{"tfa_settings", `trusted_ips = ["203.0.113.7"]`, `Two-factor lists need a method`},
		{"tfa_settings", `method = "email"`, `method value must be one of`},
		{"session_lifetime", `lifetime_minutes = 20000`, `lifetime_minutes value must be between 1 and 9999`},
		{"trusted_mail_domains", `mode = "custom"`, `Trusted domains needed`},
		{"trusted_mail_domains", `mode = "custom"` + "\n  domains = [\"*.example.com\"]", `must be a lower-case domain`},
		{"trusted_mail_domains", `mode = "custom"` + "\n  domains = [\"example.com-\"]", `must be a lower-case domain`},
		{"trusted_mail_domains", `mode = "custom"` + "\n  domains = [\"" + strings.Repeat("a", 250) + ".example\"]", `string length must be between 3 and 255`},
		{"audit_settings", `audit_trail_days = 365`, `audit_trail_days value must be between 1 and 180`},
	} {
		t.Run(c.kind, func(t *testing.T) {
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: protoV6ProviderFactories,
				Steps:                    []resource.TestStep{{Config: settingConfig(srv, mockportal.Owner, c.kind, c.body), PlanOnly: true, ExpectError: expectError(c.want)}},
			})
		})
	}
	if lines := requestLines(srv); len(lines) != 0 {
		t.Errorf("invalid settings reached the portal: %v", lines)
	}
}
