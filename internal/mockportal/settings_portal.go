package mockportal

import (
	"io"
	"net/http"
	"slices"
	"strings"
	"time"
	_ "time/tzdata" // time zones by IANA name on any machine, as the server's own list
)

// The portal's language, time zone and title (README.md, "Settings"). DocSpace ignores a
// language it does not offer, and takes a time zone it does not know as UTC, silently.

// PortalSettings are the portal's language (a culture name), time zone (an IANA name)
// and title ("" for DocSpace's default name).
type PortalSettings struct {
	Language string
	TimeZone string
	Title    string
}

// defaultPortalTitle is what DocSpace calls a portal without a title of its own.
const defaultPortalTitle = "Mock portal"

// portalCultures are the languages the mock's portal offers (GET settings/cultures).
var portalCultures = []string{"en-US", "en-GB", "de", "fr", "es", "it", "pt-BR", "nl", "pl", "ru", "ja-JP", "zh-CN"}

// PortalSettings reports the language, time zone and title.
func (p *Portal) PortalSettings() PortalSettings {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.portal
}

// SetPortalSettings changes them out of band, as in the UI.
func (p *Portal) SetPortalSettings(s PortalSettings) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.portal = s
}

// title is the title as DocSpace reports it.
func (s PortalSettings) title() string {
	if s.Title == "" {
		return defaultPortalTitle
	}
	return s.Title
}

// putTimeAndLanguageLocked is PUT settings/timeandlanguage {lng, timeZoneID}.
func (p *Portal) putTimeAndLanguageLocked(w http.ResponseWriter, r *http.Request, u *Person) {
	var b struct {
		Lng        string `json:"lng"`
		TimeZoneID string `json:"timeZoneID"`
	}
	if !p.bindBody(w, r, &b) {
		return
	}
	if i := slices.IndexFunc(portalCultures, func(c string) bool { return strings.EqualFold(c, b.Lng) }); i >= 0 {
		p.portal.Language = portalCultures[i]
	}
	p.portal.TimeZone = "UTC"
	if _, err := time.LoadLocation(b.TimeZoneID); err == nil && b.TimeZoneID != "" && b.TimeZoneID != "Local" {
		p.portal.TimeZone = b.TimeZoneID
	}
	p.savedLocked(u, actionTimeAndLanguage, "Time zone and language settings updated")
	p.ok(w, r, msgSettingsUpdated)
}

// greetingLocked is POST settings/greetingsettings {title} and …/restore. DocSpace
// answers both with plain text, not the JSON envelope.
func (p *Portal) greetingLocked(w http.ResponseWriter, r *http.Request, u *Person, restore bool) {
	answer := "Greeting settings have been successfully saved"
	if restore {
		p.portal.Title = ""
		answer = p.portal.title()
	} else {
		var b struct {
			Title *string `json:"title"`
		}
		if !p.bindBody(w, r, &b) {
			return
		}
		if b.Title != nil {
			p.portal.Title = strings.TrimSpace(*b.Title)
		}
	}
	p.savedLocked(u, actionGreeting, "Greeting settings updated")
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	_, _ = io.WriteString(w, answer)
}
