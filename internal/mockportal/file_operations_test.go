package mockportal_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

// The mock's clock drives operations, so the tests move it instead of waiting.
type clock struct{ now time.Time }

func (c *clock) Now() time.Time          { return c.now }
func (c *clock) advance(d time.Duration) { c.now = c.now.Add(d) }

func operation(a answer) map[string]any { return response(a) }

func TestFileOperations_ArchiveIsAsyncAndReportedOnce(t *testing.T) {
	clk := &clock{now: time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)}
	srv := mockportal.StartTest(t, mockportal.Options{Rooms: 1, Now: clk.Now, JobDuration: time.Second})
	owner := asRole(t, srv, mockportal.Owner)
	id := srv.RoomIDs()[0]
	op := operation(owner.do("PUT", fmt.Sprint("rooms/", id, "/archive"), `{"deleteAfter":false}`))
	if op["Operation"] != float64(0) || op["finished"] != false || op["id"] == "" {
		t.Fatalf("archive answer %v", op)
	}
	if room, _ := srv.Room(id); room.Archived {
		t.Fatal("archived before the operation finished")
	}
	list := owner.do("GET", "fileops", "").body["response"].([]any)
	if len(list) != 1 || list[0].(map[string]any)["finished"] != false {
		t.Fatalf("running: %v", list)
	}
	if other := asRole(t, srv, mockportal.DocSpaceAdmin).do("GET", "fileops", "").body["response"].([]any); len(other) != 0 {
		t.Errorf("another user sees the operation: %v", other)
	}
	clk.advance(time.Second)
	list = owner.do("GET", fmt.Sprint("fileops?id=", op["id"]), "").body["response"].([]any)
	if len(list) != 1 || list[0].(map[string]any)["finished"] != true || list[0].(map[string]any)["progress"] != float64(100) || list[0].(map[string]any)["error"] != "" {
		t.Fatalf("finished: %v", list)
	}
	if again := owner.do("GET", "fileops", "").body["response"].([]any); len(again) != 0 {
		t.Errorf("a finished operation is reported twice: %v", again)
	}
	room := response(owner.do("GET", fmt.Sprint("rooms/", id), ""))
	if room["rootFolderType"] != float64(20) {
		t.Errorf("not archived: %v", room["rootFolderType"])
	}
	if a := owner.do("PUT", fmt.Sprint("rooms/", id), `{"title":"x"}`); a.status != 403 {
		t.Errorf("update of an archived room: %d", a.status)
	}
}

func TestFileOperations_DeleteAndFailure(t *testing.T) {
	clk := &clock{now: time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)}
	srv := mockportal.StartTest(t, mockportal.Options{Rooms: 2, Now: clk.Now, JobDuration: time.Second})
	owner := asRole(t, srv, mockportal.Owner)
	ids := srv.RoomIDs()
	srv.SetFileOperationFailure("The room is opened for editing")
	failed := operation(owner.do("DELETE", fmt.Sprint("rooms/", ids[0]), `{}`))
	srv.SetFileOperationFailure("")
	deleted := operation(owner.do("DELETE", fmt.Sprint("rooms/", ids[1]), `{}`))
	if deleted["Operation"] != float64(2) {
		t.Fatalf("delete answer %v", deleted)
	}
	clk.advance(time.Second)
	byID := map[any]map[string]any{}
	for _, o := range owner.do("GET", "fileops", "").body["response"].([]any) {
		byID[o.(map[string]any)["id"]] = o.(map[string]any)
	}
	if byID[failed["id"]]["error"] != "The room is opened for editing" || byID[deleted["id"]]["error"] != "" {
		t.Errorf("operations %v", byID)
	}
	if _, ok := srv.Room(ids[0]); !ok {
		t.Error("a failed delete removed the room")
	}
	if a := owner.do("GET", fmt.Sprint("rooms/", ids[1]), ""); a.status != 404 {
		t.Errorf("deleted room: %d", a.status)
	}
	if a := owner.do("DELETE", fmt.Sprint("rooms/", ids[1]), `{}`); a.status != 404 {
		t.Errorf("second delete: %d", a.status)
	}
}
