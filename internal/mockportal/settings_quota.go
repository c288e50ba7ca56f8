package mockportal

import (
	"net/http"
)

// Quota settings: the portal's switches for room and user storage quotas (README.md,
// "Quota settings"). Both are off on a new portal. While room quotas are off, DocSpace
// stores a room's quota but does not report it (no quotaLimit, no isCustomQuota).

// EntityQuota is one of the portal's quota switches with its default quota in bytes.
type EntityQuota struct {
	Enabled bool
	Default int64
}

// QuotaSettings are the room and user quota switches.
type QuotaSettings struct {
	Rooms EntityQuota
	Users EntityQuota
}

// QuotaSettings reports the portal's quota switches.
func (p *Portal) QuotaSettings() QuotaSettings {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.quotas
}

// SetQuotaSettings changes the quota switches, as an administrator would in the UI.
func (p *Portal) SetQuotaSettings(q QuotaSettings) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.quotas = q
}

type quotaSettingsBody struct {
	EnableQuota  *bool  `json:"enableQuota"`
	DefaultQuota *int64 `json:"defaultQuota"`
}

// postQuotaSettingsLocked is POST settings/roomquotasettings and userquotasettings: a
// default above the portal's own quota is refused; a negative one is stored as 0.
func (p *Portal) postQuotaSettingsLocked(w http.ResponseWriter, r *http.Request, u *Person, target *EntityQuota, action int, what string) {
	var b quotaSettingsBody
	if !p.bindBody(w, r, &b) {
		return
	}
	if b.DefaultQuota != nil && *b.DefaultQuota > p.portalQuota() {
		badArgument(w, "The quota cannot be greater than the portal quota")
		return
	}
	target.Enabled = b.EnableQuota != nil && *b.EnableQuota
	target.Default = 0
	if b.DefaultQuota != nil && *b.DefaultQuota > 0 {
		target.Default = *b.DefaultQuota
	}
	p.savedLocked(u, action, what)
	p.ok(w, r, entityQuotaJSON(*target))
}

func entityQuotaJSON(q EntityQuota) map[string]any {
	return map[string]any{"enableQuota": q.Enabled, "defaultQuota": q.Default, "lastRecalculateDate": nil}
}

// quotaLimit is what a room or an account reports as quotaLimit: its own quota, or the
// portal's default (-1, none, while the default is 0).
func quotaLimit(own int64, def EntityQuota) int64 {
	if own > quotaDefault {
		return own
	}
	if def.Default > 0 {
		return def.Default
	}
	return -1
}
