package mockportal

import (
	"net/http"
)

// The portal's branding (white label): /api/2.0/settings/whitelabel/logotext and
// settings/enablewhitelabel (README.md, "Settings"). Reading needs the portal-settings
// right only; saving also needs white labelling, which a self-hosted server always has and
// DocSpace Cloud only on a plan with it (402 otherwise). Restoring the default never
// checks the plan.

// defaultLogoText is the logo text of a portal that never set its own.
const defaultLogoText = "ONLYOFFICE"

// LogoText reports the portal's logo text ("" for DocSpace's default).
func (p *Portal) LogoText() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.logoText
}

// SetLogoText changes it out of band, as in the UI.
func (p *Portal) SetLogoText(text string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.logoText = text
}

// whiteLabelPlan says whether the portal may change its branding.
func (p *Portal) whiteLabelPlan() bool { return p.opts.Paid || p.opts.Standalone }

// routeBrandingLocked serves the branding calls of admins; ok is false for other paths.
func (p *Portal) routeBrandingLocked(w http.ResponseWriter, r *http.Request, u *Person, sub string) (ok bool) {
	switch m := r.Method; {
	case sub == "enablewhitelabel" && m == http.MethodGet:
		p.ok(w, r, p.whiteLabelPlan())
	case sub == "whitelabel/logotext" && m == http.MethodGet:
		p.ok(w, r, p.logoTextLocked())
	case sub == "whitelabel/logotext/save" && m == http.MethodPost:
		p.saveLogoTextLocked(w, r, u)
	case sub == "whitelabel/logotext/restore" && m == http.MethodPut:
		p.logoText = ""
		p.savedLocked(u, actionWhiteLabel, "White label settings restored")
		p.ok(w, r, true)
	default:
		return false
	}
	return true
}

func (p *Portal) logoTextLocked() string {
	if p.logoText == "" {
		return defaultLogoText
	}
	return p.logoText
}

// saveLogoTextLocked is POST whitelabel/logotext/save {logoText}: stored as sent (an empty
// or missing text means the default again).
func (p *Portal) saveLogoTextLocked(w http.ResponseWriter, r *http.Request, u *Person) {
	var b struct {
		LogoText string `json:"logoText"`
	}
	if !p.bindBody(w, r, &b) {
		return
	}
	if !p.whiteLabelPlan() {
		fail(w, http.StatusPaymentRequired, msgPlanDoesNotSupport, "ASC.Core.Billing.BillingException")
		return
	}
	p.logoText = b.LogoText
	p.savedLocked(u, actionWhiteLabel, "White label settings updated")
	p.ok(w, r, true)
}
