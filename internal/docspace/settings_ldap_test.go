package docspace_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestLDAP_SaveSyncDisable(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{Standalone: true, JobDuration: 20 * time.Millisecond}, mockportal.DocSpaceAdmin)
	ctx := context.Background()
	s, err := client.LDAPSettings(ctx)
	if err != nil || s.Enabled || s.Port != 389 {
		t.Fatalf("defaults: %+v %v", s, err)
	}
	s.Enabled, s.Server, s.UserDN, s.Login, s.Password, s.AutoSyncCron = true, "ldap.example.com", "ou=people,dc=example,dc=com", "cn=admin", "bind", "0 0 3 * * ?"
	if err := client.SetLDAPSettings(ctx, *s); err != nil {
		t.Fatal(err)
	}
	got, err := client.LDAPSettings(ctx)
	if err != nil || !got.Enabled || got.Password != "" || got.AutoSyncCron != "0 0 3 * * ?" || srv.LDAP().Password != "bind" {
		t.Errorf("read back %+v %v", got, err)
	}
	var steps int
	if _, err := client.SyncLDAP(ctx, 5*time.Millisecond, func(docspace.LDAPStatus) { steps++ }); err != nil || steps < 2 || srv.LDAPSyncs() != 1 {
		t.Errorf("sync: %v, %d steps, %d syncs", err, steps, srv.LDAPSyncs())
	}
	srv.FailNextLDAPOperation("Incorrect login or password.")
	var opErr *docspace.LDAPOperationError
	if err := client.SetLDAPSettings(ctx, *s); !errors.As(err, &opErr) || opErr.Message != "Incorrect login or password." {
		t.Errorf("a failed save: %v", err)
	}
	if err := client.DisableLDAP(ctx); err != nil {
		t.Fatal(err)
	}
	if got := srv.LDAP(); got.Enabled || srv.LDAPCron() != "" {
		t.Errorf("after disabling: %+v cron %q", got, srv.LDAPCron())
	}
}
