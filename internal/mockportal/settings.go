package mockportal

import (
	"slices"
	"time"
)

// settingsState is the settings area's store: the security and quota settings, when they
// changed, how often sessions were reset, the audit trail and the login history.
type settingsState struct {
	created  time.Time
	settings SecuritySettings
	quotas   QuotaSettings
	portal   PortalSettings
	csp      []string // trusted domains of the Content Security Policy
	logoText string   // the branding's logo text; "" for DocSpace's default
	ssoState
	ldapState
	settingsModified time.Time
	sessionResets    int
	auditEvents      []AuditEvent
	loginEvents      []LoginEvent
}

func newSettingsState(opts Options) settingsState {
	now := opts.Now()
	return settingsState{created: now, settingsModified: now, settings: DefaultSecuritySettings(),
		quotas: QuotaSettings{Rooms: EntityQuota{Enabled: opts.RoomQuotas}}, portal: PortalSettings{Language: "en-US", TimeZone: "Europe/Moscow"}}
}

// The portal's security settings (README.md, "Settings"), with DocSpace's defaults.

// SecuritySettings is what the settings singletons store. Tests change it out of band
// with ChangeSettings.
type SecuritySettings struct {
	Password   PasswordPolicy
	Login      LoginSettings
	IP         IPRestrictions
	TFA        TFASettings
	Cookie     CookieSettings
	MailDomain MailDomainSettings
	Invitation InvitationSettings
	Audit      AuditLifetime
}

// PasswordPolicy is the password settings.
type PasswordPolicy struct {
	MinLength                     int
	UpperCase, Digits, SpecSymbol bool
}

// LoginSettings is the brute-force protection.
type LoginSettings struct{ AttemptCount, BlockTime, CheckPeriod int }

// IPRestrictions is the allow list and whether it is enforced.
type IPRestrictions struct {
	Entries []IPEntry
	Enable  bool
	nextID  int
	// modified is when they were last saved; zero while the portal has the defaults.
	modified time.Time
}

// IPEntry is one allowed address; ForAdmin entries admit admins only.
type IPEntry struct {
	ID       int
	IP       string
	ForAdmin bool
}

// TFASettings is the two-factor method ("none", "sms", "app") and its lists.
type TFASettings struct {
	Method                                      string
	TrustedIPs, MandatoryUsers, MandatoryGroups []string
}

// CookieSettings is the session lifetime in minutes.
type CookieSettings struct {
	LifeTime int
	Enabled  bool
}

// MailDomainSettings is who may join by email domain: type 0 none, 1 custom, 2 all.
type MailDomainSettings struct {
	Type          int
	Domains       []string
	InviteAsUsers bool
}

// InvitationSettings says who may invite.
type InvitationSettings struct{ Members, Guests bool }

// AuditLifetime is how many days login history and audit trail are kept.
type AuditLifetime struct{ LoginHistory, AuditTrail int }

// DefaultSecuritySettings are a new portal's.
func DefaultSecuritySettings() SecuritySettings {
	return SecuritySettings{
		Password:   PasswordPolicy{MinLength: 8},
		Login:      LoginSettings{AttemptCount: 5, BlockTime: 60, CheckPeriod: 60},
		IP:         IPRestrictions{nextID: 1},
		TFA:        TFASettings{Method: "none"},
		Cookie:     CookieSettings{LifeTime: 1440},
		MailDomain: MailDomainSettings{InviteAsUsers: true},
		Invitation: InvitationSettings{Members: true, Guests: true},
		Audit:      AuditLifetime{LoginHistory: 180, AuditTrail: 180},
	}
}

func (s SecuritySettings) clone() SecuritySettings {
	c := s
	c.IP.Entries = slices.Clone(s.IP.Entries)
	c.TFA.TrustedIPs, c.TFA.MandatoryUsers, c.TFA.MandatoryGroups = slices.Clone(s.TFA.TrustedIPs), slices.Clone(s.TFA.MandatoryUsers), slices.Clone(s.TFA.MandatoryGroups)
	c.MailDomain.Domains = slices.Clone(s.MailDomain.Domains)
	return c
}

// Settings returns a copy of the security settings.
func (p *Portal) Settings() SecuritySettings {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.settings.clone()
}

// ChangeSettings changes the settings out of band, as an admin in the UI would. change
// runs under the portal's lock: it must not call the portal.
func (p *Portal) ChangeSettings(change func(*SecuritySettings)) {
	p.mu.Lock()
	defer p.mu.Unlock()
	change(&p.settings)
	p.settingsModified = p.opts.Now()
}

// auditPlan: the audit trail is a paid feature on DocSpace Cloud; self-hosted servers
// always have it.
func (p *Portal) auditPlan() bool { return p.opts.Paid || p.opts.Standalone }

// endSessionsLocked logs out every session of the portal (two-factor authentication
// turned on, a session lifetime saved). API keys are checked apart and keep working.
func (p *Portal) endSessionsLocked() {
	p.tokens = map[string]string{}
	p.sessionResets++
}

// SessionResets is how many times every session was logged out.
func (p *Portal) SessionResets() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.sessionResets
}
