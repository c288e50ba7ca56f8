package mockportal

import (
	"encoding/json"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// IP restrictions and two-factor authentication: the settings with traps (README.md,
// "Settings").

func ipListJSON(s IPRestrictions) []map[string]any {
	out := []map[string]any{}
	for _, e := range s.Entries {
		out = append(out, map[string]any{"id": e.ID, "tenantId": 1, "ip": e.IP, "forAdmin": e.ForAdmin})
	}
	return out
}

// validRestrictionIP is a single IPv4 or IPv6 address: ranges and CIDR blocks are refused.
// Like .NET, it takes the short IPv4 forms ("10.1").
func validRestrictionIP(s string) bool {
	if net.ParseIP(s) != nil {
		return true
	}
	parts := strings.Split(s, ".")
	if len(parts) < 2 || len(parts) > 3 {
		return false
	}
	for _, part := range parts {
		if n, err := strconv.Atoi(part); err != nil || n < 0 || n > 255 {
			return false
		}
	}
	return true
}

// putIPRestrictionsLocked replaces the whole list (every entry gets a new id) and answers
// the request as it was sent, not what was stored.
func (p *Portal) putIPRestrictionsLocked(w http.ResponseWriter, r *http.Request, u *Person) {
	var b struct {
		IPRestrictions *json.RawMessage `json:"ipRestrictions"`
		Enable         *bool            `json:"enable"`
	}
	if !p.bindBody(w, r, &b) {
		return
	}
	if b.IPRestrictions == nil {
		p.invalid(w, r, "$", "JSON deserialization for type 'IpRestrictionsDto' was missing required properties, including: 'ipRestrictions'.")
		return
	}
	var entries []struct {
		IP       string `json:"ip"`
		ForAdmin bool   `json:"forAdmin"`
	}
	if err := json.Unmarshal(*b.IPRestrictions, &entries); err != nil {
		p.invalid(w, r, "$.ipRestrictions", "The JSON value could not be converted.")
		return
	}
	enable := len(entries) > 0
	if b.Enable != nil {
		enable = *b.Enable
	}
	if enable && len(entries) == 0 {
		badArgument(w, "Add at least 1 allowed IP address.")
		return
	}
	for _, e := range entries {
		if !validRestrictionIP(e.IP) {
			badArgument(w, "IpRestrictions")
			return
		}
	}
	s := &p.settings.IP
	s.Entries = nil
	for _, e := range entries {
		s.Entries = append(s.Entries, IPEntry{ID: s.nextID, IP: e.IP, ForAdmin: e.ForAdmin})
		s.nextID++
	}
	s.Enable = enable
	// Saved equal to the defaults, the stored row is deleted: its time is gone with it.
	s.modified = time.Time{}
	if enable || len(entries) > 0 {
		s.modified = p.opts.Now()
	}
	p.savedLocked(u, actionIP, "IP restrictions settings updated")
	echo := map[string]any{"ipRestrictions": *b.IPRestrictions}
	if string(*b.IPRestrictions) == "null" {
		echo["ipRestrictions"] = []any{}
	}
	if b.Enable != nil {
		echo["enable"] = *b.Enable
	}
	p.ok(w, r, echo)
}

// tfaJSON is GET /settings/tfaapp: the SMS entry (never available here: no SMS provider)
// then the app entry; the lists only while a method is on.
func tfaJSON(s TFASettings) []map[string]any {
	sms := map[string]any{"id": "sms", "title": "By SMS", "enabled": false, "available": false}
	app := map[string]any{"id": "app", "title": "By authenticator app", "enabled": s.Method == "app", "available": true}
	if s.Method == "app" {
		app["trustedIps"], app["mandatoryUsers"], app["mandatoryGroups"] = nonNil(s.TrustedIPs), nonNil(s.MandatoryUsers), nonNil(s.MandatoryGroups)
	}
	return []map[string]any{sms, app}
}

var tfaTypes = map[string]string{"none": "none", "0": "none", "sms": "sms", "1": "sms", "app": "app", "2": "app"}

// putTFALocked turns two-factor authentication on (answer true: every session ends, the
// caller's included) or off (answer false). SMS needs an SMS provider, which the mock
// portal has not.
func (p *Portal) putTFALocked(w http.ResponseWriter, r *http.Request, u *Person) {
	var b struct {
		Type            json.RawMessage `json:"type"`
		TrustedIPs      []string        `json:"trustedIps"`
		MandatoryUsers  []string        `json:"mandatoryUsers"`
		MandatoryGroups []string        `json:"mandatoryGroups"`
	}
	if !p.bindBody(w, r, &b) {
		return
	}
	for i, id := range b.MandatoryUsers {
		if !guidRE.MatchString(strings.ToLower(id)) {
			p.invalid(w, r, "$.mandatoryUsers["+strconv.Itoa(i)+"]", "The JSON value could not be converted to System.Guid.")
			return
		}
	}
	var name string
	if json.Unmarshal(b.Type, &name) != nil {
		name = string(b.Type)
	}
	method, known := tfaTypes[strings.ToLower(name)]
	owner := p.userIDLocked(Owner)
	switch {
	case !known:
		method = "none" // unknown numbers act as None
	case method == "sms":
		forbidden(w, "SMS settings are not available")
		return
	case u.Type != Owner && slices.ContainsFunc(b.MandatoryUsers, func(id string) bool { return strings.EqualFold(id, owner) }):
		forbidden(w, "No permissions to perform this action")
		return
	}
	if method == "none" {
		p.settings.TFA = TFASettings{Method: "none"}
		p.savedLocked(u, actionTFADisabled, "Two-factor authentication disabled")
		p.ok(w, r, false)
		return
	}
	p.settings.TFA = TFASettings{Method: "app", TrustedIPs: nonNil(b.TrustedIPs), MandatoryUsers: nonNil(b.MandatoryUsers), MandatoryGroups: nonNil(b.MandatoryGroups)}
	p.endSessionsLocked()
	p.savedLocked(u, actionTFAByApp, "Two-factor authentication enabled by authenticator app")
	p.ok(w, r, true)
}
