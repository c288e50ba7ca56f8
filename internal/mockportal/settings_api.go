package mockportal

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"time"
)

// The settings area: /api/2.0/settings (README.md, "Settings").

const msgSettingsUpdated = "Settings have been successfully updated"

// Audit action ids (MessageAction) of the settings writes.
const (
	actionTrustedDomains  = 6003
	actionPassword        = 6004
	actionCookies         = 6032
	actionAuditSettings   = 6035
	actionTFADisabled     = 6036
	actionTFABySMS        = 6037
	actionTFAByApp        = 6038
	actionWebhookCreated  = 6055
	actionWebhookUpdated  = 6056
	actionWebhookDeleted  = 6057
	actionInvitation      = 6093
	actionIP              = 6094
	actionLoginSettings   = 6095
	actionRoomQuota       = 6100
	actionUserQuota       = 6101
	actionGreeting        = 5011
	actionTimeAndLanguage = 5010
	actionCSP             = 6102
	actionWhiteLabel      = 5013
	actionSSOEnabled      = 6053
	actionSSODisabled     = 6054
)

// serveSettingsAPI routes /api/2.0/settings. rest is "" or "/…", lower-cased. The
// portal settings and the invitation settings answer anonymous callers too.
func (p *Portal) serveSettingsAPI(w http.ResponseWriter, r *http.Request, rest string) {
	sub, isSub := strings.CutPrefix(rest, "/")
	if rest != "" && !isSub {
		notFoundPage(w)
		return
	}
	anonymousOK := r.Method == http.MethodGet && (sub == "" || sub == "invitationsettings" || sub == "version/build" || sub == "cultures" || sub == "ssov2")
	u, known := p.callerUser(r)
	if !known && !anonymousOK {
		unauthorized(w)
		return
	}
	if !known {
		u = nil
	}
	if strings.HasPrefix(sub, "webhook") {
		p.serveWebhooks(w, r, u, sub)
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.settleRestoreLocked()
	p.routeSettingsLocked(w, r, u, sub)
}

func (p *Portal) routeSettingsLocked(w http.ResponseWriter, r *http.Request, u *Person, sub string) {
	m := r.Method
	switch {
	case sub == "" && m == http.MethodGet:
		p.portalSettingsLocked(w, r, u)
	case sub == "invitationsettings" && m == http.MethodGet:
		p.ok(w, r, invitationJSON(p.settings.Invitation))
	case sub == "cultures" && m == http.MethodGet:
		p.ok(w, r, portalCultures)
	case sub == "version/build" && m == http.MethodGet:
		p.ok(w, r, map[string]any{"docSpace": PortalVersion, "documentServer": "9.0.4.1"})
	case p.routeSSOLocked(w, r, u, sub):
	case u == nil:
		unauthorized(w)
	case sub == "security/password" && m == http.MethodGet:
		p.ok(w, r, passwordJSON(p.settings.Password))
	case sub == "tfaapp" && m == http.MethodGet:
		p.ok(w, r, tfaJSON(p.settings.TFA))
	case !u.isAdmin():
		forbidden(w, msgAccessDenied) // EditPortalSettings: the Owner and DocSpace admins
	case p.routeLDAPLocked(w, r, u, sub):
	default:
		p.routeAdminSettingsLocked(w, r, u, sub)
	}
}

func (p *Portal) routeAdminSettingsLocked(w http.ResponseWriter, r *http.Request, u *Person, sub string) {
	m := r.Method
	switch {
	case sub == "security/password" && m == http.MethodPut:
		p.putPasswordLocked(w, r, u)
	case sub == "security/loginsettings" && m == http.MethodGet:
		p.ok(w, r, loginJSON(p.settings.Login))
	case sub == "security/loginsettings" && m == http.MethodPut:
		p.putLoginLocked(w, r, u)
	case sub == "security/loginsettings" && m == http.MethodDelete:
		p.settings.Login = DefaultSecuritySettings().Login // the reset is a DELETE here only
		p.savedLocked(u, actionLoginSettings, "Login settings updated")
		p.ok(w, r, loginJSON(p.settings.Login))
	case sub == "iprestrictions" && m == http.MethodGet:
		p.ok(w, r, ipListJSON(p.settings.IP))
	case sub == "iprestrictions/settings" && m == http.MethodGet:
		p.ok(w, r, map[string]any{"enable": p.settings.IP.Enable, "lastModified": p.ipModifiedLocked().UTC().Format("2006-01-02T15:04:05.0000000Z")})
	case (sub == "iprestrictions" || sub == "iprestrictions/settings") && m == http.MethodPut:
		p.putIPRestrictionsLocked(w, r, u)
	case sub == "tfaapp" && m == http.MethodPut:
		p.putTFALocked(w, r, u)
	case sub == "cookiesettings" && m == http.MethodGet:
		p.ok(w, r, map[string]any{"lifeTime": p.settings.Cookie.LifeTime, "enabled": p.settings.Cookie.Enabled})
	case sub == "cookiesettings" && m == http.MethodPut:
		p.putCookiesLocked(w, r, u)
	case sub == "maildomainsettings" && m == http.MethodPost:
		p.postMailDomainsLocked(w, r, u)
	case sub == "invitationsettings" && m == http.MethodPut:
		p.putInvitationLocked(w, r, u)
	case sub == "roomquotasettings" && m == http.MethodPost:
		p.postQuotaSettingsLocked(w, r, u, &p.quotas.Rooms, actionRoomQuota, "Room quota settings updated")
	case sub == "userquotasettings" && m == http.MethodPost:
		p.postQuotaSettingsLocked(w, r, u, &p.quotas.Users, actionUserQuota, "User quota settings updated")
	case sub == "userquotasettings" && m == http.MethodGet:
		p.ok(w, r, entityQuotaJSON(p.quotas.Users))
	case sub == "timeandlanguage" && m == http.MethodPut:
		p.putTimeAndLanguageLocked(w, r, u)
	case (sub == "greetingsettings" || sub == "greetingsettings/restore") && m == http.MethodPost:
		p.greetingLocked(w, r, u, sub == "greetingsettings/restore")
	case p.routeBrandingLocked(w, r, u, sub):
	default:
		notFoundPage(w)
	}
}

// portalSettingsLocked is GET /settings: anonymous callers learn the basics (and the
// tenant status, which shows a running restore); signed-in ones also the trusted domains.
func (p *Portal) portalSettingsLocked(w http.ResponseWriter, r *http.Request, u *Person) {
	out := map[string]any{"tenantStatus": p.reportedTenantStatusLocked(), "tenantAlias": p.alias, "standalone": p.opts.Standalone,
		"version": PortalVersion, "culture": p.portal.Language, "cookieSettingsEnabled": p.settings.Cookie.Enabled,
		"baseDomain": "localhost", "docSpace": true, "greetingSettings": p.portal.title(), "legalTerms": "", "enableAdmMess": false}
	if u != nil {
		out["timezone"], out["utcOffset"], out["utcHoursOffset"] = p.portal.TimeZone, "03:00:00", 3
		out["ownerId"] = p.userIDLocked(Owner)
		out["trustedDomainsType"] = p.settings.MailDomain.Type
		out["trustedDomains"] = nonNil(p.settings.MailDomain.Domains)
	}
	p.ok(w, r, out)
}

// PortalVersion is the DocSpace version the mock claims to be.
const PortalVersion = "3.7.2.1000"

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func passwordJSON(s PasswordPolicy) map[string]any {
	return map[string]any{"minLength": s.MinLength, "upperCase": s.UpperCase, "digits": s.Digits, "specSymbols": s.SpecSymbol,
		"allowedCharactersRegexStr": `[\x21-\x7E]`, "digitsRegexStr": `(?=.*\d)`, "upperCaseRegexStr": `(?=.*[A-Z])`,
		"specSymbolsRegexStr": `(?=.*[\x21-\x2F\x3A-\x40\x5B-\x60\x7B-\x7E])`}
}

func (p *Portal) putPasswordLocked(w http.ResponseWriter, r *http.Request, u *Person) {
	var b struct {
		MinLength   *int `json:"minLength"`
		UpperCase   bool `json:"upperCase"`
		Digits      bool `json:"digits"`
		SpecSymbols bool `json:"specSymbols"`
	}
	if !p.bindBody(w, r, &b) {
		return
	}
	switch {
	case b.MinLength == nil:
		p.invalid(w, r, "MinLength", "The MinLength field is required.")
	case *b.MinLength < 8 || *b.MinLength > 30:
		badArgument(w, "MinLength")
	default:
		p.settings.Password = PasswordPolicy{MinLength: *b.MinLength, UpperCase: b.UpperCase, Digits: b.Digits, SpecSymbol: b.SpecSymbols}
		p.savedLocked(u, actionPassword, "Password strength settings updated")
		p.ok(w, r, passwordJSON(p.settings.Password))
	}
}

func loginJSON(s LoginSettings) map[string]any {
	def := DefaultSecuritySettings().Login
	return map[string]any{"attemptCount": s.AttemptCount, "blockTime": s.BlockTime, "checkPeriod": s.CheckPeriod, "isDefault": s == def}
}

func (p *Portal) putLoginLocked(w http.ResponseWriter, r *http.Request, u *Person) {
	var b struct{ AttemptCount, BlockTime, CheckPeriod int }
	if !p.bindBody(w, r, &b) {
		return
	}
	for _, f := range []struct {
		name string
		v    int
	}{{"AttemptCount", b.AttemptCount}, {"BlockTime", b.BlockTime}, {"CheckPeriod", b.CheckPeriod}} {
		if f.v < 1 || f.v > 9999 {
			p.invalid(w, r, f.name, fmt.Sprintf("The field %s must be between 1 and 9999.", f.name))
			return
		}
	}
	p.settings.Login = LoginSettings{AttemptCount: b.AttemptCount, BlockTime: b.BlockTime, CheckPeriod: b.CheckPeriod}
	p.savedLocked(u, actionLoginSettings, "Login settings updated")
	p.ok(w, r, loginJSON(p.settings.Login))
}

func (p *Portal) putCookiesLocked(w http.ResponseWriter, r *http.Request, u *Person) {
	var b struct {
		LifeTime int  `json:"lifeTime"`
		Enabled  bool `json:"enabled"`
	}
	if !p.bindBody(w, r, &b) {
		return
	}
	p.settings.Cookie = CookieSettings{LifeTime: min(max(b.LifeTime, 0), 9999), Enabled: b.Enabled}
	if b.Enabled && b.LifeTime > 0 {
		p.endSessionsLocked() // every session ends, the caller's token included
	}
	p.savedLocked(u, actionCookies, "Cookie settings updated")
	p.ok(w, r, msgSettingsUpdated)
}

// domainRE is a trusted mail domain DocSpace accepts (after trimming and lower-casing).
var domainRE = regexp.MustCompile(`^[a-z0-9]([a-z0-9-.]){1,253}[a-z0-9]$`)

func (p *Portal) postMailDomainsLocked(w http.ResponseWriter, r *http.Request, u *Person) {
	var b struct {
		Type                  *int      `json:"type"`
		Domains               *[]string `json:"domains"`
		InviteUsersAsVisitors *bool     `json:"inviteUsersAsVisitors"`
	}
	if !p.bindBody(w, r, &b) {
		return
	}
	switch {
	case b.Type == nil || b.Domains == nil || b.InviteUsersAsVisitors == nil:
		p.invalid(w, r, "$", "JSON deserialization for type 'MailDomainSettingsRequestsDto' was missing required properties, including: 'type', 'domains', 'inviteUsersAsVisitors'.")
		return
	case *b.Type < 0 || *b.Type > 2:
		badArgument(w, "Type")
		return
	}
	s := &p.settings.MailDomain
	if *b.Type == 1 {
		var domains []string
		for _, d := range *b.Domains {
			d = strings.ToLower(strings.TrimSpace(d))
			if !domainRE.MatchString(d) {
				badArgument(w, "Invalid domain name")
				return
			}
			domains = append(domains, d)
		}
		if len(domains) == 0 {
			badArgument(w, "Add at least 1 trusted domain.")
			return
		}
		s.Domains = domains // for the other types the stored list is left as it was
	}
	s.Type, s.InviteAsUsers = *b.Type, *b.InviteUsersAsVisitors
	p.savedLocked(u, actionTrustedDomains, "Trusted mail domain settings updated")
	p.ok(w, r, msgSettingsUpdated)
}

func invitationJSON(s InvitationSettings) map[string]any {
	return map[string]any{"allowInvitingMembers": s.Members, "allowInvitingGuests": s.Guests}
}

func (p *Portal) putInvitationLocked(w http.ResponseWriter, r *http.Request, u *Person) {
	var b struct {
		AllowInvitingMembers bool `json:"allowInvitingMembers"`
		AllowInvitingGuests  bool `json:"allowInvitingGuests"`
	}
	if !p.bindBody(w, r, &b) {
		return
	}
	p.settings.Invitation = InvitationSettings{Members: b.AllowInvitingMembers, Guests: b.AllowInvitingGuests}
	p.savedLocked(u, actionInvitation, "Invitation settings updated")
	p.ok(w, r, invitationJSON(p.settings.Invitation))
}

// savedLocked records a settings write: its time and an audit event.
func (p *Portal) savedLocked(u *Person, action int, text string) {
	p.settingsModified = p.opts.Now()
	p.auditLocked(u, action, text)
}

// ipModifiedLocked is the IP restrictions' lastModified: when they were saved, or, while
// the portal has the defaults (nothing stored), the time the defaults were loaded: now.
func (p *Portal) ipModifiedLocked() time.Time {
	if m := p.settings.IP.modified; !m.IsZero() {
		return m
	}
	return p.opts.Now()
}
