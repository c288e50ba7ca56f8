package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func smtpConfig(srv *mockportal.Server, extra string) string {
	return settingConfig(srv, mockportal.DocSpaceAdmin, "smtp_settings", `host           = "smtp.example.com"
  port           = 587
  sender_address = "docs@example.com"
  enable_ssl     = true
  `+extra)
}

func checkSMTP(srv *mockportal.Server, want mockportal.SMTPSettings) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if got := srv.SMTP(); got != want {
			return fmt.Errorf("SMTP on the portal: %+v, want %+v", got, want)
		}
		return nil
	}
}

// Without authentication (every CLI): create, clean re-plan, drift (reset in DocSpace)
// repaired, import, destroy back to DocSpace's own mail service.
func TestAccSMTPSettings_Lifecycle(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	want := mockportal.SMTPSettings{Host: "smtp.example.com", Port: 587, SenderAddress: "docs@example.com", EnableSSL: true}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: smtpConfig(srv, ""), Check: checkSMTP(srv, want)},
			{
				PreConfig:        func() { srv.SetSMTP(mockportal.SMTPSettings{}) },
				Config:           smtpConfig(srv, ""),
				ConfigPlanChecks: expectUpdate("docspace_smtp_settings.this"),
				Check:            checkSMTP(srv, want),
			},
			{ResourceName: "docspace_smtp_settings.this", ImportState: true, ImportStateId: "portal", ImportStateVerify: true},
		},
		CheckDestroy: func(*terraform.State) error { return checkSMTP(srv, mockportal.SMTPSettings{})(nil) },
	})
}

// With authentication (write-only password): sent with every save, never in plan, output
// or state; a new password_wo_version saves again; a username without a password is
// refused at plan.
func TestAccSMTPSettings_WriteOnlyPassword(t *testing.T) {
	tf := newTerraformCLI(t, featureWriteOnly)
	srv := mockportal.StartTest(t, mockportal.Options{})
	config := func(password string, version int) string {
		return smtpConfig(srv, fmt.Sprintf(`username       = "docs"
  password_wo    = %q
  password_wo_version = %d`, password, version))
	}
	tf.writeConfig(config("First-secret-1", 1))
	tf.init()
	outputs := []string{tf.mustRun("plan", "-no-color", "-input=false")}
	out, err := tf.apply()
	if err != nil {
		t.Fatalf("apply: %v\n%s", err, out)
	}
	if got := srv.SMTP(); got.Password != "First-secret-1" || got.UserName != "docs" || !got.EnableAuth {
		t.Errorf("portal: %+v", got)
	}
	outputs = append(outputs, out, tf.mustRun("show", "-json"), tf.mustRun("state", "pull"))
	if out, err := tf.run("plan", "-no-color", "-detailed-exitcode", "-input=false"); err != nil {
		t.Errorf("an unchanged configuration plans changes (%v):\n%s", err, out)
	}
	tf.writeConfig(config("Second-secret-2", 2))
	out, err = tf.apply()
	if err != nil || srv.SMTP().Password != "Second-secret-2" {
		t.Errorf("a new password_wo_version must send the new password (%v, %+v):\n%s", err, srv.SMTP(), out)
	}
	outputs = append(outputs, out, tf.mustRun("state", "pull"))
	for i, o := range outputs {
		if strings.Contains(o, "First-secret-1") || strings.Contains(o, "Second-secret-2") {
			t.Errorf("output %d shows the password", i)
		}
	}
	tf.writeConfig(smtpConfig(srv, `username = "docs"`))
	if out, err := tf.run("plan", "-no-color", "-input=false"); err == nil || !strings.Contains(out, "password_wo") {
		t.Errorf("a username without password_wo must be refused at plan (%v):\n%s", err, out)
	}
}

// The test action reports DocSpace's steps, and fails with the mail server's answer.
func TestAccSMTPTestAction_ReportsStepsAndFailure(t *testing.T) {
	tf := newTerraformCLI(t, featureActions)
	srv := mockportal.StartTest(t, fastJobs())
	srv.SetSMTP(mockportal.SMTPSettings{Host: "smtp.example.com", Port: 25, SenderAddress: "docs@example.com"})
	tf.writeConfig(providerConfig(srv, mockportal.DocSpaceAdmin) + `
action "docspace_smtp_test" "now" {
  config {
    poll_interval = "100ms"
  }
}
`)
	tf.init()
	out, err := tf.apply("-invoke=action.docspace_smtp_test.now")
	if err != nil || !strings.Contains(out, "SMTP test: 5% Setup tenant") || !strings.Contains(out, "the test message was sent") {
		t.Fatalf("test action (%v):\n%s", err, out)
	}
	if sent := srv.SMTPTestsSent(); len(sent) != 1 {
		t.Errorf("test messages: %v", sent)
	}
	srv.FailNextSMTPTest("535 5.7.8 Authentication credentials invalid")
	out, err = tf.apply("-invoke=action.docspace_smtp_test.now")
	if err == nil || !strings.Contains(out, "The SMTP test message was not sent") || !strings.Contains(out, "535 5.7.8") {
		t.Errorf("a refused test must fail the action (%v):\n%s", err, out)
	}
}
