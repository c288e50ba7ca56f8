package docspace_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func withMachineKey(key string) func(*docspace.Config) {
	return func(c *docspace.Config) { c.Hosting = docspace.HostingCredentials{MachineKey: key} }
}

// Register, read, suspend (no longer listed, its settings say suspended), resume, remove.
func TestSpaces_Lifecycle(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{Standalone: true, MachineKey: "machine-secret"}, mockportal.Owner, withMachineKey("machine-secret"))
	ctx := context.Background()
	if err := client.ValidateSpaceName(ctx, "acme"); err != nil {
		t.Fatal(err)
	}
	reg, err := client.RegisterSpace(ctx, docspace.SpaceRequest{Name: "acme", FirstName: "Ada", LastName: "Admin", Email: "ada@acme.test"})
	if err != nil {
		t.Fatal(err)
	}
	if reg.Space.Domain != "acme."+srv.BaseDomain() || reg.SetupLink == "" || reg.Space.Status != docspace.SpaceActive {
		t.Errorf("registration: %+v", reg)
	}
	id := reg.Space.TenantID
	if s, err := client.SpaceByID(ctx, id); err != nil || s.Name != "acme" {
		t.Errorf("read: %+v %v", s, err)
	}
	if _, err := client.SetSpaceSuspended(ctx, id, true); err != nil {
		t.Fatal(err)
	}
	if _, err := client.SpaceByID(ctx, id); !errors.Is(err, docspace.ErrSpaceNotListed) {
		t.Errorf("a suspended space: %v", err)
	}
	if s, err := client.SpaceSettings(ctx, reg.Space.Domain); err != nil || s.TenantStatus != 1 || s.TenantAlias != "acme" {
		t.Errorf("a suspended space's settings: %+v %v", s, err)
	}
	if s, err := client.SetSpaceSuspended(ctx, id, false); err != nil || s.Status != docspace.SpaceActive {
		t.Errorf("resume: %+v %v", s, err)
	}
	if removed, err := client.RemoveSpace(ctx, id); err != nil || !removed {
		t.Errorf("remove before the owner's setup: %v %v", removed, err)
	}
	if s, err := client.SpaceSettings(ctx, reg.Space.Domain); err != nil || s.TenantAlias == "acme" {
		t.Errorf("a removed space still answers: %+v %v", s, err)
	}
}

func TestSpaces_Errors(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{Standalone: true}, mockportal.Owner)
	ctx := context.Background()
	if _, err := client.SpaceByID(ctx, 1); !errors.Is(err, docspace.ErrNoHostingCredentials) {
		t.Errorf("no hosting credentials: %v", err)
	}
	if len(srv.RequestLines()) != 0 {
		t.Error("a hosting call went out without credentials")
	}
	basic, err := docspace.New(docspace.Config{PortalURL: srv.URL, APIKey: srv.Key(mockportal.Owner), RetryWaitMin: time.Millisecond, RetryWaitMax: time.Millisecond,
		Hosting: docspace.HostingCredentials{Email: srv.OwnerEmail(), Password: srv.OwnerPassword()}})
	if err != nil {
		t.Fatal(err)
	}
	var apiErr *docspace.APIError
	if err := basic.ValidateSpaceName(ctx, "portal"); !errors.As(err, &apiErr) || apiErr.Code != "portalNameExist" || apiErr.StatusCode != 400 {
		t.Errorf("a taken name: %v", err)
	}
	if _, err := basic.RegisterSpace(ctx, docspace.SpaceRequest{Name: "portal", FirstName: "A", LastName: "B", Email: "a@b.test"}); !errors.As(err, &apiErr) || apiErr.Code != "registerNewTenantError" || apiErr.Attempts != 1 {
		t.Errorf("a duplicate registration is refused once, not retried: %v", err)
	}
	if _, err := basic.SetSpaceSuspended(ctx, 42, true); !errors.As(err, &apiErr) || apiErr.Code != "portalNameNotFound" {
		t.Errorf("an unknown id: %v", err)
	}
	_, saasClient := newPortal(t, mockportal.Options{MachineKey: "k"}, mockportal.Owner, withMachineKey("k"))
	if _, err := saasClient.SpaceByID(ctx, 1); !errors.As(err, &apiErr) || apiErr.StatusCode != 403 || apiErr.Message != "Method for server edition only." {
		t.Errorf("SaaS: %v", err)
	}
}

func TestCheckSpaceName(t *testing.T) {
	for name, ok := range map[string]bool{"acme": true, "team-7": true, "ab": false, "-acme": false, "acme-": false, "Acme": false, "ac_me": false} {
		if err := docspace.CheckSpaceName(name); (err == nil) != ok {
			t.Errorf("CheckSpaceName(%q) = %v", name, err)
		}
	}
}
