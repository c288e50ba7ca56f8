package mockportal_test

import (
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

// DocSpace keeps the language when asked for one it does not offer, takes an unknown time
// zone as UTC, and answers the greeting settings with plain text.
func TestPortalSettings_TimeLanguageAndTitle(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	owner := asRole(t, srv, mockportal.Owner)
	if a := owner.api("PUT", "settings/timeandlanguage", `{"lng":"DE","timeZoneID":"Europe/Berlin"}`); a.status != 200 {
		t.Fatalf("time and language: %d %s", a.status, a.raw)
	}
	owner.api("PUT", "settings/timeandlanguage", `{"lng":"tlh","timeZoneID":"Mars/Base"}`)
	if got := srv.PortalSettings(); got.Language != "de" || got.TimeZone != "UTC" {
		t.Errorf("an unknown language is kept, an unknown zone is UTC: %+v", got)
	}
	a := owner.api("POST", "settings/greetingsettings", `{"title":"Acme"}`)
	if a.status != 200 || a.header.Get("Content-Type") != "text/plain; charset=utf-8" || a.raw != "Greeting settings have been successfully saved" {
		t.Errorf("greeting: %d %q %q", a.status, a.header.Get("Content-Type"), a.raw)
	}
	settings := response(owner.api("GET", "settings", ""))
	if settings["greetingSettings"] != "Acme" || settings["culture"] != "de" || settings["timezone"] != "UTC" {
		t.Errorf("settings: %v", settings)
	}
	if a := owner.api("POST", "settings/greetingsettings/restore", ""); a.raw != "Mock portal" {
		t.Errorf("restore: %q", a.raw)
	}
	if a := asRole(t, srv, mockportal.RoomAdmin).api("PUT", "settings/timeandlanguage", `{"lng":"fr","timeZoneID":"UTC"}`); a.status != 403 {
		t.Errorf("room admin: %d", a.status)
	}
	if a := call(t, "GET", srv.URL+"/api/2.0/settings/cultures", nil); a.status != 200 || listLen(a) < 2 {
		t.Errorf("cultures (anonymous): %d %s", a.status, a.raw)
	}
}
