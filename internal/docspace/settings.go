package docspace

import (
	"context"
	"errors"
	"fmt"
	"net/http"
)

// The portal's security settings. Each is a singleton with its own read and write calls,
// and writes answer differently (the stored object, the request echoed, a message or a
// boolean), so every write here is followed by the caller reading the setting back.

// PasswordPolicy is what passwords (and webhook secrets) must look like.
type PasswordPolicy struct {
	MinLength   int  `json:"minLength"`
	UpperCase   bool `json:"upperCase"`
	Digits      bool `json:"digits"`
	SpecSymbols bool `json:"specSymbols"`
}

// DefaultPasswordPolicy is a new portal's policy.
var DefaultPasswordPolicy = PasswordPolicy{MinLength: 8}

// PasswordPolicy reads the password policy (any signed-in user may).
func (c *Client) PasswordPolicy(ctx context.Context) (*PasswordPolicy, error) {
	return readSetting[PasswordPolicy](ctx, c, "settings/security/password")
}

// SetPasswordPolicy replaces the password policy. MinLength must be 8 to 30.
func (c *Client) SetPasswordPolicy(ctx context.Context, p PasswordPolicy) error {
	_, err := c.call(ctx, http.MethodPut, "settings/security/password", nil, p)
	return err
}

// LoginSettings is the brute-force protection: after AttemptCount failures within
// CheckPeriod seconds a login is blocked for BlockTime seconds.
type LoginSettings struct {
	AttemptCount int `json:"attemptCount"`
	BlockTime    int `json:"blockTime"`
	CheckPeriod  int `json:"checkPeriod"`
}

// DefaultLoginSettings are a new portal's.
var DefaultLoginSettings = LoginSettings{AttemptCount: 5, BlockTime: 60, CheckPeriod: 60}

// LoginSettings reads the brute-force protection.
func (c *Client) LoginSettings(ctx context.Context) (*LoginSettings, error) {
	return readSetting[LoginSettings](ctx, c, "settings/security/loginsettings")
}

// SetLoginSettings replaces the brute-force protection; each value is 1 to 9999.
func (c *Client) SetLoginSettings(ctx context.Context, s LoginSettings) error {
	_, err := c.call(ctx, http.MethodPut, "settings/security/loginsettings", nil, s)
	return err
}

// ResetLoginSettings restores the defaults (a DELETE, unlike every other setting).
func (c *Client) ResetLoginSettings(ctx context.Context) error {
	_, err := c.call(ctx, http.MethodDelete, "settings/security/loginsettings", nil, nil)
	return err
}

// IPRestriction is one allowed address; ForAdmin ones admit DocSpace admins only.
type IPRestriction struct {
	IP       string `json:"ip"`
	ForAdmin bool   `json:"forAdmin"`
}

// IPRestrictions is the allow list and whether it is enforced.
type IPRestrictions struct {
	Entries []IPRestriction
	Enabled bool
}

// IPRestrictions reads the allow list and its switch (two calls).
func (c *Client) IPRestrictions(ctx context.Context) (*IPRestrictions, error) {
	var list []IPRestriction
	if _, err := c.callValue(ctx, http.MethodGet, "settings/iprestrictions", nil, nil, &list); err != nil {
		return nil, err
	}
	on, err := readSetting[struct {
		Enable bool `json:"enable"`
	}](ctx, c, "settings/iprestrictions/settings")
	if err != nil {
		return nil, err
	}
	if list == nil {
		list = []IPRestriction{}
	}
	return &IPRestrictions{Entries: list, Enabled: on.Enable}, nil
}

// SetIPRestrictions replaces the whole list (DocSpace gives every entry a new id) and
// the switch. Addresses must be single IPs: ranges and CIDR blocks are refused.
func (c *Client) SetIPRestrictions(ctx context.Context, s IPRestrictions) error {
	entries := s.Entries
	if entries == nil {
		entries = []IPRestriction{}
	}
	body := struct {
		IPRestrictions []IPRestriction `json:"ipRestrictions"`
		Enable         bool            `json:"enable"`
	}{entries, s.Enabled}
	_, err := c.call(ctx, http.MethodPut, "settings/iprestrictions", nil, body)
	return err
}

// TFASettings is two-factor authentication: Method "none" or "app" (SMS needs an SMS
// provider), and who must or need not use it.
type TFASettings struct {
	Method          string
	TrustedIPs      []string
	MandatoryUsers  []string
	MandatoryGroups []string
}

type wireTFA struct {
	ID              string   `json:"id"`
	Enabled         bool     `json:"enabled"`
	TrustedIPs      []string `json:"trustedIps"`
	MandatoryUsers  []string `json:"mandatoryUsers"`
	MandatoryGroups []string `json:"mandatoryGroups"`
}

// TFASettings reads which two-factor method is on.
func (c *Client) TFASettings(ctx context.Context) (*TFASettings, error) {
	var list []wireTFA
	if _, err := c.callValue(ctx, http.MethodGet, "settings/tfaapp", nil, nil, &list); err != nil {
		return nil, err
	}
	out := &TFASettings{Method: "none", TrustedIPs: []string{}, MandatoryUsers: []string{}, MandatoryGroups: []string{}}
	for _, m := range list {
		if m.Enabled {
			out.Method = m.ID
			out.TrustedIPs, out.MandatoryUsers, out.MandatoryGroups = nonNilStrings(m.TrustedIPs), nonNilStrings(m.MandatoryUsers), nonNilStrings(m.MandatoryGroups)
		}
	}
	return out, nil
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// SetTFASettings turns two-factor authentication on or off. Turning it on logs out every
// session of the portal (API keys keep working); never send it unchanged.
func (c *Client) SetTFASettings(ctx context.Context, s TFASettings) error {
	body := struct {
		Type            string   `json:"type"`
		TrustedIPs      []string `json:"trustedIps"`
		MandatoryUsers  []string `json:"mandatoryUsers"`
		MandatoryGroups []string `json:"mandatoryGroups"`
	}{map[string]string{"none": "None", "app": "App", "sms": "Sms"}[s.Method], s.TrustedIPs, s.MandatoryUsers, s.MandatoryGroups}
	var on bool
	if _, err := c.callValue(withoutReplay(ctx), http.MethodPut, "settings/tfaapp", nil, body, &on); err != nil {
		return err
	}
	if on != (s.Method != "none") {
		return &DecodeError{Method: http.MethodPut, Path: apiPrefix + "settings/tfaapp", Err: fmt.Errorf("the portal answered %v, so two-factor authentication is not %q", on, s.Method)}
	}
	return nil
}

// SessionLifetime is how long sign-ins last: LifeTime minutes when Enabled.
type SessionLifetime struct {
	LifeTime int  `json:"lifeTime"`
	Enabled  bool `json:"enabled"`
}

// DefaultSessionLifetime is a new portal's.
var DefaultSessionLifetime = SessionLifetime{LifeTime: 1440}

// SessionLifetime reads the session lifetime.
func (c *Client) SessionLifetime(ctx context.Context) (*SessionLifetime, error) {
	return readSetting[SessionLifetime](ctx, c, "settings/cookiesettings")
}

// SetSessionLifetime saves the session lifetime; enabled with a lifetime, it logs out
// every session of the portal (API keys keep working). DocSpace clamps above 9999.
func (c *Client) SetSessionLifetime(ctx context.Context, s SessionLifetime) error {
	_, err := c.call(withoutReplay(ctx), http.MethodPut, "settings/cookiesettings", nil, s)
	return err
}

// TrustedMailDomains is who may join by email: Type 0 nobody, 1 the Domains, 2 anyone.
// InviteAsUsers (join as a user, not a room admin) is never reported back.
type TrustedMailDomains struct {
	Type          int
	Domains       []string
	InviteAsUsers bool
}

// TrustedMailDomains reads the type and domains from the portal settings.
func (c *Client) TrustedMailDomains(ctx context.Context) (*TrustedMailDomains, error) {
	s, err := readSetting[struct {
		Type    int      `json:"trustedDomainsType"`
		Domains []string `json:"trustedDomains"`
	}](ctx, c, "settings")
	if err != nil {
		return nil, err
	}
	return &TrustedMailDomains{Type: s.Type, Domains: nonNilStrings(s.Domains)}, nil
}

// SetTrustedMailDomains saves them. With a type other than 1 DocSpace keeps the stored
// domains.
func (c *Client) SetTrustedMailDomains(ctx context.Context, s TrustedMailDomains) error {
	body := struct {
		Type                  int      `json:"type"`
		Domains               []string `json:"domains"`
		InviteUsersAsVisitors bool     `json:"inviteUsersAsVisitors"`
	}{s.Type, nonNilStrings(s.Domains), s.InviteAsUsers}
	_, err := c.call(ctx, http.MethodPost, "settings/maildomainsettings", nil, body)
	return err
}

// InvitationSettings says who may invite: members to the portal, guests to rooms.
type InvitationSettings struct {
	AllowInvitingMembers bool `json:"allowInvitingMembers"`
	AllowInvitingGuests  bool `json:"allowInvitingGuests"`
}

// InvitationSettings reads them.
func (c *Client) InvitationSettings(ctx context.Context) (*InvitationSettings, error) {
	return readSetting[InvitationSettings](ctx, c, "settings/invitationsettings")
}

// SetInvitationSettings replaces them (both values; one left out would be false).
func (c *Client) SetInvitationSettings(ctx context.Context, s InvitationSettings) error {
	_, err := c.call(ctx, http.MethodPut, "settings/invitationsettings", nil, s)
	return err
}

// AuditLifetime is how many days (1 to 180) login history and audit trail are kept.
type AuditLifetime struct {
	LoginHistory int `json:"loginHistoryLifeTime"`
	AuditTrail   int `json:"auditTrailLifeTime"`
}

// DefaultAuditLifetime is a new portal's.
var DefaultAuditLifetime = AuditLifetime{LoginHistory: 180, AuditTrail: 180}

// AuditLifetime reads the retention.
func (c *Client) AuditLifetime(ctx context.Context) (*AuditLifetime, error) {
	return readSetting[AuditLifetime](ctx, c, "security/audit/settings/lifetime")
}

// SetAuditLifetime saves it; DocSpace Cloud needs a plan with the audit trail (402).
func (c *Client) SetAuditLifetime(ctx context.Context, s AuditLifetime) error {
	body := struct {
		Settings AuditLifetime `json:"settings"`
	}{s}
	_, err := c.call(ctx, http.MethodPost, "security/audit/settings/lifetime", nil, body)
	return err
}

// readSetting reads one settings object; a missing response is a DecodeError.
func readSetting[T any](ctx context.Context, c *Client, endpoint string) (*T, error) {
	var v T
	ok, err := c.callValue(ctx, http.MethodGet, endpoint, nil, nil, &v)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, &DecodeError{Method: http.MethodGet, Path: apiPrefix + endpoint, Err: errors.New("the portal answered without the settings")}
	}
	return &v, nil
}
