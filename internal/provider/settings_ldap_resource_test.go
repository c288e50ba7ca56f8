package provider

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func ldapConfig(srv *mockportal.Server, extra string) string {
	return settingConfig(srv, mockportal.DocSpaceAdmin, "ldap_settings", `enabled        = true
  server         = "ldap.example.com"
  user_dn        = "ou=people,dc=example,dc=com"
  authentication = false
  auto_sync_cron = "0 0 3 * * ?"
  `+extra)
}

// Without a bind password (every CLI): create (through DocSpace's save job), clean
// re-plan, drift (switched off in DocSpace) repaired, import, destroy switches LDAP off.
func TestAccLDAPSettings_Lifecycle(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{Standalone: true, JobDuration: 100 * time.Millisecond})
	check := func(*terraform.State) error {
		if s := srv.LDAP(); !s.Enabled || s.Server != "ldap.example.com" || s.Authentication || srv.LDAPCron() != "0 0 3 * * ?" {
			return fmt.Errorf("LDAP on the portal: %+v, cron %q", s, srv.LDAPCron())
		}
		return nil
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: ldapConfig(srv, ""), Check: check},
			{
				PreConfig: func() {
					s := srv.LDAP()
					s.Enabled = false
					srv.SetLDAP(s)
				},
				Config: ldapConfig(srv, ""), ConfigPlanChecks: expectUpdate("docspace_ldap_settings.this"), Check: check,
			},
			{ResourceName: "docspace_ldap_settings.this", ImportState: true, ImportStateId: "portal", ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{"new_users_type"}},
		},
		CheckDestroy: func(*terraform.State) error {
			if s := srv.LDAP(); s.Enabled || srv.LDAPCron() != "" {
				return fmt.Errorf("LDAP still on after destroy: %+v", s)
			}
			return nil
		},
	})
}

// A save job that fails (a wrong bind password) fails the apply with DocSpace's words and
// leaves nothing in state; on a Cloud plan without LDAP the apply is refused up front.
func TestAccLDAPSettings_FailedSaveAndPlan(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{Standalone: true, JobDuration: 100 * time.Millisecond})
	srv.FailNextLDAPOperation("Incorrect login or password.")
	free := mockportal.StartTest(t, mockportal.Options{})
	for _, c := range []struct {
		srv  *mockportal.Server
		want string
	}{{srv, `The LDAP save failed.*Incorrect login or password.*stores nothing`}, {free, `LDAP is not part of this portal's plan`}} {
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: protoV6ProviderFactories,
			Steps:                    []resource.TestStep{{Config: ldapConfig(c.srv, ""), ExpectError: expectError(c.want)}},
		})
	}
	if srv.LDAP().Enabled {
		t.Error("a failed save stored the settings")
	}
}

// With a bind password (write-only): sent with every save, never in plan, output or state.
func TestAccLDAPSettings_WriteOnlyBindPassword(t *testing.T) {
	tf := newTerraformCLI(t, featureWriteOnly)
	srv := mockportal.StartTest(t, mockportal.Options{Standalone: true, JobDuration: 100 * time.Millisecond})
	const password = "Bind-secret-never-stored"
	tf.writeConfig(settingConfig(srv, mockportal.DocSpaceAdmin, "ldap_settings", fmt.Sprintf(`enabled     = true
  server      = "ldap.example.com"
  user_dn     = "ou=people,dc=example,dc=com"
  login       = "cn=admin,dc=example,dc=com"
  password_wo = %q
  password_wo_version = 1`, password)))
	tf.init()
	outputs := []string{tf.mustRun("plan", "-no-color", "-input=false")}
	out, err := tf.apply()
	if err != nil || srv.LDAP().Password != password {
		t.Fatalf("apply (%v, stored %+v):\n%s", err, srv.LDAP(), out)
	}
	outputs = append(outputs, out, tf.mustRun("show", "-json"), tf.mustRun("state", "pull"))
	if out, err := tf.run("plan", "-no-color", "-detailed-exitcode", "-input=false"); err != nil {
		t.Errorf("an unchanged configuration plans changes (%v):\n%s", err, out)
	}
	for i, o := range outputs {
		if strings.Contains(o, password) {
			t.Errorf("output %d shows the bind password", i)
		}
	}
}

// The sync action reports DocSpace's steps and fails with its reason.
func TestAccLDAPSyncAction_ReportsStepsAndFailure(t *testing.T) {
	tf := newTerraformCLI(t, featureActions)
	srv := mockportal.StartTest(t, mockportal.Options{Standalone: true, JobDuration: 500 * time.Millisecond})
	srv.SetLDAP(mockportal.LDAPSettings{Enabled: true, Server: "ldap.example.com", UserDN: "ou=people", LoginAttribute: "uid", Port: 389})
	tf.writeConfig(providerConfig(srv, mockportal.DocSpaceAdmin) + `
action "docspace_ldap_sync" "now" {
  config {
    poll_interval = "100ms"
  }
}
`)
	tf.init()
	out, err := tf.apply("-invoke=action.docspace_ldap_sync.now")
	if err != nil || !strings.Contains(out, "LDAP sync: 100%") || !strings.Contains(out, "LDAP sync: done") || srv.LDAPSyncs() != 1 {
		t.Fatalf("sync action (%v, %d syncs):\n%s", err, srv.LDAPSyncs(), out)
	}
	srv.FailNextLDAPOperation("No users found.")
	if out, err := tf.apply("-invoke=action.docspace_ldap_sync.now"); err == nil || !strings.Contains(out, "The LDAP sync failed") || !strings.Contains(out, "No users found.") {
		t.Errorf("a failed sync (%v):\n%s", err, out)
	}
}
