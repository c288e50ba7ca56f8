package mockportal_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func ssoBody(t *testing.T, settings map[string]any) string {
	t.Helper()
	inner, _ := json.Marshal(settings)
	outer, _ := json.Marshal(map[string]string{"serializeSettings": string(inner)})
	return string(outer)
}

func validSSO() map[string]any {
	return map[string]any{"enableSso": true,
		"idpSettings":  map[string]any{"entityId": "https://idp.example.com/metadata", "ssoUrl": "https://idp.example.com/sso", "ssoBinding": "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"},
		"fieldMapping": map[string]any{"firstName": "givenName", "lastName": "sn", "email": "mail"},
		"usersType":    7, "spLoginLabel": strings.Repeat("L", 120),
		"spCertificates": []map[string]any{{"crt": "CERT", "key": "PRIVATE", "action": "signing"}}}
}

func TestSSO_SaveNormalisesAndGates(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{Paid: true})
	admin := asRole(t, srv, mockportal.DocSpaceAdmin)
	if s := response(admin.api("GET", "settings/ssov2", "")); s["enableSso"] != false || s["spLoginLabel"] != "Single Sign-on" {
		t.Errorf("default: %v", s)
	}
	a := admin.api("POST", "settings/ssov2", ssoBody(t, validSSO()))
	s := response(a)
	if a.status != 200 || s["usersType"] != float64(4) || len(s["spLoginLabel"].(string)) != 100 {
		t.Errorf("save: %d %s", a.status, a.raw)
	}
	if got := srv.SSO(); len(got.SPCertificates) != 1 || got.SPCertificates[0].Key != "PRIVATE" {
		t.Errorf("stored: %+v", got)
	}
	for name, change := range map[string]func(map[string]any){
		"no entity id":  func(m map[string]any) { m["idpSettings"].(map[string]any)["entityId"] = " " },
		"relative url":  func(m map[string]any) { m["idpSettings"].(map[string]any)["ssoUrl"] = "/sso" },
		"no email attr": func(m map[string]any) { m["fieldMapping"].(map[string]any)["email"] = "" },
	} {
		m := validSSO()
		change(m)
		if a := admin.api("POST", "settings/ssov2", ssoBody(t, m)); a.status != 500 {
			t.Errorf("%s: %d %s", name, a.status, a.raw)
		}
	}
	if a := asRole(t, srv, mockportal.RoomAdmin).api("GET", "settings/ssov2", ""); a.status != 403 {
		t.Errorf("room admin: %d", a.status)
	}
	if s := response(call(t, "GET", srv.URL+"/api/2.0/settings/ssov2", nil)); len(s) != 4 || s["hideAuthPage"] != false {
		t.Errorf("anonymous: %v", s)
	}
	if s := response(admin.api("DELETE", "settings/ssov2", "")); s["enableSso"] != false || srv.SSO().IdPSettings.EntityID != "" {
		t.Errorf("reset: %v", s)
	}
	free := mockportal.StartTest(t, mockportal.Options{})
	if a := asRole(t, free, mockportal.Owner).api("POST", "settings/ssov2", ssoBody(t, validSSO())); a.status != 402 {
		t.Errorf("free plan: %d", a.status)
	}
}
