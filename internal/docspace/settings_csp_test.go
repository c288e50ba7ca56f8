package docspace_test

import (
	"context"
	"slices"
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestCSP_RoundTrip(t *testing.T) {
	_, client := newPortal(t, mockportal.Options{}, mockportal.DocSpaceAdmin)
	ctx := context.Background()
	if s, err := client.CSPSettings(ctx); err != nil || len(s.Domains) != 0 || s.Header == "" {
		t.Fatalf("a new portal: %+v %v", s, err)
	}
	want := []string{"https://intranet.example.com", "*.example.org"}
	if err := client.SetCSPDomains(ctx, want); err != nil {
		t.Fatal(err)
	}
	if s, err := client.CSPSettings(ctx); err != nil || !slices.Equal(s.Domains, want) {
		t.Errorf("read back %+v %v", s, err)
	}
}

func TestCheckCSPDomain(t *testing.T) {
	for d, ok := range map[string]bool{"example.com": true, "https://example.com": true, "*.example.com": true, "https://*.example.com": true,
		"exämple.com": false, "http://": false, "": false} {
		if err := docspace.CheckCSPDomain(d); (err == nil) != ok {
			t.Errorf("CheckCSPDomain(%q) = %v", d, err)
		}
	}
}
