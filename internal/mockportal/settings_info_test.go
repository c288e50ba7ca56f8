package mockportal_test

import (
	"strings"
	"testing"
	"time"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

// Every field the contract lists for portal information, quota, tariff and the
// anonymous settings is there.
func TestPortal_InformationHasEveryField(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	owner := asRole(t, srv, mockportal.Owner)
	for path, fields := range map[string][]string{
		"portal": {"tenantId", "tenantAlias", "name", "ownerId", "language", "timeZone", "status", "statusChangeDate", "creationDateTime",
			"lastModified", "version", "versionChanged", "mappedDomain", "hostedRegion", "region", "industry", "trustedDomains",
			"trustedDomainsRaw", "trustedDomainsType", "paymentId", "affiliateId", "campaign", "calls", "spam"},
		"portal/quota": {"tenantId", "name", "price", "priceCurrencySymbol", "priceISOCurrencySymbol", "productId", "serviceName",
			"serviceGroup", "visible", "wallet", "dueDate", "features", "maxFileSize", "maxTotalSize", "countUser", "countRoomAdmin",
			"usersInRoom", "countRoom", "nonProfit", "trial", "free", "update", "audit", "docsEdition", "ldap", "sso", "statistic",
			"branding", "customization", "lifetime", "automationApi", "custom", "restore", "oauth", "contentSearch", "thirdParty",
			"year", "backup", "aiTools", "countFreeBackup", "countAIAgent"},
		"portal/tariff": {"state", "dueDate", "delayDueDate", "id", "openSource", "enterprise", "developer", "customerId", "licenseDate", "quotas"},
		"settings":      {"version", "tenantAlias", "tenantStatus", "standalone", "baseDomain", "culture", "cookieSettingsEnabled", "ownerId", "timezone", "trustedDomains", "trustedDomainsType"},
	} {
		a := owner.api("GET", path, "")
		for _, f := range fields {
			if _, ok := response(a)[f]; !ok {
				t.Errorf("GET %s has no %s", path, f)
			}
		}
	}
	anon := call(t, "GET", srv.URL+"/api/2.0/settings", nil)
	if _, leaks := response(anon)["ownerId"]; anon.status != 200 || leaks || response(anon)["baseDomain"] == nil {
		t.Errorf("anonymous settings: %d %s", anon.status, anon.raw)
	}
	if a := call(t, "GET", srv.URL+"/api/2.0/settings/version/build", nil); a.status != 200 || response(a)["docSpace"] == nil {
		t.Errorf("version/build: %d %s", a.status, a.raw)
	}
}

func TestAudit_ReportPlanGateAndTypes(t *testing.T) {
	for _, paid := range []bool{false, true} {
		srv := mockportal.StartTest(t, mockportal.Options{Paid: paid})
		owner := asRole(t, srv, mockportal.Owner)
		for _, path := range []string{"security/audit/events/report", "security/audit/login/report"} {
			a := owner.api("POST", path, "")
			report, _ := a.body["response"].(string)
			if paid && (a.status != 200 || !strings.Contains(report, ".csv")) || !paid && a.status != 402 {
				t.Errorf("paid %v, POST %s: %d %s", paid, path, a.status, a.raw)
			}
		}
		if a := asRole(t, srv, mockportal.RoomAdmin).api("POST", "security/audit/events/report", ""); a.status != 403 {
			t.Errorf("room admin report: %d", a.status)
		}
	}
	srv := mockportal.StartTest(t, mockportal.Options{})
	types := response(asRole(t, srv, mockportal.Owner).api("GET", "security/audit/types", ""))
	for _, key := range []string{"actions", "actionTypes", "productTypes", "moduleTypes", "entryTypes"} {
		if list, _ := types[key].([]any); len(list) == 0 {
			t.Errorf("audit types: no %s", key)
		}
	}
	if a := asRole(t, srv, mockportal.User).api("GET", "security/audit/mappers", ""); a.status != 403 {
		t.Errorf("mappers for a user: %d", a.status)
	}
}

func TestIPRestrictions_TimestampAndSwitchingOff(t *testing.T) {
	clock := &testClock{now: time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)}
	srv := mockportal.StartTest(t, mockportal.Options{Now: clock.Now})
	owner := asRole(t, srv, mockportal.Owner)
	modified := func() string {
		return response(owner.api("GET", "settings/iprestrictions/settings", ""))["lastModified"].(string)
	}
	owner.api("PUT", "settings/iprestrictions", `{"ipRestrictions":[{"ip":"192.0.2.7","forAdmin":false}],"enable":true}`)
	saved := modified()
	clock.advance(time.Hour)
	if got := modified(); got != saved || !strings.HasPrefix(saved, "2026-05-01T12:00:00") {
		t.Errorf("lastModified is when they were saved: %s, then %s", saved, got)
	}
	a := owner.api("PUT", "settings/iprestrictions/settings", `{"ipRestrictions":[{"ip":"192.0.2.7","forAdmin":false}],"enable":false}`)
	if a.status != 200 || response(a)["enable"] != false || srv.Settings().IP.Enable || len(srv.Settings().IP.Entries) != 1 {
		t.Errorf("switching off keeps the list: %d %s %+v", a.status, a.raw, srv.Settings().IP)
	}
	owner.api("PUT", "settings/iprestrictions", `{"ipRestrictions":[],"enable":false}`)
	clock.advance(time.Minute)
	if got := modified(); !strings.HasPrefix(got, "2026-05-01T13:01:00") {
		t.Errorf("with the defaults, lastModified is when they were loaded: %s", got)
	}
}
