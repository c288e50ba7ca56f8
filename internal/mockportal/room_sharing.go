package mockportal

import (
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// Room sharing: GET and PUT /api/2.0/files/rooms/{id}/share.

// Access levels (FileShare), as the API sends them.
const (
	accessNone           = 0
	accessOwner          = 1 // ReadWrite: only the synthetic owner entry
	accessRead           = 2
	accessReview         = 5
	accessComment        = 6
	accessFillForms      = 7
	accessRoomManager    = 9
	accessEditing        = 10
	accessContentCreator = 11
)

var accessByName = map[string]int{
	"None": accessNone, "ReadWrite": accessOwner, "Read": accessRead, "Review": accessReview, "Comment": accessComment,
	"FillForms": accessFillForms, "RoomManager": accessRoomManager, "Editing": accessEditing, "ContentCreator": accessContentCreator,
}

// allowedForUsers is DocSpace's matrix of levels per room type for users; groups get the
// same without RoomManager.
var allowedForUsers = map[int][]int{
	RoomCustom:        {accessRoomManager, accessContentCreator, accessEditing, accessReview, accessComment, accessRead},
	RoomCollaboration: {accessRoomManager, accessContentCreator, accessEditing, accessRead},
	RoomPublic:        {accessRoomManager, accessContentCreator},
	RoomFormFilling:   {accessRoomManager, accessContentCreator, accessFillForms},
	RoomVirtualData:   {accessRoomManager, accessContentCreator, accessEditing, accessRead, accessFillForms},
}

// SetRoomMember changes a room's share record out of band (access 0 revokes).
func (p *Portal) SetRoomMember(roomID int, subjectID string, access int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	room, ok := p.rooms[roomID]
	if !ok {
		return
	}
	if access == accessNone {
		delete(room.Members, subjectID)
		return
	}
	_, group := p.groups[subjectID]
	room.Members[subjectID] = RoomMember{Group: group, Access: access}
}

// memberJSONLocked is one FileShareDto. Only users and groups are modelled, no links.
func (p *Portal) memberJSONLocked(subjectID string, m RoomMember, caller *Person, owner bool) map[string]any {
	out := map[string]any{"access": m.Access, "isOwner": owner, "isLocked": subjectID == caller.ID,
		"canEditAccess": !owner && subjectID != caller.ID, "subjectType": 0}
	if m.Group {
		g := p.groups[subjectID]
		out["subjectType"] = 2
		out["sharedToGroup"] = map[string]any{"id": g.ID, "name": g.Name}
		out["sharedTo"] = out["sharedToGroup"]
		return out
	}
	out["sharedToUser"] = p.employeeFullLocked(p.users[subjectID], caller)
	out["sharedTo"] = out["sharedToUser"]
	return out
}

// visibleSubjectLocked says whether caller can share with subjectID, and whether it is a
// group. Disabled users, unknown ids, and guests a room admin did not invite are skipped
// silently by DocSpace.
func (p *Portal) visibleSubjectLocked(subjectID string, caller *Person) (group, ok bool) {
	if _, isGroup := p.groups[subjectID]; isGroup {
		return true, true
	}
	u, isUser := p.users[subjectID]
	if !isUser || u.Disabled {
		return false, false
	}
	if u.Type == Guest && caller.Type == RoomAdmin && u.CreatedBy != caller.ID {
		return false, false
	}
	return false, true
}

func (p *Portal) getRoomShareLocked(w http.ResponseWriter, r *http.Request, u *Person, room *Room) {
	if room == nil {
		roomNotFound(w)
		return
	}
	entries := []map[string]any{}
	if !p.rightsLocked(room, u).read {
		if u.Type == RoomAdmin {
			forbidden(w, msgCannotView)
			return
		}
		p.okList(w, r, entries, 0) // sic: a user or guest who is no member gets an empty list
		return
	}
	owner := p.users[room.OwnerID]
	entries = append(entries, p.memberJSONLocked(owner.ID, RoomMember{Access: accessOwner}, u, true))
	ids := make([]string, 0, len(room.Members))
	for id := range room.Members {
		ids = append(ids, id)
	}
	// Users first, then groups, each by id: a stable order.
	slices.SortFunc(ids, func(a, b string) int {
		if ga, gb := room.Members[a].Group, room.Members[b].Group; ga != gb {
			if ga {
				return 1
			}
			return -1
		}
		return strings.Compare(a, b)
	})
	for _, id := range ids {
		if !room.Members[id].Group && (p.users[id] == nil || p.users[id].Disabled) {
			continue
		}
		entries = append(entries, p.memberJSONLocked(id, room.Members[id], u, false))
	}
	q := queryFold(r)
	start, _ := strconv.Atoi(q.Get("startindex"))
	count := 100
	if c, err := strconv.Atoi(q.Get("count")); err == nil && c > 0 {
		count = c
	}
	total := len(entries)
	page := []map[string]any{}
	if start >= 0 && start < total {
		page = entries[start:min(start+count, total)]
	}
	p.okList(w, r, page, total)
}

type shareBody struct {
	Invitations []struct {
		ID     json.RawMessage `json:"id"`
		Access json.RawMessage `json:"access"`
	} `json:"invitations"`
	Notify bool `json:"notify"`
}

// parseAccess binds an access level: a number as is, a name, and an unknown name (or none
// at all) as 0, which revokes.
func parseAccess(raw json.RawMessage) int {
	var n int
	if json.Unmarshal(raw, &n) == nil {
		return n
	}
	var name string
	if json.Unmarshal(raw, &name) == nil {
		return accessByName[name]
	}
	return accessNone
}

func (p *Portal) setRoomShareLocked(w http.ResponseWriter, r *http.Request, u *Person, room *Room) {
	if room == nil {
		roomNotFound(w)
		return
	}
	rights := p.rightsLocked(room, u)
	switch {
	case !rights.read:
		forbidden(w, msgCannotView)
		return
	case room.Archived || !rights.share:
		forbidden(w, msgAccessDenied)
		return
	}
	raw, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	var body shareBody
	if err := json.Unmarshal(raw, &body); err != nil && len(strings.TrimSpace(string(raw))) > 0 {
		p.invalid(w, r, "invitations", "The JSON value could not be converted.")
		return
	}
	if len(body.Invitations) == 0 {
		p.ok(w, r, map[string]any{"error": 0})
		return
	}
	named := []string{}
	for _, inv := range body.Invitations {
		var id string
		if json.Unmarshal(inv.ID, &id) != nil || !guidRE.MatchString(strings.ToLower(id)) {
			p.invalid(w, r, "Invitations[0].Id", "The JSON value could not be converted to System.Guid.")
			return
		}
		id = strings.ToLower(id)
		access := parseAccess(inv.Access)
		group, visible := p.visibleSubjectLocked(id, u)
		if !visible || id == room.OwnerID {
			continue // skipped without a word; the owner's entry cannot change
		}
		if access != accessNone && !p.accessAllowedLocked(room, id, group, access) {
			// Entries before this one stay applied: DocSpace writes them one at a time.
			forbidden(w, "The role is not available for this user type")
			return
		}
		if access == accessNone {
			delete(room.Members, id)
		} else {
			room.Members[id] = RoomMember{Group: group, Access: access}
		}
		if !slices.Contains(named, id) {
			named = append(named, id)
		}
	}
	members := []map[string]any{}
	for _, id := range named {
		if m, ok := room.Members[id]; ok {
			members = append(members, p.memberJSONLocked(id, m, u, false))
		}
	}
	p.ok(w, r, map[string]any{"members": members, "error": 0})
}

// accessAllowedLocked applies the room-type matrix and the user-type rule: users and
// guests cannot be room managers, groups never.
func (p *Portal) accessAllowedLocked(room *Room, subjectID string, group bool, access int) bool {
	if !slices.Contains(allowedForUsers[room.Type], access) || (group && access == accessRoomManager) {
		return false
	}
	if u, ok := p.users[subjectID]; ok && (u.Type == User || u.Type == Guest) && access == accessRoomManager {
		return false
	}
	return true
}
