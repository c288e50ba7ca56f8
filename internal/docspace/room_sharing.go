package docspace

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"
)

// RoomAccess is an access level in a room (DocSpace's FileShare enum), sent as a number.
type RoomAccess int

const (
	AccessNone           RoomAccess = 0
	AccessOwner          RoomAccess = 1 // the synthetic owner entry (ReadWrite)
	AccessViewer         RoomAccess = 2
	AccessReviewer       RoomAccess = 5
	AccessCommenter      RoomAccess = 6
	AccessFormFiller     RoomAccess = 7
	AccessRoomManager    RoomAccess = 9
	AccessEditor         RoomAccess = 10
	AccessContentCreator RoomAccess = 11
)

var accessNames = enumNames[RoomAccess]{
	AccessViewer: "viewer", AccessReviewer: "reviewer", AccessCommenter: "commenter", AccessFormFiller: "form_filler",
	AccessRoomManager: "room_manager", AccessEditor: "editor", AccessContentCreator: "content_creator",
}

// RoomAccessNames lists the access level names a member can be given, sorted.
func RoomAccessNames() []string { return accessNames.sorted() }

func (a RoomAccess) String() string {
	if a == AccessOwner {
		return "owner"
	}
	return accessNames.name(a, "access")
}

// ParseRoomAccess reads an access level name.
func ParseRoomAccess(name string) (RoomAccess, error) { return accessNames.parse(name, "access level") }

// accessByRoomType is which levels each room type gives users; groups get the same less
// room_manager (DocSpace's own matrix).
var accessByRoomType = map[RoomType][]RoomAccess{
	CustomRoom:        {AccessRoomManager, AccessContentCreator, AccessEditor, AccessReviewer, AccessCommenter, AccessViewer},
	CollaborationRoom: {AccessRoomManager, AccessContentCreator, AccessEditor, AccessViewer},
	PublicRoom:        {AccessRoomManager, AccessContentCreator},
	FormFillingRoom:   {AccessRoomManager, AccessContentCreator, AccessFormFiller},
	VirtualDataRoom:   {AccessRoomManager, AccessContentCreator, AccessEditor, AccessViewer, AccessFormFiller},
}

// AccessAllowed reports whether a room of type t lets a user (or, with group, a group)
// have access level a. Room managers are users: groups can never be one. Unknown room
// types allow everything (the portal decides).
func AccessAllowed(t RoomType, a RoomAccess, group bool) bool {
	if group && a == AccessRoomManager {
		return false
	}
	levels, known := accessByRoomType[t]
	return !known || slices.Contains(levels, a)
}

// AllowedAccessNames lists the level names a room type allows users or groups.
func AllowedAccessNames(t RoomType, group bool) []string {
	var out []string
	for _, a := range accessByRoomType[t] {
		if AccessAllowed(t, a, group) {
			out = append(out, a.String())
		}
	}
	return out
}

// RoomMember is one entry of a room's access list.
type RoomMember struct {
	// SubjectID is the user's or group's id.
	SubjectID string
	Group     bool
	Name      string
	Access    RoomAccess
	// Owner marks the synthetic entry of the room's owner, which cannot be changed.
	Owner bool
}

type wireRoomMember struct {
	Access       RoomAccess `json:"access"`
	IsOwner      bool       `json:"isOwner"`
	SharedToUser *struct {
		ID          string `json:"id"`
		DisplayName string `json:"displayName"`
	} `json:"sharedToUser"`
	SharedToGroup *struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"sharedToGroup"`
}

func (w wireRoomMember) member() (RoomMember, bool) {
	switch {
	case w.SharedToUser != nil:
		return RoomMember{SubjectID: w.SharedToUser.ID, Name: w.SharedToUser.DisplayName, Access: w.Access, Owner: w.IsOwner}, true
	case w.SharedToGroup != nil:
		return RoomMember{SubjectID: w.SharedToGroup.ID, Group: true, Name: w.SharedToGroup.Name, Access: w.Access, Owner: w.IsOwner}, true
	}
	return RoomMember{}, false // a link
}

// RoomMembers lists a room's users and groups, the owner's synthetic entry first, page by
// page until done.
func (c *Client) RoomMembers(ctx context.Context, roomID int) ([]RoomMember, error) {
	q := url.Values{"filterType": {"0"}, "count": {"100"}}
	var members []RoomMember
	for start := 0; ; {
		q.Set("startIndex", strconv.Itoa(start))
		var page []wireRoomMember
		if _, err := c.callValue(ctx, http.MethodGet, roomPath(roomID)+"/share", q, nil, &page); err != nil {
			return nil, err
		}
		for _, w := range page {
			if m, ok := w.member(); ok {
				members = append(members, m)
			}
		}
		start += len(page)
		if len(page) < 100 {
			return members, nil
		}
	}
}

// AccessChange gives a subject an access level; AccessNone revokes it.
type AccessChange struct {
	SubjectID string     `json:"id"`
	Access    RoomAccess `json:"access"`
}

// SetRoomAccess applies changes to a room's access list (a patch: subjects not named keep
// their access) and returns the resulting entries of the subjects named. DocSpace silently
// skips subjects it cannot apply (disabled users, users the key's user may not see): the
// result is the only truth, so callers must check it.
func (c *Client) SetRoomAccess(ctx context.Context, roomID int, changes []AccessChange, notify bool) ([]RoomMember, error) {
	body := struct {
		Invitations []AccessChange `json:"invitations"`
		Notify      bool           `json:"notify"`
	}{changes, notify}
	var answer struct {
		Members []wireRoomMember `json:"members"`
		Error   int              `json:"error"`
		Warning string           `json:"warning"`
	}
	if _, err := c.callValue(ctx, http.MethodPut, roomPath(roomID)+"/share", nil, body, &answer); err != nil {
		return nil, err
	}
	if answer.Error != 0 {
		return nil, &APIError{Method: http.MethodPut, Path: apiPrefix + roomPath(roomID) + "/share", StatusCode: http.StatusConflict, FromPortal: true,
			Message: "the portal applied nothing: a member holds form-filling roles in this room (" + answer.Warning + ")"}
	}
	members := make([]RoomMember, 0, len(answer.Members))
	for _, w := range answer.Members {
		if m, ok := w.member(); ok {
			members = append(members, m)
		}
	}
	return members, nil
}
