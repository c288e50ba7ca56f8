package mockportal_test

import (
	"fmt"
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestRooms_TagsAndTheCatalog(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{JobDuration: 1})
	owner := asRole(t, srv, mockportal.Owner)
	id := owner.create(`{"title":"Tagged","roomType":2,"tags":["a"]}`)
	path := fmt.Sprint("rooms/", id, "/tags")
	if a := owner.do("PUT", path, `{"names":["b","A"]}`); a.status != 200 || fmt.Sprint(response(a)["tags"]) != "[a b A]" && fmt.Sprint(response(a)["tags"]) != "[a b]" {
		t.Errorf("add: %d %v", a.status, response(a)["tags"])
	}
	if a := owner.do("DELETE", path, `{"names":["B","unknown"]}`); a.status != 200 || fmt.Sprint(response(a)["tags"]) == "" || containsTag(response(a)["tags"], "b") {
		t.Errorf("remove is case-insensitive: %d %v", a.status, response(a)["tags"])
	}
	if a := owner.do("PUT", path, `{}`); a.status != 400 {
		t.Errorf("names missing: %d", a.status)
	}
	if a := owner.do("PUT", "rooms/999999/tags", `{"names":["x"]}`); a.status != 404 {
		t.Errorf("unknown room: %d", a.status)
	}
	// A room manager may tag; an editor may not.
	manager, editor := srv.UserID(mockportal.RoomAdmin), srv.UserID(mockportal.User)
	srv.SetRoomMember(id, manager, 9)
	srv.SetRoomMember(id, editor, 10)
	if a := asRole(t, srv, mockportal.RoomAdmin).do("PUT", path, `{"names":["m"]}`); a.status != 200 {
		t.Errorf("room manager: %d %s", a.status, a.raw)
	}
	if a := asRole(t, srv, mockportal.User).do("PUT", path, `{"names":["e"]}`); a.status != 403 {
		t.Errorf("editor: %d", a.status)
	}
	srv.ChangeRoom(id, func(r *mockportal.Room) { r.Archived = true })
	if a := owner.do("PUT", path, `{"names":["late"]}`); a.status != 403 {
		t.Errorf("archived room: %d", a.status)
	}
	// The catalog: create (existing returned as is), rename, list, delete from every room.
	if a := owner.do("POST", "tags", `{"name":"NEW"}`); a.status != 200 || a.body["response"] != "NEW" {
		t.Errorf("create: %d %s", a.status, a.raw)
	}
	if a := owner.do("POST", "tags", `{"name":"new"}`); a.body["response"] != "NEW" {
		t.Errorf("an existing tag is returned: %s", a.raw)
	}
	if a := owner.do("POST", "tags", `{"name":""}`); a.status != 400 {
		t.Errorf("empty name: %d", a.status)
	}
	if a := owner.do("PUT", "tags", `{"oldName":"nope","newName":"x"}`); a.status != 404 {
		t.Errorf("rename unknown: %d", a.status)
	}
	if a := owner.do("PUT", "tags", `{"oldName":"NEW","newName":"a"}`); a.status != 400 || errMessage(a) != "Tag with name 'a' already exists" {
		t.Errorf("rename onto an existing tag: %d %s", a.status, a.raw)
	}
	if a := owner.do("DELETE", "tags", `{"names":["a"]}`); a.status != 200 {
		t.Errorf("delete: %d", a.status)
	}
	if room, _ := srv.Room(id); containsTag(room.Tags, "a") {
		t.Errorf("a deleted catalog tag stays on the room: %v", room.Tags)
	}
	if a := owner.do("GET", "tags?filterValue=ne", ""); fmt.Sprint(a.body["response"]) != "[NEW]" {
		t.Errorf("list: %s", a.raw)
	}
	if a := asRole(t, srv, mockportal.User).do("POST", "tags", `{"name":"mine"}`); a.status != 403 {
		t.Errorf("a user creating a tag: %d", a.status)
	}
}

func containsTag(tags any, want string) bool {
	switch list := tags.(type) {
	case []any:
		for _, t := range list {
			if t == want {
				return true
			}
		}
	case []string:
		for _, t := range list {
			if t == want {
				return true
			}
		}
	}
	return false
}

func TestRooms_LifetimeAndStrictBodies(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	owner := asRole(t, srv, mockportal.Owner)
	id := owner.create(`{"title":"Ephemeral","roomType":8,"lifetime":{"period":1,"value":6,"deletePermanently":true}}`)
	room := response(owner.do("GET", fmt.Sprint("rooms/", id), ""))
	if lt, _ := room["lifetime"].(map[string]any); lt["period"] != float64(1) || lt["value"] != float64(6) || lt["deletePermanently"] != true {
		t.Errorf("lifetime read back: %v", room["lifetime"])
	}
	for _, bad := range []string{`{"lifetime":{"period":0,"value":-3}}`, `{"lifetime":{"period":0,"value":0}}`, `{"lifetime":{"period":7,"value":3}}`} {
		if a := owner.do("PUT", fmt.Sprint("rooms/", id), bad); a.status != 400 {
			t.Errorf("%s: %d", bad, a.status)
		}
	}
	if a := owner.do("PUT", fmt.Sprint("rooms/", id), `{"lifetime":{"enabled":false}}`); response(a)["lifetime"] != nil {
		t.Errorf("switched off, the lifetime is absent: %s", a.raw)
	}
	for _, body := range []string{`{"deleteAfter":"false"}`, `{"deleteAfter":0}`, `{"deleteAfter":null}`} {
		if a := owner.do("PUT", fmt.Sprint("rooms/", id, "/archive"), body); a.status != 400 {
			t.Errorf("archive %s: %d", body, a.status)
		}
	}
	if a := owner.do("DELETE", fmt.Sprint("rooms/", id), `{"deleteAfter":"yes"}`); a.status != 400 {
		t.Errorf("delete with a string: %d", a.status)
	}
	if a := owner.do("DELETE", fmt.Sprint("rooms/", id), ``); a.status != 200 {
		t.Errorf("delete with an empty body: %d %s", a.status, a.raw)
	}
	if a := owner.do("GET", "rooms/abc", ""); a.status != 404 || errMessage(a) == "" {
		t.Errorf("a non-numeric id is DocSpace's JSON 404: %d %s", a.status, a.raw)
	}
}
