package docspace_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestSettings_RoundTrips(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{Paid: true}, mockportal.DocSpaceAdmin)
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(client.SetPasswordPolicy(ctx, docspace.PasswordPolicy{MinLength: 12, Digits: true}))
	if p, err := client.PasswordPolicy(ctx); err != nil || *p != (docspace.PasswordPolicy{MinLength: 12, Digits: true}) {
		t.Errorf("password %+v %v", p, err)
	}
	must(client.SetLoginSettings(ctx, docspace.LoginSettings{AttemptCount: 3, BlockTime: 300, CheckPeriod: 60}))
	must(client.ResetLoginSettings(ctx))
	if l, err := client.LoginSettings(ctx); err != nil || *l != docspace.DefaultLoginSettings {
		t.Errorf("login %+v %v", l, err)
	}
	want := docspace.IPRestrictions{Entries: []docspace.IPRestriction{{IP: "203.0.113.7"}, {IP: "2001:db8::1", ForAdmin: true}}, Enabled: true}
	must(client.SetIPRestrictions(ctx, want))
	if got, err := client.IPRestrictions(ctx); err != nil || !reflect.DeepEqual(*got, want) {
		t.Errorf("ip %+v %v", got, err)
	}
	must(client.SetSessionLifetime(ctx, docspace.SessionLifetime{LifeTime: 60, Enabled: true}))
	if s, err := client.SessionLifetime(ctx); err != nil || *s != (docspace.SessionLifetime{LifeTime: 60, Enabled: true}) {
		t.Errorf("session %+v %v", s, err)
	}
	must(client.SetTrustedMailDomains(ctx, docspace.TrustedMailDomains{Type: 1, Domains: []string{"example.com"}}))
	if m, err := client.TrustedMailDomains(ctx); err != nil || m.Type != 1 || m.Domains[0] != "example.com" {
		t.Errorf("mail %+v %v", m, err)
	}
	must(client.SetInvitationSettings(ctx, docspace.InvitationSettings{AllowInvitingMembers: true}))
	if i, err := client.InvitationSettings(ctx); err != nil || i.AllowInvitingGuests || !i.AllowInvitingMembers {
		t.Errorf("invitation %+v %v", i, err)
	}
	must(client.SetAuditLifetime(ctx, docspace.AuditLifetime{LoginHistory: 30, AuditTrail: 90}))
	if a, err := client.AuditLifetime(ctx); err != nil || *a != (docspace.AuditLifetime{LoginHistory: 30, AuditTrail: 90}) {
		t.Errorf("audit %+v %v", a, err)
	}
	events, err := client.AuditEvents(ctx, docspace.EventFilter{UserID: srv.UserID(mockportal.DocSpaceAdmin), ActionID: 6004})
	if err != nil || len(events) != 1 {
		t.Errorf("audit events %+v %v", events, err)
	}
}

func TestSettings_TwoFactorKeepsTheKeyWorking(t *testing.T) {
	_, client := newPortal(t, mockportal.Options{}, mockportal.Owner)
	ctx := context.Background()
	if err := client.SetTFASettings(ctx, docspace.TFASettings{Method: "app", TrustedIPs: []string{"203.0.113.0/24"}}); err != nil {
		t.Fatal(err)
	}
	tfa, err := client.TFASettings(ctx)
	if err != nil || tfa.Method != "app" || tfa.TrustedIPs[0] != "203.0.113.0/24" {
		t.Fatalf("after enabling: %+v %v", tfa, err)
	}
	if err := client.SetTFASettings(ctx, docspace.TFASettings{Method: "none"}); err != nil {
		t.Fatal(err)
	}
}

func TestWebhooks_TriggerMask(t *testing.T) {
	mask, ok := docspace.TriggerMask([]string{"file.created", "file.uploaded"})
	if !ok || mask != 384 || !reflect.DeepEqual(docspace.TriggerNames(mask), []string{"file.created", "file.uploaded"}) {
		t.Errorf("mask %d %v", mask, ok)
	}
	if _, ok := docspace.TriggerMask([]string{"file.exploded"}); ok {
		t.Error("an unknown name was accepted")
	}
	if names := docspace.TriggerNames(1 << 40); names[0] != "trigger_1099511627776" {
		t.Errorf("unknown bit: %v", names)
	}
}

func TestWebhooks_CreateListDelete(t *testing.T) {
	_, client := newPortal(t, mockportal.Options{}, mockportal.DocSpaceAdmin)
	ctx := context.Background()
	w, err := client.CreateWebhook(ctx, docspace.WebhookSettings{Name: "a", URL: "https://hooks.example.com/a", Secret: "Long-enough-1", Triggers: 128})
	if err != nil || w.ID == 0 {
		t.Fatalf("create %+v %v", w, err)
	}
	if list, err := client.Webhooks(ctx); err != nil || len(list) != 1 || list[0].Triggers != 128 {
		t.Errorf("list %+v %v", list, err)
	}
	if err := client.DeleteWebhook(ctx, w.ID); err != nil {
		t.Fatal(err)
	}
	if err := client.DeleteWebhook(ctx, w.ID); docspace.StatusCode(err) != 404 {
		t.Errorf("second delete: %v", err)
	}
}

func TestPortalInfo(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{}, mockportal.DocSpaceAdmin)
	p, err := client.PortalInfo(context.Background())
	if err != nil || p.OwnerID != srv.UserID(mockportal.Owner) || !p.Free || p.Audit || p.Version != mockportal.PortalVersion || p.Plan != "startup" {
		t.Errorf("portal %+v %v", p, err)
	}
}
