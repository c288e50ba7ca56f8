package docspace_test

import (
	"context"
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestBranding_RoundTrip(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{Paid: true}, mockportal.DocSpaceAdmin)
	ctx := context.Background()
	if ok, err := client.WhiteLabelAvailable(ctx); err != nil || !ok {
		t.Fatalf("a paid portal: available %v %v", ok, err)
	}
	if err := client.SetBranding(ctx, docspace.Branding{LogoText: "Acme Docs"}); err != nil {
		t.Fatal(err)
	}
	if b, err := client.Branding(ctx); err != nil || b.LogoText != "Acme Docs" {
		t.Errorf("read back %+v %v", b, err)
	}
	if err := client.ResetBranding(ctx); err != nil || srv.LogoText() != "" {
		t.Errorf("reset: %v, stored %q", err, srv.LogoText())
	}
}

func TestBranding_FreePlanRefuses(t *testing.T) {
	_, client := newPortal(t, mockportal.Options{}, mockportal.Owner)
	ctx := context.Background()
	if ok, err := client.WhiteLabelAvailable(ctx); err != nil || ok {
		t.Errorf("a free portal: available %v %v", ok, err)
	}
	if err := client.SetBranding(ctx, docspace.Branding{LogoText: "Acme"}); docspace.StatusCode(err) != 402 {
		t.Errorf("save on a free plan: %v", err)
	}
}
