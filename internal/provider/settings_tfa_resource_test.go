package provider

import (
	"strings"
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

// Turning two-factor authentication on logs every session out: the plan warns, the
// provider's own later calls (API key) keep working, and an unchanged configuration never
// sends it again (no second logout).
func TestAccTFASettings_WarnsAndNeverResendsOnThePortal(t *testing.T) {
	tf := newTerraformCLI(t)
	srv := mockportal.StartTest(t, mockportal.Options{})
	tf.writeConfig(settingConfig(srv, mockportal.Owner, "tfa_settings", `method = "app"`) + `
resource "docspace_login_settings" "after" {
  attempt_count = 4
  depends_on    = [docspace_tfa_settings.this]
}
`)
	tf.init()
	plan := tf.mustRun("plan", "-no-color", "-input=false")
	if !strings.Contains(plan, "logs out every session") {
		t.Errorf("no logout warning in the plan:\n%s", plan)
	}
	if out, err := tf.apply(); err != nil {
		t.Fatalf("apply: %v\n%s", err, out)
	}
	if got := srv.SessionResets(); got != 1 {
		t.Errorf("sessions were reset %d times, want 1", got)
	}
	if s := srv.Settings(); s.TFA.Method != "app" || s.Login.AttemptCount != 4 {
		t.Errorf("the calls after enabling 2FA did not go through: %+v", s)
	}
	srv.ResetRequests()
	if out, err := tf.run("plan", "-no-color", "-detailed-exitcode", "-input=false"); err != nil || strings.Contains(out, "logs out every session") {
		t.Errorf("an unchanged configuration plans changes or warns (%v):\n%s", err, out)
	}
	if out, err := tf.apply(); err != nil || srv.SessionResets() != 1 {
		t.Errorf("re-apply reset the sessions again (%d, %v):\n%s", srv.SessionResets(), err, out)
	}
	if err := onlyReads(srv)(nil); err != nil {
		t.Error(err)
	}
}

// Adopting two-factor settings the portal already has writes nothing and warns about
// nothing.
func TestAccTFASettings_AdoptingWhatThePortalHasIsQuiet(t *testing.T) {
	tf := newTerraformCLI(t)
	srv := mockportal.StartTest(t, mockportal.Options{})
	srv.ChangeSettings(func(s *mockportal.SecuritySettings) { s.TFA = mockportal.TFASettings{Method: "app"} })
	tf.writeConfig(settingConfig(srv, mockportal.Owner, "tfa_settings", `method = "app"`))
	tf.init()
	if plan := tf.mustRun("plan", "-no-color", "-input=false"); strings.Contains(plan, "logs out every session") {
		t.Errorf("a warning for a setting the portal already has:\n%s", plan)
	}
	srv.ResetRequests()
	if out, err := tf.apply(); err != nil {
		t.Fatalf("apply: %v\n%s", err, out)
	}
	if err := onlyReads(srv)(nil); err != nil || srv.SessionResets() != 0 {
		t.Errorf("adopting wrote (%v) or logged people out (%d)", err, srv.SessionResets())
	}
}
