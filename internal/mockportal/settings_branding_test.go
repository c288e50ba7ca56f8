package mockportal_test

import (
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

// The logo text: admins read it on any plan; saving needs white labelling (paid plan or a
// self-hosted server, 402 otherwise); restoring goes back to the default on any plan.
func TestBranding_LogoTextFollowsThePlan(t *testing.T) {
	free := mockportal.StartTest(t, mockportal.Options{})
	owner := asRole(t, free, mockportal.Owner)
	if a := owner.api("GET", "settings/whitelabel/logotext", ""); a.status != 200 || a.body["response"] != "ONLYOFFICE" {
		t.Errorf("default logo text: %d %s", a.status, a.raw)
	}
	if a := owner.api("GET", "settings/enablewhitelabel", ""); a.body["response"] != false {
		t.Errorf("free plan: white label enabled %s", a.raw)
	}
	if a := owner.api("POST", "settings/whitelabel/logotext/save", `{"logoText":"Acme"}`); a.status != 402 || errMessage(a) != "Your pricing plan does not support this option" {
		t.Errorf("free plan save: %d %s", a.status, a.raw)
	}
	if a := owner.api("PUT", "settings/whitelabel/logotext/restore", ""); a.status != 200 {
		t.Errorf("free plan restore: %d %s", a.status, a.raw)
	}

	paid := mockportal.StartTest(t, mockportal.Options{Paid: true})
	admin := asRole(t, paid, mockportal.DocSpaceAdmin)
	if a := admin.api("POST", "settings/whitelabel/logotext/save", `{"logoText":"Acme"}`); a.status != 200 || paid.LogoText() != "Acme" {
		t.Errorf("paid plan save: %d %s, stored %q", a.status, a.raw, paid.LogoText())
	}
	if a := admin.api("GET", "settings/whitelabel/logotext", ""); a.body["response"] != "Acme" {
		t.Errorf("read back: %s", a.raw)
	}
	if a := asRole(t, paid, mockportal.RoomAdmin).api("GET", "settings/whitelabel/logotext", ""); a.status != 403 {
		t.Errorf("room admin: %d", a.status)
	}
	admin.api("PUT", "settings/whitelabel/logotext/restore", "")
	if paid.LogoText() != "" {
		t.Errorf("restore kept %q", paid.LogoText())
	}
}
