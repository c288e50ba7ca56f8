package docspace_test

import (
	"context"
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestSSO_RoundTrip(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{Standalone: true}, mockportal.DocSpaceAdmin)
	ctx := context.Background()
	s, err := client.SSOSettings(ctx)
	if err != nil || s.Enabled || s.FieldMapping.Email != "mail" {
		t.Fatalf("defaults: %+v %v", s, err)
	}
	s.Enabled = true
	s.IdP.EntityID, s.IdP.SSOURL = "https://idp.example.com/metadata", "https://idp.example.com/sso"
	s.SPCertificates = []docspace.SSOCertificate{{Crt: "CERT", Key: "KEY", Action: "signing"}}
	if err := client.SetSSOSettings(ctx, *s); err != nil {
		t.Fatal(err)
	}
	got, err := client.SSOSettings(ctx)
	if err != nil || !got.Enabled || got.IdP.EntityID != s.IdP.EntityID || got.SPCertificates[0].Key != "KEY" {
		t.Errorf("read back %+v %v", got, err)
	}
	if err := client.ResetSSOSettings(ctx); err != nil || srv.SSO().IdPSettings.EntityID != "" {
		t.Errorf("reset: %v", err)
	}
}
