package mockportal_test

import (
	"fmt"
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestPeople_UserQuota(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{PortalQuota: 10 << 30})
	owner := asRole(t, srv, mockportal.Owner)
	user := srv.UserID(mockportal.User)
	a := owner.api("PUT", "people/userquota", fmt.Sprintf(`{"userIds":[%q],"quota":1073741824}`, user))
	if a.status != 200 || listLen(a) != 1 {
		t.Fatalf("set: %d %s", a.status, a.raw)
	}
	if _, has := response0(a)["quotaLimit"]; has {
		t.Error("user quotas are off: the quota is stored but not reported")
	}
	srv.SetQuotaSettings(mockportal.QuotaSettings{Users: mockportal.EntityQuota{Enabled: true, Default: 5 << 20}})
	got := response(owner.api("GET", "people/"+user, ""))
	if got["quotaLimit"] != float64(1<<30) || got["isCustomQuota"] != true {
		t.Errorf("read back: %v %v", got["quotaLimit"], got["isCustomQuota"])
	}
	owner.api("PUT", "people/resetquota", fmt.Sprintf(`{"userIds":[%q]}`, user))
	got = response(owner.api("GET", "people/"+user, ""))
	if got["quotaLimit"] != float64(5<<20) || got["isCustomQuota"] != false {
		t.Errorf("after the reset, the default: %v %v", got["quotaLimit"], got["isCustomQuota"])
	}
	if a := owner.api("PUT", "people/userquota", fmt.Sprintf(`{"userIds":[%q],"quota":%d}`, user, int64(20<<30))); a.status != 402 {
		t.Errorf("above the portal quota: %d", a.status)
	}
	if a := asRole(t, srv, mockportal.RoomAdmin).api("PUT", "people/userquota", fmt.Sprintf(`{"userIds":[%q],"quota":1}`, user)); a.status != 403 {
		t.Errorf("room admin: %d", a.status)
	}
	if _, has := response(asRole(t, srv, mockportal.User).api("GET", "people/"+srv.UserID(mockportal.RoomAdmin), ""))["quotaLimit"]; has {
		t.Error("a user sees someone else's quota")
	}
}
