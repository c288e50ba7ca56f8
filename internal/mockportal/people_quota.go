package mockportal

import (
	"net/http"
	"strings"
)

// Per-account storage quotas: PUT people/userquota and people/resetquota (README.md,
// "People and groups"). As with rooms, DocSpace stores an account's quota whether or not
// user quotas are on, and reports it only while they are.

type userQuotaBody struct {
	UserIDs []string `json:"userIds"`
	Quota   *int64   `json:"quota"`
}

// setUserQuotaLocked is PUT people/userquota {userIds, quota} (admins): a quota above the
// portal's own is 402; answers the accounts.
func (p *Portal) setUserQuotaLocked(w http.ResponseWriter, r *http.Request, caller *Person, reset bool) {
	var b userQuotaBody
	if !p.bindBody(w, r, &b) {
		return
	}
	switch {
	case !caller.isAdmin():
		forbidden(w, msgAccessDenied)
		return
	case !reset && b.Quota == nil:
		badArgument(w, "The quota cannot be greater than the portal quota")
		return
	case !reset && *b.Quota > p.portalQuota():
		fail(w, http.StatusPaymentRequired, "Failed to set quota per user. The entered value is greater than the total DocSpace storage", "ASC.Core.Tenants.TenantQuotaException")
		return
	}
	out := []map[string]any{}
	for _, id := range b.UserIDs {
		u := p.users[strings.ToLower(id)]
		if u == nil {
			continue
		}
		if reset {
			u.Quota = quotaDefault
		} else {
			u.Quota = max(*b.Quota, quotaDefault)
		}
		out = append(out, p.employeeFullLocked(u, caller))
	}
	p.ok(w, r, out)
}
