package docspace_test

import (
	"context"
	"errors"
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestPortalSettings_RoundTripAndRefusal(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{}, mockportal.DocSpaceAdmin)
	ctx := context.Background()
	want := docspace.PortalSettings{Language: "de", TimeZone: "Europe/Berlin", Title: "Acme"}
	if err := client.SetPortalSettings(ctx, want); err != nil {
		t.Fatal(err)
	}
	if got, err := client.PortalSettings(ctx); err != nil || *got != want {
		t.Errorf("read back %+v %v", got, err)
	}
	var unsupported *docspace.UnsupportedLanguageError
	if err := client.SetPortalSettings(ctx, docspace.PortalSettings{Language: "tlh", TimeZone: "UTC", Title: "X"}); !errors.As(err, &unsupported) {
		t.Errorf("an unsupported language: %v", err)
	}
	if got := srv.PortalSettings(); got.Title != "Acme" {
		t.Errorf("a refused write changed the title: %+v", got)
	}
	if err := client.ResetPortalSettings(ctx); err != nil {
		t.Fatal(err)
	}
	if got := srv.PortalSettings(); got != (mockportal.PortalSettings{Language: "en-US", TimeZone: "UTC"}) {
		t.Errorf("after the reset: %+v", got)
	}
}
