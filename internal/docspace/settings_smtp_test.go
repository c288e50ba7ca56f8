package docspace_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestSMTP_RoundTripAndTest(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{JobDuration: 50 * time.Millisecond}, mockportal.DocSpaceAdmin)
	ctx := context.Background()
	want := docspace.SMTPSettings{Host: "smtp.example.com", Port: 587, SenderAddress: "docs@example.com", SenderDisplayName: "Docs", EnableSSL: true, UserName: "docs", Password: "s3cret"}
	if err := client.SetSMTPSettings(ctx, want); err != nil {
		t.Fatal(err)
	}
	got, err := client.SMTPSettings(ctx)
	want.Password = ""
	if err != nil || *got != want {
		t.Errorf("read back %+v %v", got, err)
	}
	var steps []int
	if _, err := client.TestSMTP(ctx, 5*time.Millisecond, func(s docspace.SMTPTestStatus) { steps = append(steps, s.Percents) }); err != nil {
		t.Fatal(err)
	}
	if len(steps) < 2 || steps[len(steps)-1] != 100 {
		t.Errorf("progress: %v", steps)
	}
	srv.FailNextSMTPTest("535 Authentication failed")
	var testErr *docspace.SMTPTestError
	if _, err := client.TestSMTP(ctx, 5*time.Millisecond, func(docspace.SMTPTestStatus) {}); !errors.As(err, &testErr) || testErr.Message != "535 Authentication failed" {
		t.Errorf("failed test: %v", err)
	}
	if err := client.ResetSMTPSettings(ctx); err != nil {
		t.Fatal(err)
	}
	if got, _ := client.SMTPSettings(ctx); got.Host != "" {
		t.Errorf("after reset: %+v", got)
	}
}
