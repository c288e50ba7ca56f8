package mockportal_test

import (
	"strings"
	"testing"
	"time"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

const ldapBody = `{"enableLdapAuthentication":true,"server":" ldap.example.com ","userDN":"ou=people,dc=example,dc=com","portNumber":389,
"userFilter":"(uid=*)","loginAttribute":"uid","ldapMapping":{"FirstNameAttribute":"givenName","SecondNameAttribute":"sn","MailAttribute":"mail"},
"authentication":true,"login":"cn=admin,dc=example,dc=com","password":"bind-secret"}`

// A save is a job: answered at once, stored when it ends, its status read once; a second
// job while one runs is refused in the status; a job that fails stores nothing.
func TestLDAP_SaveJobAndStatus(t *testing.T) {
	now := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	srv := mockportal.StartTest(t, mockportal.Options{Standalone: true, JobDuration: time.Second, Now: func() time.Time { return now }})
	admin := asRole(t, srv, mockportal.DocSpaceAdmin)
	if s := response(admin.api("POST", "settings/ldap", ldapBody)); s["operationType"] != "Save" || s["completed"] != false {
		t.Fatalf("start: %v", s)
	}
	if s := response(admin.api("GET", "settings/ldap/sync", "")); s["operationType"] != "Save" {
		t.Errorf("a sync joins the running save: %v", s)
	}
	if s := response(admin.api("POST", "settings/ldap", ldapBody)); s["error"] != "Too many LDAP operations." || s["id"] != nil {
		t.Errorf("a second save: %v", s)
	}
	if srv.LDAP().Enabled {
		t.Error("stored before the job ended")
	}
	now = now.Add(2 * time.Second)
	if s := response(admin.api("GET", "settings/ldap/status", "")); s["completed"] != true || s["percents"] != float64(100) || s["error"] != "" {
		t.Errorf("done: %v", s)
	}
	if a := admin.api("GET", "settings/ldap/status", ""); a.body["response"] != nil {
		t.Errorf("a finished job is read once: %s", a.raw)
	}
	got := srv.LDAP()
	if !got.Enabled || got.Server != "ldap.example.com" || got.Password != "bind-secret" {
		t.Errorf("stored: %+v", got)
	}
	if s := response(admin.api("GET", "settings/ldap", "")); s["password"] != nil || s["isDefault"] != false || s["server"] != "ldap.example.com" {
		t.Errorf("GET: %v", s)
	}
	if a := admin.api("POST", "settings/ldap/cron", `{"cron":"0 0 * * * ?"}`); a.status != 200 || srv.LDAPCron() != "0 0 * * * ?" {
		t.Errorf("cron: %d %s", a.status, a.raw)
	}
	if a := admin.api("POST", "settings/ldap/cron", `{"cron":"* * *"}`); a.status != 500 {
		t.Errorf("a bad cron: %d", a.status)
	}
	admin.api("POST", "settings/ldap", strings.Replace(ldapBody, `"password":"bind-secret"`, `"password":""`, 1))
	now = now.Add(2 * time.Second)
	if s := response(admin.api("GET", "settings/ldap/status", "")); s["error"] != "The server could not get settings." {
		t.Errorf("a save without the password: %v", s)
	}
	if srv.LDAP().Password != "bind-secret" {
		t.Error("a failed save changed the settings")
	}
	if a := asRole(t, mockportal.StartTest(t, mockportal.Options{}), mockportal.Owner).api("GET", "settings/ldap", ""); a.status != 402 {
		t.Errorf("free plan: %d", a.status)
	}
}
