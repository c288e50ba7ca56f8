package mockportal

import "net/http"

// Portal information: /api/2.0/portal (README.md, "Settings").

func (p *Portal) servePortalAPI(w http.ResponseWriter, r *http.Request, rest string) {
	p.serveAuthenticatedLocked(w, r, rest, p.routePortalLocked)
}

func (p *Portal) routePortalLocked(w http.ResponseWriter, r *http.Request, u *Person, sub string) {
	switch {
	case r.Method != http.MethodGet:
		notFoundPage(w)
	case sub == "":
		p.ok(w, r, p.tenantJSONLocked(u))
	case sub == "quota" && !u.isAdmin():
		forbidden(w, msgAccessDenied)
	case sub == "quota":
		p.ok(w, r, p.quotaJSON())
	case sub == "tariff":
		p.ok(w, r, p.tariffJSON(u))
	case sub == "payment/quota":
		p.ok(w, r, p.paymentQuotaJSONLocked())
	default:
		notFoundPage(w)
	}
}

// tenantJSONLocked is TenantDto: in full for admins; others learn only the tenant id.
func (p *Portal) tenantJSONLocked(u *Person) map[string]any {
	if !u.isAdmin() {
		return map[string]any{"tenantId": p.tenantID, "ownerId": zeroGUID, "creationDateTime": "0001-01-01T00:00:00", "calls": false}
	}
	return map[string]any{"tenantId": p.tenantID, "tenantAlias": "portal", "name": "Mock portal", "ownerId": p.userIDLocked(Owner),
		"language": "en-US", "timeZone": "Europe/Moscow", "status": p.tenantStatus, "version": 2,
		"creationDateTime": apiTime(p.created), "trustedDomainsType": p.settings.MailDomain.Type, "calls": false, "spam": false}
}

// quotaJSON is TenantQuota: the free "startup" plan unless Paid; self-hosted servers
// have every feature.
func (p *Portal) quotaJSON() map[string]any {
	paid := p.opts.Paid || p.opts.Standalone
	q := map[string]any{"tenantId": p.tenantID, "name": "startup", "free": !paid, "trial": false, "nonProfit": false,
		"maxTotalSize": int64(2147483648), "maxFileSize": int64(104857600), "countRoomAdmin": 3, "countRoom": 12, "countUser": -1,
		"audit": paid, "ldap": paid, "sso": paid, "restore": paid, "backup": true, "branding": paid, "customization": paid, "oauth": paid}
	if paid {
		q["name"], q["maxTotalSize"], q["countRoomAdmin"], q["countRoom"] = "admin", int64(1)<<40, 1000, -1
	}
	return q
}

// tariffJSON: state 1 paid, 0 trial... the mock knows paid (1) and the free plan's "paid"
// state too, as DocSpace reports an active free tariff.
func (p *Portal) tariffJSON(u *Person) map[string]any {
	out := map[string]any{"state": 1}
	if u.isAdmin() || u.Type == RoomAdmin {
		out["dueDate"] = "9999-12-31T23:59:59.0000000+03:00"
	}
	if u.isAdmin() {
		out["id"], out["openSource"], out["enterprise"] = 1, false, p.opts.Standalone
	}
	return out
}

// paymentQuotaJSONLocked is QuotaDto (GET portal/payment/quota): the plan's name and the
// room and user quota switches, which DocSpace reports nowhere else.
func (p *Portal) paymentQuotaJSONLocked() map[string]any {
	q := p.quotaJSON()
	return map[string]any{"id": q["tenantId"], "title": q["name"], "free": !p.opts.Paid, "nonProfit": false, "trial": false,
		"roomsQuota": entityQuotaJSON(p.quotas.Rooms), "usersQuota": entityQuotaJSON(p.quotas.Users)}
}
