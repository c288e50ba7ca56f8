package mockportal_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestAuthForms(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	url := srv.URL + "/api/2.0/backup/getbackuphistory"
	key := srv.Key(mockportal.Owner)
	forms := map[string]func(*http.Request){
		"header": rawKey(key),
		"bearer": func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+key) },
		"cookie": func(r *http.Request) { r.AddCookie(&http.Cookie{Name: "asc_auth_key", Value: key}) },
	}
	for form, set := range forms {
		if a := call(t, "GET", url, set); a.status != 200 {
			t.Errorf("%s auth: %d %s", form, a.status, a.raw)
		}
	}
	for _, set := range []func(*http.Request){nil, rawKey("sk-unknown"), rawKey("Bearer ")} {
		if a := call(t, "GET", url, set); a.status != 401 || a.body["statusCode"] != 401.0 {
			t.Errorf("bad auth: %d %s", a.status, a.raw)
		}
	}
	var got []string
	for _, r := range srv.Requests() {
		got = append(got, r.Auth)
	}
	if strings.Count(strings.Join(got, ","), "none") != 1 {
		t.Errorf("auth forms logged: %v", got)
	}
}

func TestRoles(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{Backups: 1})
	for _, role := range mockportal.Roles {
		a := call(t, "DELETE", srv.URL+"/api/2.0/backup/deletebackuphistory", rawKey(srv.Key(role)))
		allowed := role == mockportal.Owner || role == mockportal.DocSpaceAdmin
		switch {
		case allowed && (a.status != 200 || a.body["response"] != true):
			t.Errorf("%s: %d %s", role, a.status, a.raw)
		case !allowed && (a.status != 403 || errMessage(a) != "Access denied" || a.body["statusCode"] != 403.0):
			t.Errorf("%s: %d %s", role, a.status, a.raw)
		}
	}
}
