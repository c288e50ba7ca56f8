package mockportal_test

import (
	"strings"
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestSettings_WhoMayReadAndWrite(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	for _, c := range []struct {
		role         mockportal.Role
		method, path string
		body         string
		status       int
	}{
		{mockportal.User, "GET", "settings/security/password", "", 200},
		{mockportal.User, "PUT", "settings/security/password", `{"minLength":9}`, 403},
		{mockportal.RoomAdmin, "GET", "settings/security/loginsettings", "", 403},
		{mockportal.DocSpaceAdmin, "GET", "settings/security/loginsettings", "", 200},
		{mockportal.Guest, "GET", "settings/tfaapp", "", 200},
		{mockportal.RoomAdmin, "GET", "settings/cookiesettings", "", 403},
		{mockportal.User, "GET", "settings/iprestrictions", "", 403},
		{mockportal.RoomAdmin, "GET", "security/audit/settings/lifetime", "", 403},
		{mockportal.User, "GET", "portal/quota", "", 403},
	} {
		if a := asRole(t, srv, c.role).api(c.method, c.path, c.body); a.status != c.status {
			t.Errorf("%s %s %s: %d, want %d: %s", c.role, c.method, c.path, a.status, c.status, a.raw)
		}
	}
	if a := call(t, "GET", srv.URL+"/api/2.0/settings/invitationsettings", nil); a.status != 200 || response(a)["allowInvitingGuests"] != true {
		t.Errorf("invitation settings are anonymous: %d %s", a.status, a.raw)
	}
	if a := call(t, "GET", srv.URL+"/api/2.0/settings/security/password", nil); a.status != 401 {
		t.Errorf("anonymous password policy: %d", a.status)
	}
}

func TestSettings_Traps(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	admin := asRole(t, srv, mockportal.DocSpaceAdmin)
	if a := admin.api("PUT", "settings/security/password", `{"minLength":999}`); a.status != 400 || errMessage(a) != "MinLength" {
		t.Errorf("password range: %d %s", a.status, a.raw)
	}
	if a := admin.api("PUT", "settings/security/loginsettings", `{"attemptCount":0,"blockTime":5,"checkPeriod":5}`); a.status != 400 || !strings.Contains(a.raw, "The field AttemptCount must be between 1 and 9999.") {
		t.Errorf("login range: %d %s", a.status, a.raw)
	}
	admin.api("PUT", "settings/security/loginsettings", `{"attemptCount":3,"blockTime":5,"checkPeriod":5}`)
	if a := admin.api("DELETE", "settings/security/loginsettings", ""); response(a)["isDefault"] != true || response(a)["attemptCount"] != float64(5) {
		t.Errorf("login reset is a DELETE: %s", a.raw)
	}
	// The cookie write answers a message, and clamps.
	if a := admin.api("PUT", "settings/cookiesettings", `{"lifeTime":20000,"enabled":true}`); a.body["response"] != "Settings have been successfully updated" {
		t.Errorf("cookie write: %s", a.raw)
	}
	if s := srv.Settings(); s.Cookie.LifeTime != 9999 || srv.SessionResets() != 1 {
		t.Errorf("clamped %d, session resets %d", s.Cookie.LifeTime, srv.SessionResets())
	}
	// IP restrictions: ranges refused, ids new on every save, the request echoed.
	if a := admin.api("PUT", "settings/iprestrictions", `{"ipRestrictions":[{"ip":"10.0.0.0/8"}]}`); a.status != 400 || errMessage(a) != "IpRestrictions" {
		t.Errorf("CIDR: %d %s", a.status, a.raw)
	}
	if a := admin.api("PUT", "settings/iprestrictions", `{"ipRestrictions":[],"enable":true}`); a.status != 400 || errMessage(a) != "Add at least 1 allowed IP address." {
		t.Errorf("enable without addresses: %d %s", a.status, a.raw)
	}
	a := admin.api("PUT", "settings/iprestrictions", `{"ipRestrictions":[{"ip":"203.0.113.7","forAdmin":false}]}`)
	if _, has := response(a)["enable"]; has || a.status != 200 {
		t.Errorf("echo leaves out an enable not sent: %s", a.raw)
	}
	first := srv.Settings().IP.Entries[0].ID
	admin.api("PUT", "settings/iprestrictions", `{"ipRestrictions":[{"ip":"203.0.113.7","forAdmin":false}]}`)
	if s := srv.Settings(); !s.IP.Enable || s.IP.Entries[0].ID == first {
		t.Errorf("ids must change on every save: %+v", s.IP)
	}
	// Mail domains: wildcards refused; type 0 leaves the list.
	if a := admin.api("POST", "settings/maildomainsettings", `{"type":1,"domains":["*.example.com"],"inviteUsersAsVisitors":true}`); a.status != 400 || errMessage(a) != "Invalid domain name" {
		t.Errorf("wildcard: %d %s", a.status, a.raw)
	}
	admin.api("POST", "settings/maildomainsettings", `{"type":1,"domains":[" Example.COM "],"inviteUsersAsVisitors":false}`)
	admin.api("POST", "settings/maildomainsettings", `{"type":0,"domains":[],"inviteUsersAsVisitors":true}`)
	if s := srv.Settings().MailDomain; s.Type != 0 || len(s.Domains) != 1 || s.Domains[0] != "example.com" {
		t.Errorf("mail domains: %+v", s)
	}
	if a := admin.api("GET", "settings", ""); response(a)["trustedDomainsType"] != float64(0) {
		t.Errorf("GET settings: %s", a.raw)
	}
}

func TestSettings_TwoFactorLogsEveryoneOutButNotKeys(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{OwnerPassword: "Owner-pass-1"})
	login := callBody(t, "POST", srv.URL+"/api/2.0/authentication", nil, `{"userName":"owner@example.test","password":"Owner-pass-1"}`)
	token := response(login)["token"].(string)
	owner := asRole(t, srv, mockportal.Owner)
	if a := asRole(t, srv, mockportal.DocSpaceAdmin).api("PUT", "settings/tfaapp", `{"type":"App","mandatoryUsers":["`+srv.UserID(mockportal.Owner)+`"]}`); a.status != 403 {
		t.Errorf("only the owner makes the owner use 2FA: %d", a.status)
	}
	if a := owner.api("PUT", "settings/tfaapp", `{"type":"Sms"}`); a.status != 403 || errMessage(a) != "SMS settings are not available" {
		t.Errorf("sms: %d %s", a.status, a.raw)
	}
	if a := owner.api("PUT", "settings/tfaapp", `{"type":"App","trustedIps":["203.0.113.0/24"]}`); a.body["response"] != true {
		t.Fatalf("enable: %s", a.raw)
	}
	if a := call(t, "GET", srv.URL+"/api/2.0/people/@self", rawKey("Bearer "+token)); a.status != 401 {
		t.Errorf("the session survived enabling 2FA: %d", a.status)
	}
	a := owner.api("GET", "settings/tfaapp", "")
	if list := a.body["response"].([]any); list[1].(map[string]any)["enabled"] != true || list[1].(map[string]any)["trustedIps"] == nil {
		t.Errorf("the API key must keep working and read it back: %s", a.raw)
	}
	again := callBody(t, "POST", srv.URL+"/api/2.0/authentication", nil, `{"userName":"owner@example.test","password":"Owner-pass-1"}`)
	if r := response(again); r["tfa"] != true || r["token"] != nil {
		t.Errorf("with 2FA on, a password alone gives no session: %s", again.raw)
	}
	owner.api("PUT", "settings/tfaapp", `{"type":"App","trustedIps":["127.0.0.0/8"]}`)
	if r := response(callBody(t, "POST", srv.URL+"/api/2.0/authentication", nil, `{"userName":"owner@example.test","password":"Owner-pass-1"}`)); r["token"] == nil {
		t.Errorf("a trusted address skips the second factor: %v", r)
	}
	if a := owner.api("PUT", "settings/tfaapp", `{"type":"None"}`); a.body["response"] != false {
		t.Errorf("disable answers false: %s", a.raw)
	}
	if list := owner.api("GET", "settings/tfaapp", "").body["response"].([]any); list[1].(map[string]any)["trustedIps"] != nil {
		t.Errorf("lists disappear when disabled: %v", list)
	}
}

func TestAudit_LifetimePlanGateAndEvents(t *testing.T) {
	free := mockportal.StartTest(t, mockportal.Options{})
	body := `{"settings":{"loginHistoryLifeTime":30,"auditTrailLifeTime":90}}`
	if a := asRole(t, free, mockportal.Owner).api("POST", "security/audit/settings/lifetime", body); a.status != 402 || errMessage(a) != "Your pricing plan does not support this option" {
		t.Errorf("free plan: %d %s", a.status, a.raw)
	}
	paid := mockportal.StartTest(t, mockportal.Options{Paid: true})
	owner := asRole(t, paid, mockportal.Owner)
	if a := owner.api("POST", "security/audit/settings/lifetime", `{"settings":{"loginHistoryLifeTime":181,"auditTrailLifeTime":90}}`); a.status != 400 || errMessage(a) != "LoginHistoryLifeTime" {
		t.Errorf("range: %d %s", a.status, a.raw)
	}
	a := owner.api("POST", "security/audit/settings/lifetime", body)
	if response(a)["lastModified"] != "0001-01-01T00:00:00" {
		t.Errorf("the answer echoes the request, lastModified included: %s", a.raw)
	}
	events := owner.api("GET", "security/audit/events/filter?action=6035", "")
	if list := events.body["response"].([]any); len(list) != 1 || list[0].(map[string]any)["userId"] != paid.UserID(mockportal.Owner) {
		t.Errorf("audit events: %s", events.raw)
	}
	callBody(t, "POST", paid.URL+"/api/2.0/authentication", nil, `{"userName":"owner@example.test","password":"wrong"}`)
	logins := owner.api("GET", "security/audit/login/filter?action=1013", "")
	if list := logins.body["response"].([]any); len(list) != 1 || list[0].(map[string]any)["login"] != "owner@example.test" {
		t.Errorf("login events: %s", logins.raw)
	}
}
