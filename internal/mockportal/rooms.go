package mockportal

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// roomsState is the rooms area's store: rooms, their file operations and the tag
// catalogue.
type roomsState struct {
	rooms      map[int]*Room
	nextRoomID int
	fileOps    []*fileOperation
	opFailure  string
	tagCatalog []string
}

func newRoomsState() roomsState {
	return roomsState{rooms: map[int]*Room{}, nextRoomID: firstRoomID}
}

// Rooms: /api/2.0/files/rooms and its sub-paths (README.md, "The rooms area").

// Room type numbers, as the API sends them.
const (
	RoomFormFilling   = 1
	RoomCollaboration = 2
	RoomCustom        = 5
	RoomPublic        = 6
	RoomVirtualData   = 8
)

const (
	firstRoomID        = 1000 // room ids share a counter with folders; roots are small numbers
	roomsRootID        = 1
	archiveRootID      = 2
	rootActive         = 14
	rootArchive        = 20
	maxTitleLength     = 170
	DefaultPortalQuota = int64(100) << 30
	quotaDefault       = int64(-2)
)

// Room is a room's state.
type Room struct {
	ID           int
	Title        string
	Type         int
	OwnerID      string
	Archived     bool
	Tags         []string
	Color        string
	Quota        int64 // -2: the portal default; -1: unlimited
	Indexing     bool
	DenyDownload bool
	// Lifetime deletes the room's files after a while; nil when off.
	Lifetime *RoomLifetime
	Created  time.Time
	Updated  time.Time
	// Members maps a user's or group's id to its access level.
	Members map[string]RoomMember
}

// RoomMember is one share record of a room.
type RoomMember struct {
	Group  bool
	Access int
}

var knownRoomTypes = []int{RoomFormFilling, RoomCollaboration, RoomCustom, RoomPublic, RoomVirtualData}

// SeedRooms adds n custom rooms owned by the owner, titled "Project room 1"….
func (p *Portal) SeedRooms(n int) []int {
	p.mu.Lock()
	defer p.mu.Unlock()
	ids := make([]int, 0, n)
	for i := range n {
		r := p.newRoomLocked(fmt.Sprintf("Project room %d", i+1), RoomCustom, p.userIDLocked(Owner))
		ids = append(ids, r.ID)
	}
	return ids
}

func (p *Portal) newRoomLocked(title string, typ int, owner string) *Room {
	now := p.opts.Now()
	r := &Room{ID: p.nextRoomID, Title: title, Type: typ, OwnerID: owner, Tags: []string{}, Color: randomColor(),
		Quota: quotaDefault, Created: now, Updated: now, Members: map[string]RoomMember{}}
	p.nextRoomID++
	p.rooms[r.ID] = r
	return r
}

func randomColor() string { return fmt.Sprintf("%06X", rand.IntN(1<<24)) } //nolint:gosec // a colour

// Room returns a copy of a room's state.
func (p *Portal) Room(id int) (Room, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.settleFileOpsLocked()
	r, ok := p.rooms[id]
	if !ok {
		return Room{}, false
	}
	c := *r
	c.Tags = slices.Clone(r.Tags)
	c.Members = map[string]RoomMember{}
	for k, v := range r.Members {
		c.Members[k] = v
	}
	return c, true
}

// RoomIDs lists the rooms' ids in creation order.
func (p *Portal) RoomIDs() []int {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.settleFileOpsLocked()
	return p.sortedRoomIDsLocked()
}

func (p *Portal) sortedRoomIDsLocked() []int {
	ids := make([]int, 0, len(p.rooms))
	for id := range p.rooms {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// ChangeRoom changes a room out of band, as someone in the UI would.
func (p *Portal) ChangeRoom(id int, change func(*Room)) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if r, ok := p.rooms[id]; ok {
		change(r)
		r.Updated = p.opts.Now()
	}
}

// DeleteRoomNow removes a room at once, as if deleted in the UI.
func (p *Portal) DeleteRoomNow(id int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.rooms, id)
}

// roomRights is what a user may do with a room.
type roomRights struct{ read, edit, share, archive, remove bool }

func (p *Portal) rightsLocked(r *Room, u *Person) roomRights {
	owner := r.OwnerID == u.ID
	access := p.memberAccessLocked(r, u)
	manager := access == accessRoomManager && u.Type != User && u.Type != Guest
	return roomRights{
		read:    u.isAdmin() || owner || access != 0,
		edit:    (owner || manager) && !r.Archived,
		share:   (owner || manager) && !r.Archived,
		archive: u.isAdmin() || (owner && u.Type == RoomAdmin),
		remove:  owner || (u.isAdmin() && r.Archived),
	}
}

// memberAccessLocked is a user's access to a room, directly or through a group.
func (p *Portal) memberAccessLocked(r *Room, u *Person) int {
	if m, ok := r.Members[u.ID]; ok {
		return m.Access
	}
	best := 0
	for id, m := range r.Members {
		if g, ok := p.groups[id]; ok && m.Group && slices.Contains(g.Members, u.ID) {
			best = max(best, m.Access)
		}
	}
	return best
}

// roomJSON is the room object (FolderDto) as u sees it. Null fields are left out.
func (p *Portal) roomJSONLocked(r *Room, u *Person, withQuota bool) map[string]any {
	rights := p.rightsLocked(r, u)
	parent, rootType := roomsRootID, rootActive
	if r.Archived {
		parent, rootType = archiveRootID, rootArchive
	}
	access := p.memberAccessLocked(r, u)
	if r.OwnerID == u.ID {
		access = 0
	}
	owner := p.users[r.OwnerID]
	out := map[string]any{
		"id": r.ID, "parentId": parent, "rootFolderId": parent, "rootFolderType": rootType, "title": r.Title,
		"roomType": r.Type, "access": access, "private": false, "indexing": r.Indexing, "denyDownload": r.DenyDownload,
		"pinned": false, "mute": false, "tags": r.Tags, "filesCount": 0, "foldersCount": 0, "new": 0,
		"logo":     map[string]any{"original": "", "large": "", "medium": "", "small": "", "color": r.Color},
		"canShare": r.Type != RoomCollaboration && r.Type != RoomVirtualData, "shared": len(r.Members) > 0,
		"sharedForUser": false, "sharedExternal": false, "parentShared": false, "shortWebUrl": "",
		"created": apiTime(r.Created), "updated": apiTime(r.Updated), "fileEntryType": 1,
		"security": map[string]bool{"Read": rights.read, "EditRoom": rights.edit, "EditAccess": rights.share, "Move": rights.archive, "Delete": rights.remove},
	}
	if owner != nil {
		out["createdBy"], out["updatedBy"], out["ownedBy"] = owner.employee(), owner.employee(), owner.employee()
	}
	if access != 0 || r.OwnerID == u.ID {
		out["inRoom"] = true
	}
	if r.Lifetime != nil {
		out["lifetime"] = map[string]any{"deletePermanently": r.Lifetime.DeletePermanently, "period": r.Lifetime.Period, "value": r.Lifetime.Value, "enabled": true}
	}
	// Used space is reported to those who can edit an active room; the quota itself only
	// while the portal's room quotas are on (settings_quota.go).
	if withQuota && rights.edit {
		out["usedSpace"] = 0
		if p.quotas.Rooms.Enabled {
			out["quotaLimit"], out["isCustomQuota"] = quotaLimit(r.Quota, p.quotas.Rooms), r.Quota > quotaDefault
		}
	}
	return out
}

// serveFilesAPI serves /api/2.0/files/: rooms, their sharing, and file operations.
func (p *Portal) serveFilesAPI(w http.ResponseWriter, r *http.Request, rest string) {
	u, ok := p.authenticated(w, r)
	if !ok {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.settleFileOpsLocked()
	parts := strings.Split(rest, "/")
	switch {
	case rest == "rooms" && r.Method == http.MethodPost:
		p.createRoomLocked(w, r, u)
	case rest == "rooms" && r.Method == http.MethodGet:
		p.listRoomsLocked(w, r, u)
	case rest == "fileops" && r.Method == http.MethodGet:
		p.listFileOpsLocked(w, r, u)
	case rest == "tags":
		p.serveTagCatalogLocked(w, r, u)
	case parts[0] == "rooms" && len(parts) >= 2:
		id, err := strconv.Atoi(parts[1])
		if err != nil {
			roomNotFound(w) // the integer route does not match; the string-id one finds nothing
			return
		}
		p.serveRoomLocked(w, r, u, id, strings.Join(parts[2:], "/"))
	default:
		notFoundPage(w)
	}
}

func (p *Portal) serveRoomLocked(w http.ResponseWriter, r *http.Request, u *Person, id int, sub string) {
	room := p.rooms[id]
	switch {
	case sub == "" && r.Method == http.MethodGet:
		p.getRoomLocked(w, r, u, room)
	case sub == "" && r.Method == http.MethodPut:
		p.updateRoomLocked(w, r, u, room)
	case sub == "" && r.Method == http.MethodDelete:
		p.deleteRoomLocked(w, r, u, room)
	case (sub == "archive" || sub == "unarchive") && r.Method == http.MethodPut:
		p.archiveRoomLocked(w, r, u, room, sub == "archive")
	case sub == "share" && r.Method == http.MethodGet:
		p.getRoomShareLocked(w, r, u, room)
	case sub == "share" && r.Method == http.MethodPut:
		p.setRoomShareLocked(w, r, u, room)
	case sub == "tags" && (r.Method == http.MethodPut || r.Method == http.MethodDelete):
		p.changeRoomTagsLocked(w, r, u, room, r.Method == http.MethodPut)
	default:
		notFoundPage(w)
	}
}

const (
	msgFolderNotFound = "The required folder was not found"
	msgCannotView     = "You don't have enough permission to view the folder content"
	msgCannotCreate   = "You don't have enough permission to create"
	msgCannotEdit     = "You don't have permission to edit the room"
	msgAccessDenied   = "Access denied"
)

func forbidden(w http.ResponseWriter, message string) {
	typ := "System.InvalidOperationException"
	if message == msgAccessDenied {
		typ = "System.Security.SecurityException"
	}
	fail(w, http.StatusForbidden, message, typ)
}

// roomNotFound is the 404 of a room id that does not exist (any more).
func roomNotFound(w http.ResponseWriter) {
	fail(w, http.StatusNotFound, msgFolderNotFound, "ASC.Common.Web.ItemNotFoundException")
}

// invalid answers a model-validation failure: HTTP 400 inside the success envelope, with
// an RFC 7807 problem as the response.
func (p *Portal) invalid(w http.ResponseWriter, r *http.Request, field, message string) {
	p.invalidFields(w, r, map[string][]string{field: {message}})
}

// invalidFields is invalid for several fields at once: ASP.NET validates every field of a
// model and reports each one that fails.
func (p *Portal) invalidFields(w http.ResponseWriter, r *http.Request, errs map[string][]string) {
	p.rateHeaders(w)
	writeJSON(w, http.StatusBadRequest, map[string]any{
		"response": map[string]any{
			"type": "https://tools.ietf.org/html/rfc9110#section-15.5.1", "title": "One or more validation errors occurred.",
			"status": 400, "errors": errs, "traceId": "00-" + randomHex(16) + "-" + randomHex(8) + "-00",
		},
		"count": 1, "links": []map[string]string{{"href": requestURL(r), "action": r.Method}}, "status": 1, "statusCode": 400,
	})
}

// roomBody is the create and update body. Pointers tell "not sent" from a zero value.
type roomBody struct {
	Title        *string          `json:"title"`
	RoomType     *json.RawMessage `json:"roomType"`
	Tags         *[]string        `json:"tags"`
	Color        *string          `json:"color"`
	Quota        *int64           `json:"quota"`
	Indexing     *bool            `json:"indexing"`
	DenyDownload *bool            `json:"denyDownload"`
	Lifetime     *lifetimeBody    `json:"lifetime"`
}

// readRoomBody binds the body and checks the lengths DocSpace's model validation checks.
func (p *Portal) readRoomBody(w http.ResponseWriter, r *http.Request) (roomBody, bool) {
	var b roomBody
	if !p.bindBody(w, r, &b) {
		return b, false
	}
	if b.Title != nil && len([]rune(strings.TrimSpace(*b.Title))) > maxTitleLength {
		p.invalid(w, r, "Title", fmt.Sprintf("The field Title must be a string with a maximum length of %d.", maxTitleLength))
		return b, false
	}
	if b.Color != nil && len(*b.Color) > 6 {
		p.invalid(w, r, "Color", "The field Color must be a string with a maximum length of 6.")
		return b, false
	}
	if field, message := b.Lifetime.check(); field != "" {
		p.invalid(w, r, field, message)
		return b, false
	}
	return b, true
}

// roomType reads roomType: a number or the enum's name.
func parseRoomType(raw *json.RawMessage) (int, bool) {
	if raw == nil {
		return 0, false
	}
	var n int
	if json.Unmarshal(*raw, &n) == nil {
		return n, slices.Contains(knownRoomTypes, n)
	}
	var name string
	_ = json.Unmarshal(*raw, &name)
	names := map[string]int{"FillingFormsRoom": RoomFormFilling, "EditingRoom": RoomCollaboration, "CustomRoom": RoomCustom, "PublicRoom": RoomPublic, "VirtualDataRoom": RoomVirtualData}
	n, ok := names[name]
	return n, ok
}

// sanitizeTitle replaces what DocSpace does not allow in names, as the server does.
func sanitizeTitle(s string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(s) {
		switch {
		case strings.ContainsRune("\t*+:\"<>?|\\/", r):
			b.WriteRune('_')
		case r > 0xFFFF:
			b.WriteString("__")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func uniqueTags(tags []string) []string {
	out := []string{}
	for _, t := range tags {
		if t = strings.TrimSpace(t); t != "" && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

func (p *Portal) createRoomLocked(w http.ResponseWriter, r *http.Request, u *Person) {
	if !u.isAdmin() && u.Type != RoomAdmin {
		forbidden(w, msgCannotCreate)
		return
	}
	b, ok := p.readRoomBody(w, r)
	if !ok {
		return
	}
	typ, ok := parseRoomType(b.RoomType)
	if !ok {
		p.invalid(w, r, "RoomType", "The RoomType field is required and must be a known room type.")
		return
	}
	if b.Title == nil || strings.TrimSpace(*b.Title) == "" {
		fail(w, http.StatusBadRequest, "The value cannot be an empty string. (Parameter 'title')", "System.ArgumentException")
		return
	}
	if b.Quota != nil && *b.Quota > p.portalQuota() {
		forbidden(w, "The room quota cannot be greater than the portal quota")
		return
	}
	if p.opts.MaxRooms > 0 && len(p.rooms) >= p.opts.MaxRooms {
		fail(w, http.StatusPaymentRequired, fmt.Sprintf("The number of rooms should not exceed %d", p.opts.MaxRooms), "ASC.Core.Tenants.TenantQuotaException")
		return
	}
	room := p.newRoomLocked(sanitizeTitle(*b.Title), typ, u.ID)
	p.applyRoomBodyLocked(room, b)
	// The create answer leaves the quota out even when one was set.
	p.ok(w, r, p.roomJSONLocked(room, u, false))
}

func (p *Portal) portalQuota() int64 {
	if p.opts.PortalQuota > 0 {
		return p.opts.PortalQuota
	}
	return DefaultPortalQuota
}

// applyRoomBodyLocked stores what the body sets (title already checked).
func (p *Portal) applyRoomBodyLocked(room *Room, b roomBody) {
	if b.Title != nil && strings.TrimSpace(*b.Title) != "" {
		room.Title = sanitizeTitle(*b.Title)
	}
	if b.Tags != nil {
		room.Tags = uniqueTags(*b.Tags)
	}
	if b.Color != nil {
		room.Color = strings.ToUpper(*b.Color)
		if room.Color == "" {
			room.Color = randomColor()
		}
	}
	if b.Quota != nil {
		room.Quota = max(*b.Quota, quotaDefault)
	}
	if b.Indexing != nil {
		room.Indexing = *b.Indexing
	}
	if b.DenyDownload != nil {
		room.DenyDownload = *b.DenyDownload
	}
	if b.Lifetime != nil {
		room.Lifetime = b.Lifetime.stored()
	}
	p.catalogAddLocked(room.Tags...)
	room.Updated = p.opts.Now()
}

// mayLocked answers 404 for a missing room and 403 with refusal when u lacks the right; it
// reports whether the request may go on.
func (p *Portal) mayLocked(w http.ResponseWriter, u *Person, room *Room, right func(roomRights) bool, refusal string) bool {
	switch {
	case room == nil:
		roomNotFound(w)
	case !right(p.rightsLocked(room, u)):
		forbidden(w, refusal)
	default:
		return true
	}
	return false
}

func canRead(r roomRights) bool    { return r.read }
func canArchive(r roomRights) bool { return r.archive }
func canRemove(r roomRights) bool  { return r.remove }

func (p *Portal) getRoomLocked(w http.ResponseWriter, r *http.Request, u *Person, room *Room) {
	if p.mayLocked(w, u, room, canRead, msgCannotView) {
		p.ok(w, r, p.roomJSONLocked(room, u, true))
	}
}

func (p *Portal) updateRoomLocked(w http.ResponseWriter, r *http.Request, u *Person, room *Room) {
	if room == nil {
		forbidden(w, msgFolderNotFound) // sic: 403, not 404, for update
		return
	}
	if !p.rightsLocked(room, u).edit {
		forbidden(w, msgCannotEdit)
		return
	}
	b, ok := p.readRoomBody(w, r)
	if !ok {
		return
	}
	if b.Quota != nil && *b.Quota > p.portalQuota() {
		forbidden(w, "The room quota cannot be greater than the portal quota")
		return
	}
	p.applyRoomBodyLocked(room, b)
	p.ok(w, r, p.roomJSONLocked(room, u, true))
}

// deleteAfterBody reads the optional {"deleteAfter": bool} of archive, unarchive and
// delete: a string or number is a 400; null is one too, except where nullOK (delete).
func (p *Portal) deleteAfterBody(w http.ResponseWriter, r *http.Request, nullOK bool) bool {
	var b struct {
		DeleteAfter json.RawMessage `json:"deleteAfter"`
	}
	if !p.bindBody(w, r, &b) {
		return false
	}
	var v bool
	switch raw := strings.TrimSpace(string(b.DeleteAfter)); {
	case raw == "", raw == "null" && nullOK:
		return true
	case raw == "null", json.Unmarshal(b.DeleteAfter, &v) != nil:
		p.invalid(w, r, "deleteAfter", "The JSON value could not be converted to System.Boolean.")
		return false
	}
	return true
}

func (p *Portal) archiveRoomLocked(w http.ResponseWriter, r *http.Request, u *Person, room *Room, archive bool) {
	if !p.deleteAfterBody(w, r, false) || !p.mayLocked(w, u, room, canRead, msgCannotView) || !p.mayLocked(w, u, room, canArchive, msgAccessDenied) {
		return
	}
	p.ok(w, r, p.startFileOpLocked(u, room.ID, map[bool]opKind{true: opArchive, false: opUnarchive}[archive]).json())
}

func (p *Portal) deleteRoomLocked(w http.ResponseWriter, r *http.Request, u *Person, room *Room) {
	if p.deleteAfterBody(w, r, true) && p.mayLocked(w, u, room, canRemove, msgAccessDenied) {
		p.ok(w, r, p.startFileOpLocked(u, room.ID, opDelete).json())
	}
}

func (p *Portal) listRoomsLocked(w http.ResponseWriter, r *http.Request, u *Person) {
	q := queryFold(r)
	area, count, start := 0, 100, 0
	for name, target := range map[string]*int{"searcharea": &area, "count": &count, "startindex": &start} {
		if v := q.Get(name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil {
				p.invalid(w, r, name, fmt.Sprintf("The value '%s' is not valid.", v))
				return
			}
			*target = n
		}
	}
	if area < searchActive || area > searchForms || count < 1 || count > 100 || start < 0 {
		p.invalid(w, r, "query", "A value is out of range (searchArea 0-8, count 1-100, startIndex 0 or more).")
		return
	}
	if !validSortOrder(q.Get("sortorder")) {
		p.invalid(w, r, "sortOrder", fmt.Sprintf("The value '%s' is not valid.", q.Get("sortorder")))
		return
	}
	var types []int
	for _, v := range q["type"] {
		n, err := strconv.Atoi(v)
		if err != nil || !slices.Contains(knownRoomTypes, n) {
			p.invalid(w, r, "type", fmt.Sprintf("The value '%s' is not valid.", v))
			return
		}
		types = append(types, n)
	}
	filter, owner := strings.ToLower(q.Get("filtervalue")), q.Get("subjectownerid")
	var matched []map[string]any
	for _, id := range p.sortedRoomIDsLocked() {
		room := p.rooms[id]
		switch {
		case !p.rightsLocked(room, u).read, !inSearchArea(room, area),
			len(types) > 0 && !slices.Contains(types, room.Type),
			filter != "" && !strings.Contains(strings.ToLower(room.Title), filter),
			owner != "" && !strings.EqualFold(room.OwnerID, owner):
			continue
		}
		matched = append(matched, p.roomJSONLocked(room, u, true))
	}
	page := []map[string]any{}
	if start < len(matched) {
		page = matched[start:min(start+count, len(matched))]
	}
	root := map[string]any{"id": roomsRootID, "title": "Rooms", "rootFolderType": rootActive}
	if area == 1 {
		root = map[string]any{"id": archiveRootID, "title": "Archive", "rootFolderType": rootArchive}
	}
	p.ok(w, r, map[string]any{"files": []any{}, "folders": page, "current": root, "pathParts": []any{root},
		"startIndex": start, "count": len(page), "total": len(matched), "new": 0})
}

// Search areas of GET rooms. Current servers keep form-filling rooms apart: they are listed
// under Forms and Any, not under Active; the areas in between (recent by links, templates,
// knowledge, result storage, AI agents) hold no rooms here.
const (
	searchActive  = 0
	searchArchive = 1
	searchAny     = 2
	searchForms   = 8
)

func inSearchArea(room *Room, area int) bool {
	switch area {
	case searchActive:
		return !room.Archived && room.Type != RoomFormFilling
	case searchArchive:
		return room.Archived
	case searchAny:
		return true
	case searchForms:
		return !room.Archived && room.Type == RoomFormFilling
	}
	return false
}

// validSortOrder is ASP.NET's binding of SortOrder: a number or a name, any case.
func validSortOrder(v string) bool {
	switch strings.ToLower(v) {
	case "", "0", "1", "ascending", "descending":
		return true
	}
	return false
}

// queryFold is the query with lower-case names (ASP.NET binds them case-insensitively).
func queryFold(r *http.Request) url.Values {
	out := url.Values{}
	for k, v := range r.URL.Query() {
		out[strings.ToLower(k)] = append(out[strings.ToLower(k)], v...)
	}
	return out
}
