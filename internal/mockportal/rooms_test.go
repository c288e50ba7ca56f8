package mockportal_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

// roleCaller calls the API as one role.
type roleCaller struct {
	t   *testing.T
	srv *mockportal.Server
	key func(*http.Request)
}

func asRole(t *testing.T, srv *mockportal.Server, role mockportal.Role) roleCaller {
	return roleCaller{t: t, srv: srv, key: rawKey(srv.Key(role))}
}

func (c roleCaller) do(method, path, body string) answer {
	c.t.Helper()
	return callBody(c.t, method, c.srv.URL+"/api/2.0/files/"+path, c.key, body)
}

// api calls any endpoint below /api/2.0/.
func (c roleCaller) api(method, path, body string) answer {
	c.t.Helper()
	return callBody(c.t, method, c.srv.URL+"/api/2.0/"+path, c.key, body)
}

func (c roleCaller) create(body string) int {
	c.t.Helper()
	a := c.do("POST", "rooms", body)
	if a.status != 200 {
		c.t.Fatalf("create %s: %d %s", body, a.status, a.raw)
	}
	return int(a.body["response"].(map[string]any)["id"].(float64))
}

func response(a answer) map[string]any {
	m, _ := a.body["response"].(map[string]any)
	return m
}

func TestRooms_CreateReadsBackWithTheServersShapes(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	admin := asRole(t, srv, mockportal.RoomAdmin)
	a := admin.do("POST", "rooms", `{"title":"  Q3: plan / budget ","roomType":5,"tags":["b","a","b"],"quota":1048576,"extra":1}`)
	room := response(a)
	if a.status != 200 || room["title"] != "Q3_ plan _ budget" || room["roomType"] != float64(5) || room["rootFolderType"] != float64(14) {
		t.Fatalf("create: %d %s", a.status, a.raw)
	}
	if tags := fmt.Sprint(room["tags"]); tags != "[b a]" {
		t.Errorf("tags %s: duplicates must collapse", tags)
	}
	if _, has := room["quotaLimit"]; has {
		t.Error("the create answer carries quotaLimit; DocSpace leaves it out")
	}
	if color := room["logo"].(map[string]any)["color"].(string); len(color) != 6 {
		t.Errorf("no random colour: %q", color)
	}
	if room["ownedBy"].(map[string]any)["id"] != srv.UserID(mockportal.RoomAdmin) {
		t.Errorf("owner %v", room["ownedBy"])
	}
	if _, has := room["lifetime"]; has {
		t.Error("a null field is written out")
	}
	// Room quotas are off on a new portal: the quota is stored but not reported.
	got := response(admin.do("GET", fmt.Sprintf("rooms/%v", room["id"]), ""))
	if _, has := got["quotaLimit"]; has || got["usedSpace"] == nil {
		t.Errorf("room quotas off: quotaLimit %v, usedSpace %v", got["quotaLimit"], got["usedSpace"])
	}
	srv.SetQuotaSettings(mockportal.QuotaSettings{Rooms: mockportal.EntityQuota{Enabled: true}})
	got = response(admin.do("GET", fmt.Sprintf("rooms/%v", room["id"]), ""))
	if got["quotaLimit"] != float64(1048576) || got["isCustomQuota"] != true {
		t.Errorf("read back: %v %v", got["quotaLimit"], got["isCustomQuota"])
	}
}

// The room quota switch: the portal default applies to rooms without a quota of their own.
func TestRooms_QuotaSettings(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{PortalQuota: 10 << 30})
	owner := asRole(t, srv, mockportal.Owner)
	id := owner.create(`{"title":"Plain","roomType":5}`)
	if a := owner.api("POST", "settings/roomquotasettings", `{"enableQuota":true,"defaultQuota":1073741824}`); a.status != 200 || response(a)["enableQuota"] != true {
		t.Fatalf("switch on: %d %s", a.status, a.raw)
	}
	got := response(owner.do("GET", fmt.Sprint("rooms/", id), ""))
	if got["quotaLimit"] != float64(1<<30) || got["isCustomQuota"] != false {
		t.Errorf("the default applies: %v %v", got["quotaLimit"], got["isCustomQuota"])
	}
	if a := owner.api("POST", "settings/roomquotasettings", `{"enableQuota":true,"defaultQuota":21474836480}`); a.status != 400 {
		t.Errorf("a default above the portal quota: %d", a.status)
	}
	if a := asRole(t, srv, mockportal.RoomAdmin).api("POST", "settings/userquotasettings", `{"enableQuota":true}`); a.status != 403 {
		t.Errorf("room admin: %d", a.status)
	}
	owner.api("POST", "settings/userquotasettings", `{"enableQuota":true,"defaultQuota":-5}`)
	q := owner.api("GET", "portal/payment/quota", "")
	rooms, users := response(q)["roomsQuota"].(map[string]any), response(q)["usersQuota"].(map[string]any)
	if rooms["enableQuota"] != true || rooms["defaultQuota"] != float64(1<<30) || users["enableQuota"] != true || users["defaultQuota"] != float64(0) {
		t.Errorf("payment/quota: %s", q.raw)
	}
	if a := owner.api("GET", "settings/userquotasettings", ""); response(a)["enableQuota"] != true {
		t.Errorf("user quota settings: %s", a.raw)
	}
}

func TestRooms_CreateRefusals(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{MaxRooms: 1})
	owner := asRole(t, srv, mockportal.Owner)
	cases := []struct {
		name, body string
		role       mockportal.Role
		status     int
		envelope   string // "error" or "validation"
		text       string
	}{
		{"user", `{"title":"x","roomType":5}`, mockportal.User, 403, "error", "You don't have enough permission to create"},
		{"guest", `{"title":"x","roomType":5}`, mockportal.Guest, 403, "error", "You don't have enough permission to create"},
		{"no type", `{"title":"x"}`, mockportal.Owner, 400, "validation", "RoomType"},
		{"unknown type", `{"title":"x","roomType":3}`, mockportal.Owner, 400, "validation", "RoomType"},
		{"empty title", `{"title":"   ","roomType":5}`, mockportal.Owner, 400, "error", "empty string"},
		{"long title", `{"title":"` + strings.Repeat("t", 171) + `","roomType":5}`, mockportal.Owner, 400, "validation", "maximum length of 170"},
		{"long colour", `{"title":"x","roomType":5,"color":"#FF5733"}`, mockportal.Owner, 400, "validation", "Color"},
		{"wrong type", `{"title":123,"roomType":5}`, mockportal.Owner, 400, "validation", "title"},
		{"quota above portal", `{"title":"x","roomType":5,"quota":999999999999999}`, mockportal.Owner, 403, "error", "portal quota"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := asRole(t, srv, tc.role).do("POST", "rooms", tc.body)
			if a.status != tc.status || a.body["statusCode"] != float64(tc.status) || a.body["status"] != float64(1) {
				t.Fatalf("%d %s", a.status, a.raw)
			}
			if tc.envelope == "validation" && (response(a) == nil || !strings.Contains(fmt.Sprint(response(a)["errors"]), tc.text)) {
				t.Errorf("want a validation problem in the success envelope naming %q: %s", tc.text, a.raw)
			}
			if tc.envelope == "error" && !strings.Contains(errMessage(a), tc.text) {
				t.Errorf("message %q, want %q", errMessage(a), tc.text)
			}
		})
	}
	owner.create(`{"title":"one","roomType":5}`)
	if a := owner.do("POST", "rooms", `{"title":"two","roomType":5}`); a.status != 402 {
		t.Errorf("room limit: %d %s", a.status, a.raw)
	}
}

func TestRooms_UnknownIDsAnswer403Or404ByEndpoint(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	owner := asRole(t, srv, mockportal.Owner)
	for _, tc := range []struct {
		method, path string
		status       int
	}{
		{"GET", "rooms/4242", 404}, {"PUT", "rooms/4242", 403}, {"DELETE", "rooms/4242", 404},
		{"PUT", "rooms/4242/archive", 404}, {"GET", "rooms/4242/share", 404}, {"PUT", "rooms/4242/share", 404},
		{"GET", "rooms/abc", 404},
	} {
		if a := owner.do(tc.method, tc.path, `{"title":"x"}`); a.status != tc.status {
			t.Errorf("%s %s: %d, want %d", tc.method, tc.path, a.status, tc.status)
		}
	}
	if a := owner.do("PUT", "rooms/4242", `{"title":"x"}`); errMessage(a) != "The required folder was not found" {
		t.Errorf("update of an unknown room: %s", a.raw)
	}
}

func TestRooms_UpdateIsAPatchAndTagsReplace(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{RoomQuotas: true})
	owner := asRole(t, srv, mockportal.Owner)
	id := owner.create(`{"title":"Team","roomType":2,"tags":["a","b"],"color":"a1b2c3"}`)
	a := owner.do("PUT", fmt.Sprint("rooms/", id), `{"title":"  ","tags":["c"],"quota":-1}`)
	room := response(a)
	if a.status != 200 || room["title"] != "Team" || fmt.Sprint(room["tags"]) != "[c]" || room["quotaLimit"] != float64(-1) {
		t.Fatalf("update: %d %s", a.status, a.raw)
	}
	if color := room["logo"].(map[string]any)["color"]; color != "A1B2C3" {
		t.Errorf("colour changed by an update that did not send it: %v", color)
	}
	if a := owner.do("PUT", fmt.Sprint("rooms/", id), `{"quota":-2}`); response(a)["isCustomQuota"] != false {
		t.Errorf("quota -2 resets to the portal default: %s", a.raw)
	}
}

func TestRooms_AdminsSeeAllButCannotEditOthersRooms(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	roomAdmin := asRole(t, srv, mockportal.RoomAdmin)
	id := roomAdmin.create(`{"title":"Theirs","roomType":5}`)
	admin := asRole(t, srv, mockportal.DocSpaceAdmin)
	if a := admin.do("GET", fmt.Sprint("rooms/", id), ""); a.status != 200 {
		t.Errorf("admin read: %d", a.status)
	}
	list := response(admin.do("GET", "rooms", ""))
	if list["total"] != float64(1) {
		t.Errorf("admin list: %v", list)
	}
	if a := admin.do("PUT", fmt.Sprint("rooms/", id), `{"title":"Mine now"}`); a.status != 403 || errMessage(a) != "You don't have permission to edit the room" {
		t.Errorf("admin update of someone else's room: %d %s", a.status, a.raw)
	}
	if a := admin.do("DELETE", fmt.Sprint("rooms/", id), `{}`); a.status != 403 || errMessage(a) != "Access denied" {
		t.Errorf("admin delete of someone else's active room: %d %s", a.status, a.raw)
	}
	user := asRole(t, srv, mockportal.User)
	if a := user.do("GET", fmt.Sprint("rooms/", id), ""); a.status != 403 || !strings.Contains(errMessage(a), "view the folder content") {
		t.Errorf("non-member read: %d %s", a.status, a.raw)
	}
	if list := response(user.do("GET", "rooms", "")); list["total"] != float64(0) {
		t.Errorf("a user sees rooms they are not in: %v", list)
	}
}

func TestRooms_ListFiltersAndPages(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{Rooms: 5})
	owner := asRole(t, srv, mockportal.Owner)
	owner.create(`{"title":"Public face","roomType":6}`)
	check := func(query string, wantTotal, wantPage int) {
		t.Helper()
		a := owner.do("GET", "rooms?"+query, "")
		list := response(a)
		if a.status != 200 || list["total"] != float64(wantTotal) || len(list["folders"].([]any)) != wantPage {
			t.Errorf("%s: %d total %v page %d, want %d/%d", query, a.status, list["total"], len(list["folders"].([]any)), wantTotal, wantPage)
		}
	}
	check("", 6, 6)
	check("type=6", 1, 1)
	check("type=5&type=6", 6, 6)
	check("filterValue=ROOM%203", 1, 1)
	check("count=2&startIndex=4", 6, 2)
	check("count=2&startIndex=10", 6, 0)
	check("searchArea=1", 0, 0)
	check("subjectOwnerId="+srv.UserID(mockportal.Owner), 6, 6)
	check("sortOrder=descending", 6, 6)
	check("sortOrder=1", 6, 6)
	// Form-filling rooms have a search area of their own on current servers: not Active.
	owner.create(`{"title":"Forms","roomType":1}`)
	check("", 6, 6)
	check("searchArea=0", 6, 6)
	check("searchArea=8", 1, 1)
	check("searchArea=2", 7, 7)
	check("searchArea=4", 0, 0)
	for _, bad := range []string{"count=0", "count=101", "startIndex=-1", "searchArea=9", "type=3", "sortOrder=sideways", "sortOrder=2"} {
		if a := owner.do("GET", "rooms?"+bad, ""); a.status != 400 {
			t.Errorf("%s: %d", bad, a.status)
		}
	}
}
