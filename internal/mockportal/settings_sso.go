package mockportal

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// SAML single sign-on: /api/2.0/settings/ssov2 (README.md, "SSO"). The settings travel as
// a JSON text inside {"serializeSettings": "…"} and replace the stored ones whole. On
// DocSpace Cloud the plan must include SSO (Paid), else 402; a self-hosted server always
// has it. The SP private key is returned in clear, as DocSpace does.

// SSOSettings is DocSpace's SsoSettingsV2 object.
type SSOSettings struct {
	LastModified string `json:"lastModified"`
	EnableSSO    *bool  `json:"enableSso"`
	IdPSettings  *struct {
		EntityID     string `json:"entityId"`
		SSOURL       string `json:"ssoUrl"`
		SSOBinding   string `json:"ssoBinding"`
		SLOURL       string `json:"sloUrl"`
		SLOBinding   string `json:"sloBinding"`
		NameIDFormat string `json:"nameIdFormat"`
	} `json:"idpSettings"`
	IdPCertificates        []SSOCertificate `json:"idpCertificates"`
	IdPCertificateAdvanced map[string]any   `json:"idpCertificateAdvanced"`
	SPLoginLabel           string           `json:"spLoginLabel"`
	SPCertificates         []SSOCertificate `json:"spCertificates"`
	SPCertificateAdvanced  map[string]any   `json:"spCertificateAdvanced"`
	FieldMapping           *struct {
		FirstName string `json:"firstName"`
		LastName  string `json:"lastName"`
		Email     string `json:"email"`
		Title     string `json:"title"`
		Location  string `json:"location"`
		Phone     string `json:"phone"`
	} `json:"fieldMapping"`
	HideAuthPage             bool `json:"hideAuthPage"`
	UsersType                int  `json:"usersType"`
	DisableEmailVerification bool `json:"disableEmailVerification"`
}

// SSOCertificate is one certificate of either list; Key is the SP's private key.
type SSOCertificate struct {
	SelfSigned bool   `json:"selfSigned"`
	Crt        string `json:"crt"`
	Key        string `json:"key"`
	Action     string `json:"action"`
	DomainName string `json:"domainName"`
}

const (
	samlPost           = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"
	defaultSSOLabel    = "Single Sign-on"
	rsaSHA1            = "http://www.w3.org/2000/09/xmldsig#rsa-sha1"
	aes128             = "http://www.w3.org/2001/04/xmlenc#aes128-cbc"
	maxSSOLabel        = 100
	ssoUsersTypeUser   = 4
	ssoTransientNameID = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient"
)

// defaultSSOJSON is the default object DocSpace returns before any save and after a reset.
func defaultSSOJSON() string {
	return `{"lastModified":"0001-01-01T00:00:00","enableSso":false,
"idpSettings":{"entityId":"","ssoUrl":"","ssoBinding":"` + samlPost + `","sloUrl":"","sloBinding":"` + samlPost + `","nameIdFormat":"` + ssoTransientNameID + `"},
"idpCertificates":[],"idpCertificateAdvanced":{"verifyAlgorithm":"` + rsaSHA1 + `","verifyAuthResponsesSign":false,"verifyLogoutRequestsSign":false,"verifyLogoutResponsesSign":false,"decryptAlgorithm":"` + aes128 + `","decryptAssertions":false},
"spLoginLabel":"` + defaultSSOLabel + `","spCertificates":[],"spCertificateAdvanced":{"signingAlgorithm":"` + rsaSHA1 + `","signAuthRequests":false,"signLogoutRequests":false,"signLogoutResponses":false,"encryptAlgorithm":"` + aes128 + `","decryptAlgorithm":"` + aes128 + `","encryptAssertions":false},
"fieldMapping":{"firstName":"givenName","lastName":"sn","email":"mail","title":"title","location":"l","phone":"mobile"},
"hideAuthPage":false,"usersType":4,"disableEmailVerification":false}`
}

// ssoState is the SSO area's store: the saved settings as JSON ("" for the default).
type ssoState struct {
	sso string
}

// SSO reports the stored settings (the default when none are saved).
func (p *Portal) SSO() SSOSettings {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.ssoLocked()
}

// SetSSO stores settings out of band, as the UI would.
func (p *Portal) SetSSO(s SSOSettings) {
	p.mu.Lock()
	defer p.mu.Unlock()
	b, _ := json.Marshal(s)
	p.sso = string(b)
}

func (p *Portal) ssoLocked() SSOSettings {
	raw := p.sso
	if raw == "" {
		raw = defaultSSOJSON()
	}
	var s SSOSettings
	_ = json.Unmarshal([]byte(raw), &s)
	return s
}

// signInPlan says whether the portal may use SSO and LDAP (a paid plan on SaaS).
func (p *Portal) signInPlan() bool { return p.opts.Paid || p.opts.Standalone }

// routeSSOLocked serves settings/ssov2…; ok is false for other paths. u is nil for
// anonymous callers, who may only read.
func (p *Portal) routeSSOLocked(w http.ResponseWriter, r *http.Request, u *Person, sub string) (ok bool) {
	if sub != "ssov2" && sub != "ssov2/default" && sub != "ssov2/constants" {
		return false
	}
	switch {
	case u == nil && sub == "ssov2" && r.Method == http.MethodGet:
		s := p.ssoLocked()
		p.ok(w, r, map[string]any{"hideAuthPage": s.HideAuthPage && p.signInPlan(), "usersType": 0, "disableEmailVerification": false, "lastModified": "0001-01-01T00:00:00"})
	case u == nil:
		unauthorized(w)
	case sub == "ssov2/constants" && r.Method == http.MethodGet:
		p.ok(w, r, map[string]any{"ssoNameIdFormatType": map[string]any{}, "ssoBindingType": map[string]any{}, "ssoSigningAlgorithmType": map[string]any{},
			"ssoEncryptAlgorithmType": map[string]any{}, "ssoSpCertificateActionType": map[string]any{}, "ssoIdpCertificateActionType": map[string]any{}})
	case !u.isAdmin():
		forbidden(w, msgAccessDenied)
	case !p.signInPlan():
		fail(w, http.StatusPaymentRequired, msgPlanDoesNotSupport, "ASC.Core.Billing.BillingException")
	case sub == "ssov2/default" && r.Method == http.MethodGet:
		p.ok(w, r, json.RawMessage(defaultSSOJSON()))
	case sub == "ssov2" && r.Method == http.MethodGet:
		s := p.ssoLocked()
		if p.sso == "" {
			s.LastModified = apiTime(p.opts.Now())
		}
		p.ok(w, r, s)
	case sub == "ssov2" && r.Method == http.MethodDelete:
		p.sso = ""
		p.savedLocked(u, actionSSODisabled, "SSO disabled")
		p.ok(w, r, json.RawMessage(defaultSSOJSON()))
	case sub == "ssov2" && r.Method == http.MethodPost:
		p.postSSOLocked(w, r, u)
	default:
		notFoundPage(w)
	}
	return true
}

// postSSOLocked checks and normalises the settings as DocSpace does (its refusals are
// 500s with the exception's text), then stores them whole and echoes them.
func (p *Portal) postSSOLocked(w http.ResponseWriter, r *http.Request, u *Person) {
	var body struct {
		SerializeSettings *string `json:"serializeSettings"`
	}
	raw, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err := json.Unmarshal(raw, &body); err != nil || body.SerializeSettings == nil {
		p.invalid(w, r, "$", "JSON deserialization for type 'SsoSettingsRequestsDto' was missing required properties, including the following: serializeSettings")
		return
	}
	text := strings.TrimSpace(*body.SerializeSettings)
	if text == "" || text == "null" {
		fail(w, http.StatusBadRequest, "Settings could not be null", "System.ArgumentException")
		return
	}
	var s SSOSettings
	if err := json.Unmarshal([]byte(text), &s); err != nil {
		fail(w, http.StatusInternalServerError, err.Error(), "System.Text.Json.JsonException")
		return
	}
	if msg := ssoRefusal(s); msg != "" {
		fail(w, http.StatusInternalServerError, msg, "System.Exception")
		return
	}
	if s.UsersType != 1 && s.UsersType != 3 {
		s.UsersType = ssoUsersTypeUser
	}
	if s.SPLoginLabel == "" {
		s.SPLoginLabel = defaultSSOLabel
	}
	if r := []rune(s.SPLoginLabel); len(r) > maxSSOLabel {
		s.SPLoginLabel = string(r[:maxSSOLabel])
	}
	echo := s
	s.LastModified = apiTime(p.opts.Now())
	stored, _ := json.Marshal(s)
	p.sso = string(stored)
	action := actionSSODisabled
	if s.EnableSSO != nil && *s.EnableSSO {
		action = actionSSOEnabled
	}
	p.savedLocked(u, action, "SSO settings saved")
	p.ok(w, r, echo)
}

// ssoRefusal is DocSpace's check of the settings before storing them; "" when they pass.
func ssoRefusal(s SSOSettings) string {
	absolute := func(raw string) bool {
		u, err := url.Parse(raw)
		return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
	}
	switch idp, fm := s.IdPSettings, s.FieldMapping; {
	case idp == nil || fm == nil:
		return "Object reference not set to an instance of an object."
	case strings.TrimSpace(idp.EntityID) == "":
		return "Invalid entityID"
	case !absolute(idp.SSOURL):
		return "Invalid binding: SSO " + idp.SSOBinding
	case strings.TrimSpace(idp.SLOURL) != "" && !absolute(idp.SLOURL):
		return "Invalid binding: SLO " + idp.SLOBinding
	case strings.TrimSpace(fm.FirstName) == "" || strings.TrimSpace(fm.LastName) == "" || strings.TrimSpace(fm.Email) == "":
		return "Invalid fields mapping"
	}
	return ""
}
