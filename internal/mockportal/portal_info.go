package mockportal

import (
	"net/http"
	"strings"
)

// Portal information: /api/2.0/portal (README.md, "Settings").

func (p *Portal) servePortalAPI(w http.ResponseWriter, r *http.Request, rest string) {
	p.serveAuthenticatedLocked(w, r, rest, p.routePortalLocked)
}

func (p *Portal) routePortalLocked(w http.ResponseWriter, r *http.Request, u *Person, sub string) {
	if typeName, isLink := strings.CutPrefix(sub, "users/invitationlink"); isLink && (typeName == "" || strings.HasPrefix(typeName, "/")) {
		p.serveInvitationLinksLocked(w, r, u, strings.TrimPrefix(typeName, "/"))
		return
	}
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
	out := map[string]any{"tenantId": p.tenantID, "tenantAlias": p.alias, "name": p.portal.title(), "ownerId": p.userIDLocked(Owner),
		"language": p.portal.Language, "timeZone": p.portal.TimeZone, "status": p.reportedTenantStatusLocked(), "statusChangeDate": apiTime(p.created), "version": 2,
		"versionChanged": apiTime(p.created), "creationDateTime": apiTime(p.created), "lastModified": apiTime(p.settingsModified),
		"mappedDomain": "", "hostedRegion": "", "industry": 0, "trustedDomains": nonNil(p.settings.MailDomain.Domains),
		"trustedDomainsRaw": strings.Join(p.settings.MailDomain.Domains, "|"), "trustedDomainsType": p.settings.MailDomain.Type,
		"paymentId": "", "affiliateId": "", "campaign": "", "calls": false, "spam": false}
	if !p.opts.Standalone {
		out["region"] = "eu"
	}
	return out
}

// quotaJSON is TenantQuota: the free "startup" plan unless Paid; self-hosted servers
// have every feature.
func (p *Portal) quotaJSON() map[string]any {
	paid := p.opts.Paid || p.opts.Standalone
	q := map[string]any{"tenantId": p.tenantID, "name": "startup", "price": 0, "priceCurrencySymbol": "$", "priceISOCurrencySymbol": "USD",
		"productId": "", "serviceName": "", "serviceGroup": "", "visible": true, "wallet": false, "dueDate": nil,
		"features": "free,total_size:2147483648,manager:3,rooms:12", "free": !paid, "trial": false, "nonProfit": false, "update": false,
		"maxTotalSize": int64(2147483648), "maxFileSize": int64(104857600), "countRoomAdmin": 3, "countRoom": 12, "countUser": -1, "usersInRoom": -1,
		"audit": paid, "docsEdition": true, "ldap": paid, "sso": paid, "statistic": paid, "restore": paid, "backup": true, "branding": paid,
		"customization": paid, "lifetime": false, "automationApi": paid, "custom": paid, "oauth": paid, "contentSearch": paid,
		"thirdParty": true, "year": false, "aiTools": paid, "countFreeBackup": 2, "countAIAgent": 0}
	if paid {
		q["name"], q["maxTotalSize"], q["countRoomAdmin"], q["countRoom"] = "admin", int64(1)<<40, 1000, -1
		q["features"] = "audit,ldap,sso,restore,branding,customization,oauth,total_size:1099511627776,manager:1000"
	}
	return q
}

// tariffJSON: state 1 paid, 0 trial... the mock knows paid (1) and the free plan's "paid"
// state too, as DocSpace reports an active free tariff.
func (p *Portal) tariffJSON(u *Person) map[string]any {
	out := map[string]any{"state": 1}
	if u.isAdmin() || u.Type == RoomAdmin {
		out["dueDate"], out["delayDueDate"] = "9999-12-31T23:59:59.0000000+03:00", "9999-12-31T23:59:59.0000000+03:00"
	}
	if u.isAdmin() {
		out["id"], out["openSource"], out["enterprise"], out["developer"] = 1, false, p.opts.Standalone, false
		out["customerId"], out["licenseDate"] = "", "9999-12-31T23:59:59.0000000+03:00"
		out["quotas"] = []map[string]any{{"id": p.tenantID, "quantity": 1, "wallet": false, "dueDate": "9999-12-31T23:59:59.0000000+03:00", "nextQuantity": nil, "state": 1}}
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
