package mockportal

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// Groups: /api/2.0/group and its sub-paths (README.md, "People and groups").

const (
	msgGroupNotFound = "The group could not be found"
	maxGroupName     = 128
	zeroGUID         = "00000000-0000-0000-0000-000000000000"
)

func groupNotFound(w http.ResponseWriter) {
	fail(w, http.StatusNotFound, msgGroupNotFound, "ASC.Common.Web.ItemNotFoundException")
}

func (g *Group) addMember(id string) {
	if !slices.Contains(g.Members, id) {
		g.Members = append(g.Members, id)
	}
}

// removeMember drops a member; removing the manager also clears the manager.
func (g *Group) removeMember(id string) {
	g.Members = slices.DeleteFunc(g.Members, func(m string) bool { return m == id })
	if g.Manager == id {
		g.Manager = ""
	}
}

// memberCandidateLocked is the account id names if it can be a group member: it exists,
// is not disabled and is no guest.
func (p *Portal) memberCandidateLocked(id string) *Person {
	u := p.users[id]
	if u == nil || u.Disabled || u.Type == Guest {
		return nil
	}
	return u
}

// listedMembersLocked are the members DocSpace reports: disabled ones are left out (and
// come back when enabled).
func (p *Portal) listedMembersLocked(g *Group) []*Person {
	var out []*Person
	for _, id := range g.Members {
		if u := p.users[id]; u != nil && !u.Disabled {
			out = append(out, u)
		}
	}
	return out
}

func (p *Portal) sortedGroupsLocked() []*Group {
	out := make([]*Group, 0, len(p.groups))
	for _, g := range p.groups {
		out = append(out, g)
	}
	slices.SortFunc(out, func(a, b *Group) int {
		if c := strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out
}

// groupSummaryLocked is GroupSummaryDto: the manager as a user name.
func (p *Portal) groupSummaryLocked(g *Group) map[string]any {
	out := map[string]any{"id": g.ID, "name": g.Name}
	if m := p.users[g.Manager]; m != nil {
		out["manager"] = m.UserName
	}
	return out
}

// groupJSONLocked is GroupDto, with members when asked for.
func (p *Portal) groupJSONLocked(g *Group, caller *Person, withMembers bool) map[string]any {
	listed := p.listedMembersLocked(g)
	out := map[string]any{"id": g.ID, "name": g.Name, "parent": zeroGUID, "category": zeroGUID, "isLDAP": false, "membersCount": len(listed)}
	if m := p.users[g.Manager]; m != nil {
		out["manager"] = p.employeeFullLocked(m, caller)
	}
	if withMembers {
		members := []map[string]any{}
		for _, u := range listed {
			members = append(members, p.employeeFullLocked(u, caller))
		}
		out["members"] = members
	}
	return out
}

// serveGroupAPI serves /api/2.0/group. rest is "" or "/…", lower-cased.
func (p *Portal) serveGroupAPI(w http.ResponseWriter, r *http.Request, rest string) {
	p.serveAuthenticatedLocked(w, r, rest, p.routeGroupLocked)
}

func (p *Portal) routeGroupLocked(w http.ResponseWriter, r *http.Request, u *Person, sub string) {
	parts, m := strings.Split(sub, "/"), r.Method
	switch {
	case sub == "" && m == http.MethodGet:
		p.listGroupsLocked(w, r, u)
	case sub == "" && m == http.MethodPost:
		p.createGroupLocked(w, r, u)
	case len(parts) == 2 && parts[0] == "user" && m == http.MethodGet:
		p.userGroupsLocked(w, r, u, parts[1])
	case len(parts) == 3 && parts[1] == "members" && guidRE.MatchString(parts[0]) && guidRE.MatchString(parts[2]) && m == http.MethodPut:
		p.moveGroupMembersLocked(w, r, u, parts[0], parts[2])
	case !guidRE.MatchString(parts[0]) || len(parts) > 2:
		notFoundPage(w) // the {id:guid} route does not match
	case len(parts) == 1:
		p.serveGroupLocked(w, r, u, parts[0])
	case parts[1] == "members" && m != http.MethodGet:
		p.groupMembersLocked(w, r, u, parts[0])
	case parts[1] == "manager" && m == http.MethodPut:
		p.setGroupManagerLocked(w, r, u, parts[0])
	default:
		notFoundPage(w)
	}
}

func (p *Portal) serveGroupLocked(w http.ResponseWriter, r *http.Request, u *Person, id string) {
	switch r.Method {
	case http.MethodGet:
		p.getGroupLocked(w, r, u, id)
	case http.MethodPut:
		p.updateGroupLocked(w, r, u, id)
	case http.MethodDelete:
		p.deleteGroupLocked(w, u, id)
	default:
		notFoundPage(w)
	}
}

// groupBody is GroupRequestDto and UpdateGroupRequest. The manager stays raw: null, ""
// and numbers are refused, not read as "none".
type groupBody struct {
	GroupName       *string          `json:"groupName"`
	GroupManager    *json.RawMessage `json:"groupManager"`
	Members         *[]string        `json:"members"`
	MembersToAdd    *[]string        `json:"membersToAdd"`
	MembersToRemove *[]string        `json:"membersToRemove"`
}

// readGroupBody binds and validates a group body; manager is the manager's id, "" when
// not sent or the zero GUID.
func (p *Portal) readGroupBody(w http.ResponseWriter, r *http.Request, create bool) (b groupBody, manager string, ok bool) {
	if !p.bindBody(w, r, &b) {
		return b, "", false
	}
	if b.GroupManager != nil {
		if json.Unmarshal(*b.GroupManager, &manager) != nil || !guidRE.MatchString(strings.ToLower(manager)) {
			p.invalid(w, r, "GroupManager", "The JSON value could not be converted to System.Guid.")
			return b, "", false
		}
		manager = strings.ToLower(manager)
		if manager == zeroGUID {
			manager = ""
		}
	}
	switch {
	case create && b.GroupName == nil:
		p.invalid(w, r, "GroupName", "The GroupName field is required.")
		return b, "", false
	case b.GroupName != nil && len([]rune(*b.GroupName)) > maxGroupName:
		p.invalid(w, r, "GroupName", fmt.Sprintf("The field GroupName must be a string with a maximum length of %d.", maxGroupName))
		return b, "", false
	}
	return b, manager, true
}

func (p *Portal) listGroupsLocked(w http.ResponseWriter, r *http.Request, caller *Person) {
	if !caller.isAdmin() && caller.Type != RoomAdmin {
		forbidden(w, msgAccessDenied)
		return
	}
	q := queryFold(r)
	count, start := 100, 0
	for name, target := range map[string]*int{"count": &count, "startindex": &start} {
		if v := q.Get(name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 || (name == "count" && (n < 1 || n > 100)) {
				p.invalid(w, r, name, fmt.Sprintf("The value '%s' is not valid.", v))
				return
			}
			*target = n
		}
	}
	text, member := strings.ToLower(q.Get("filtervalue")), q.Get("userid")
	managed := strings.EqualFold(q.Get("manager"), "true")
	var matched []map[string]any
	for _, g := range p.sortedGroupsLocked() {
		switch {
		case text != "" && !strings.Contains(strings.ToLower(g.Name), text),
			member != "" && !slices.Contains(g.Members, member),
			member != "" && managed && g.Manager != member:
			continue
		}
		matched = append(matched, p.groupJSONLocked(g, caller, false))
	}
	page := []map[string]any{}
	if start < len(matched) {
		page = matched[start:min(start+count, len(matched))]
	}
	p.okList(w, r, page, len(matched))
}

func (p *Portal) getGroupLocked(w http.ResponseWriter, r *http.Request, caller *Person, id string) {
	g := p.groups[id]
	switch {
	case !caller.isAdmin() && caller.Type != RoomAdmin:
		forbidden(w, msgAccessDenied)
	case g == nil:
		groupNotFound(w)
	default:
		p.ok(w, r, p.groupJSONLocked(g, caller, !strings.EqualFold(queryFold(r).Get("includemembers"), "false")))
	}
}

func (p *Portal) createGroupLocked(w http.ResponseWriter, r *http.Request, caller *Person) {
	b, manager, ok := p.readGroupBody(w, r, true)
	if !ok {
		return
	}
	members := slices.Clone(derefIDs(b.Members))
	if manager != "" {
		members = append(members, manager)
	}
	switch {
	case !caller.isAdmin():
		forbidden(w, msgAccessDenied)
		return
	case strings.TrimSpace(*b.GroupName) == "":
		badArgument(w, "The group name cannot be empty")
		return
	}
	for _, id := range members {
		if p.memberCandidateLocked(strings.ToLower(id)) == nil {
			badArgument(w, msgUserNotFound) // nothing is created
			return
		}
	}
	g := &Group{ID: NewGUID(), Name: *b.GroupName, Manager: manager}
	for _, id := range members {
		g.addMember(strings.ToLower(id))
	}
	p.addGroupLocked(g)
	p.ok(w, r, p.groupJSONLocked(g, caller, true))
}

// updateGroupLocked renames, sets the manager and adds and removes members, skipping
// silently whatever is not a valid member; an id in both lists ends up removed.
func (p *Portal) updateGroupLocked(w http.ResponseWriter, r *http.Request, caller *Person, id string) {
	b, manager, ok := p.readGroupBody(w, r, false)
	if !ok {
		return
	}
	g := p.editableGroupLocked(w, caller, id)
	if g == nil {
		return
	}
	if b.GroupName != nil {
		g.Name = *b.GroupName
	}
	if manager != "" && p.memberCandidateLocked(manager) != nil {
		g.Manager = manager
		g.addMember(manager)
	}
	p.addMembersLocked(g, derefIDs(b.MembersToAdd))
	for _, m := range derefIDs(b.MembersToRemove) {
		g.removeMember(strings.ToLower(m))
	}
	p.ok(w, r, p.groupJSONLocked(g, caller, true))
}

func (p *Portal) addMembersLocked(g *Group, ids []string) {
	for _, m := range ids {
		if p.memberCandidateLocked(strings.ToLower(m)) != nil {
			g.addMember(strings.ToLower(m))
		}
	}
}

// deleteGroupLocked answers 204 with no body, unlike every other endpoint; the group's
// room shares go with it.
func (p *Portal) deleteGroupLocked(w http.ResponseWriter, caller *Person, id string) {
	if p.editableGroupLocked(w, caller, id) == nil {
		return
	}
	delete(p.groups, id)
	for _, room := range p.rooms {
		delete(room.Members, id)
	}
	w.WriteHeader(http.StatusNoContent)
}

// editableGroupLocked is the group a write names, or nil with the answer given: only
// admins change groups (403, checked first), and the group must exist (404).
func (p *Portal) editableGroupLocked(w http.ResponseWriter, caller *Person, id string) *Group {
	g := p.groups[id]
	switch {
	case !caller.isAdmin():
		forbidden(w, msgAccessDenied)
		return nil
	case g == nil:
		groupNotFound(w)
	}
	return g
}

// groupMembersLocked: PUT adds, DELETE removes, POST replaces every listed member (the
// manager included, so the group loses its manager) and cannot empty a group.
func (p *Portal) groupMembersLocked(w http.ResponseWriter, r *http.Request, caller *Person, id string) {
	var b struct {
		Members *[]string `json:"members"`
	}
	if !p.bindBody(w, r, &b) {
		return
	}
	ids := derefIDs(b.Members)
	if r.Method == http.MethodPost && !slices.ContainsFunc(ids, func(m string) bool { return p.memberCandidateLocked(strings.ToLower(m)) != nil }) {
		badArgument(w, "Members")
		return
	}
	g := p.editableGroupLocked(w, caller, id)
	if g == nil {
		return
	}
	switch r.Method {
	case http.MethodPut:
		p.addMembersLocked(g, ids)
	case http.MethodDelete:
		for _, m := range ids {
			g.removeMember(strings.ToLower(m))
		}
	case http.MethodPost:
		for _, u := range p.listedMembersLocked(g) {
			g.removeMember(u.ID)
		}
		p.addMembersLocked(g, ids)
	}
	p.ok(w, r, p.groupJSONLocked(g, caller, true))
}

// setGroupManagerLocked: a disabled user or a guest is silently not made manager.
func (p *Portal) setGroupManagerLocked(w http.ResponseWriter, r *http.Request, caller *Person, id string) {
	var b struct {
		UserID string `json:"userId"`
	}
	if !p.bindBody(w, r, &b) {
		return
	}
	g, u := p.groups[id], p.users[strings.ToLower(b.UserID)]
	switch {
	case g == nil:
		groupNotFound(w)
		return
	case u == nil:
		userNotFound(w)
		return
	case !caller.isAdmin():
		forbidden(w, msgAccessDenied)
		return
	}
	if p.memberCandidateLocked(u.ID) != nil {
		g.Manager = u.ID
		g.addMember(u.ID)
	}
	p.ok(w, r, p.groupJSONLocked(g, caller, true))
}

// Group returns a copy of a group's state.
func (p *Portal) Group(id string) (Group, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	g, ok := p.groups[id]
	if !ok {
		return Group{}, false
	}
	c := *g
	c.Members = slices.Clone(g.Members)
	return c, true
}

// ChangeGroup changes a group out of band, as an admin in the UI would. change runs
// under the portal's lock: it must not call the portal.
func (p *Portal) ChangeGroup(id string, change func(*Group)) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if g, ok := p.groups[id]; ok {
		change(g)
	}
}

// DeleteGroupNow deletes a group at once, as if deleted in the UI.
func (p *Portal) DeleteGroupNow(id string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.groups, id)
}

// userGroupsLocked is GET group/user/{userid}: the user-defined groups the account is in,
// as summaries; an unknown id is an empty list, not a 404.
func (p *Portal) userGroupsLocked(w http.ResponseWriter, r *http.Request, caller *Person, userID string) {
	if !caller.isAdmin() && caller.Type != RoomAdmin {
		forbidden(w, msgAccessDenied)
		return
	}
	out := []map[string]any{}
	for _, g := range p.sortedGroupsLocked() {
		if slices.Contains(g.Members, userID) {
			out = append(out, p.groupSummaryLocked(g))
		}
	}
	p.ok(w, r, out)
}

// moveGroupMembersLocked is PUT group/{from}/members/{to}: every active or pending member
// of from joins to (when it may be a member) and leaves from; the answer is to.
func (p *Portal) moveGroupMembersLocked(w http.ResponseWriter, r *http.Request, caller *Person, fromID, toID string) {
	from := p.editableGroupLocked(w, caller, fromID)
	if from == nil {
		return
	}
	to := p.editableGroupLocked(w, caller, toID)
	if to == nil {
		return
	}
	for _, id := range slices.Clone(from.Members) {
		if u := p.users[id]; u == nil || u.Disabled {
			continue
		}
		if p.memberCandidateLocked(id) != nil && !slices.Contains(to.Members, id) {
			to.Members = append(to.Members, id)
		}
		from.removeMember(id)
	}
	p.ok(w, r, p.groupJSONLocked(to, caller, true))
}
