package mockportal_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func memberIDs(group map[string]any) []string {
	var ids []string
	for _, m := range group["members"].([]any) {
		ids = append(ids, m.(map[string]any)["id"].(string))
	}
	return ids
}

func managerID(group map[string]any) string {
	m, _ := group["manager"].(map[string]any)
	id, _ := m["id"].(string)
	return id
}

func TestGroups_CreateValidatesEveryMember(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	owner := asRole(t, srv, mockportal.Owner)
	ra, user := srv.UserID(mockportal.RoomAdmin), srv.UserID(mockportal.User)
	a := owner.api("POST", "group", fmt.Sprintf(`{"groupName":"Ops","groupManager":%q,"members":[%q,%q]}`, ra, user, user))
	g := response(a)
	if a.status != 200 || managerID(g) != ra || fmt.Sprint(memberIDs(g)) != fmt.Sprint([]string{user, ra}) || g["membersCount"] != float64(2) {
		t.Fatalf("create: %d %s", a.status, a.raw)
	}
	for name, body := range map[string]string{
		"guest member":    fmt.Sprintf(`{"groupName":"X","members":[%q]}`, srv.UserID(mockportal.Guest)),
		"unknown manager": fmt.Sprintf(`{"groupName":"X","groupManager":%q}`, mockportal.NewGUID()),
	} {
		if a := owner.api("POST", "group", body); a.status != 400 || errMessage(a) != "The user could not be found" {
			t.Errorf("%s: %d %s", name, a.status, a.raw)
		}
	}
	for name, body := range map[string]string{"empty manager": `{"groupName":"X","groupManager":""}`, "no name": `{}`} {
		if a := owner.api("POST", "group", body); a.status != 400 || a.body["statusCode"] != float64(400) || response(a)["errors"] == nil {
			t.Errorf("%s: validation answer: %d %s", name, a.status, a.raw)
		}
	}
	if a := owner.api("POST", "group", `{"groupName":"   "}`); a.status != 400 {
		t.Errorf("blank name: %d", a.status)
	}
	if a := asRole(t, srv, mockportal.RoomAdmin).api("POST", "group", `{"groupName":"X"}`); a.status != 403 {
		t.Errorf("room admins cannot create groups: %d", a.status)
	}
	if a := asRole(t, srv, mockportal.User).api("GET", "group", ""); a.status != 403 {
		t.Errorf("users cannot read groups: %d", a.status)
	}
}

func TestGroups_MembersAndTheManager(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	owner := asRole(t, srv, mockportal.Owner)
	ra, user, second := srv.UserID(mockportal.RoomAdmin), srv.UserID(mockportal.User), srv.UserIDByEmail(mockportal.SecondUserEmail)
	id := response(owner.api("POST", "group", fmt.Sprintf(`{"groupName":"Ops","groupManager":%q}`, ra)))["id"].(string)

	// Update adds valid ids and skips the rest silently, keeping the manager.
	a := owner.api("PUT", "group/"+id, fmt.Sprintf(`{"membersToAdd":[%q,%q,%q]}`, user, srv.UserID(mockportal.Guest), mockportal.NewGUID()))
	if g := response(a); managerID(g) != ra || len(memberIDs(g)) != 2 {
		t.Errorf("add: %s", a.raw)
	}
	// A disabled member vanishes from reads and comes back when enabled.
	srv.SetUserDisabled(user, true)
	if g := response(owner.api("GET", "group/"+id, "")); len(memberIDs(g)) != 1 || g["membersCount"] != float64(1) {
		t.Errorf("disabled member listed: %v", g)
	}
	srv.SetUserDisabled(user, false)
	if g := response(owner.api("GET", "group/"+id+"?includeMembers=false", "")); g["members"] != nil || g["membersCount"] != float64(2) {
		t.Errorf("enabled again / includeMembers=false: %v", g)
	}
	// Replacing the members drops the manager; it cannot empty the group.
	if a := owner.api("POST", "group/"+id+"/members", fmt.Sprintf(`{"members":[%q]}`, srv.UserID(mockportal.Guest))); a.status != 400 || errMessage(a) != "Members" {
		t.Errorf("replace with nothing valid: %d %s", a.status, a.raw)
	}
	a = owner.api("POST", "group/"+id+"/members", fmt.Sprintf(`{"members":[%q]}`, second))
	if g := response(a); managerID(g) != "" || fmt.Sprint(memberIDs(g)) != fmt.Sprint([]string{second}) {
		t.Errorf("replace: %s", a.raw)
	}
	// Removing the manager clears it.
	owner.api("PUT", "group/"+id+"/manager", fmt.Sprintf(`{"userId":%q}`, user))
	a = owner.api("DELETE", "group/"+id+"/members", fmt.Sprintf(`{"members":[%q]}`, user))
	if g := response(a); managerID(g) != "" || len(memberIDs(g)) != 1 {
		t.Errorf("remove the manager: %s", a.raw)
	}
}

func TestGroups_DeleteIs204WithoutABody(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	owner := asRole(t, srv, mockportal.Owner)
	id := srv.GroupID(mockportal.DesignersGroup)
	if a := asRole(t, srv, mockportal.RoomAdmin).api("DELETE", "group/"+id, ""); a.status != 403 {
		t.Errorf("room admin: %d", a.status)
	}
	if a := owner.api("DELETE", "group/"+id, ""); a.status != 204 || a.raw != "" {
		t.Errorf("delete: %d %q", a.status, a.raw)
	}
	if a := owner.api("DELETE", "group/"+id, ""); a.status != 404 || errMessage(a) != "The group could not be found" {
		t.Errorf("second delete: %d %s", a.status, a.raw)
	}
	if a := owner.api("GET", "group/not-a-guid", ""); a.status != 404 || a.body != nil {
		t.Errorf("non-GUID route: %d %s", a.status, a.raw)
	}
}

func TestGroups_ListFiltersAndPages(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	owner := asRole(t, srv, mockportal.Owner)
	a := owner.api("GET", "group?filterValue=DE&count=1", "")
	list := a.body["response"].([]any)
	if a.body["total"] != float64(2) || len(list) != 1 || list[0].(map[string]any)["name"] != mockportal.DesignersGroup || list[0].(map[string]any)["members"] != nil {
		t.Errorf("list: %s", a.raw)
	}
	a = owner.api("GET", "group?userId="+srv.UserIDByEmail(mockportal.SecondUserEmail), "")
	if a.body["total"] != float64(1) {
		t.Errorf("by member: %s", a.raw)
	}
}

func TestGroups_UserGroupsAndMovingMembers(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	owner := asRole(t, srv, mockportal.Owner)
	dev, design := srv.GroupID("Developers"), srv.GroupID("Designers")
	user := srv.UserID(mockportal.User)
	if a := owner.api("GET", "group/user/"+user, ""); listLen(a) != 1 || response0(a)["name"] != "Developers" {
		t.Errorf("groups of the user: %s", a.raw)
	}
	if a := owner.api("GET", "group/user/"+mockportal.NewGUID(), ""); a.status != 200 || listLen(a) != 0 {
		t.Errorf("an unknown id: %d %s", a.status, a.raw)
	}
	if a := asRole(t, srv, mockportal.User).api("GET", "group/user/"+user, ""); a.status != 403 {
		t.Errorf("a user reading groups: %d", a.status)
	}
	a := owner.api("PUT", "group/"+dev+"/members/"+design, "")
	if a.status != 200 || response(a)["name"] != "Designers" {
		t.Fatalf("move: %d %s", a.status, a.raw)
	}
	if g, _ := srv.Group(dev); len(g.Members) != 0 {
		t.Errorf("the source group keeps %v", g.Members)
	}
	if g, _ := srv.Group(design); !slices.Contains(g.Members, user) {
		t.Errorf("the target group lacks the user: %v", g.Members)
	}
	if a := owner.api("PUT", "group/"+dev+"/members/"+mockportal.NewGUID(), ""); a.status != 404 {
		t.Errorf("an unknown target: %d", a.status)
	}
}

func TestPeople_Exists(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	guest := asRole(t, srv, mockportal.Guest)
	if a := guest.api("GET", "people/exists?email=user@example.test", ""); response(a)["exists"] != true || response(a)["status"] != float64(1) {
		t.Errorf("exists: %s", a.raw)
	}
	if a := guest.api("GET", "people/exists?email=nobody@example.test", ""); a.status != 200 || response(a)["exists"] != false {
		t.Errorf("does not exist: %d %s", a.status, a.raw)
	}
}
