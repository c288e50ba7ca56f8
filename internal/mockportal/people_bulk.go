package mockportal

import (
	"net/http"
	"strings"
)

// People lists by status, search, bulk removal and resent invitations (README.md, "People
// and groups").

// EmployeeStatus values, as routes and filters take them.
const (
	statusActive     = 1
	statusTerminated = 2
	statusPending    = 4
	statusDefault    = 5 // active or pending
	statusAll        = 7
)

var employeeStatuses = map[string]int{"1": statusActive, "active": statusActive, "2": statusTerminated, "terminated": statusTerminated,
	"4": statusPending, "pending": statusPending, "5": statusDefault, "default": statusDefault, "7": statusAll, "all": statusAll}

// listUsersByStatusLocked is GET /people/status/{status}: the filter with the route's
// status (room admins asking for disabled accounts get an empty list).
func (p *Portal) listUsersByStatusLocked(w http.ResponseWriter, r *http.Request, caller *Person, status string) {
	s, ok := employeeStatuses[status]
	if !ok {
		p.invalid(w, r, "status", "The value '"+status+"' is not valid.")
		return
	}
	p.listUsersLocked(w, r, caller, userList{status: s})
}

// searchUsersLocked is GET /people/search?query= and /people/@search/{query}: active
// accounts whose name or email contains every word, for admins only, not paged.
func (p *Portal) searchUsersLocked(w http.ResponseWriter, r *http.Request, caller *Person, query string) {
	if !caller.isAdmin() {
		forbidden(w, msgAccessDenied)
		return
	}
	out := []map[string]any{}
	for _, id := range p.userOrder {
		u := p.users[id]
		if u.status() == statusActive && allWordsIn(strings.ToLower(query), strings.ToLower(u.FirstName+" "+u.LastName+" "+u.Email)) {
			out = append(out, p.employeeFullLocked(u, caller))
		}
	}
	p.ok(w, r, out)
}

// deleteUsersLocked is PUT /people/delete: every listed account must be disabled first
// (403 "Users are not suspended" otherwise, nothing removed); a DocSpace admin's removal
// by someone other than the Owner is skipped without a word. The answer lists every
// account it resolved, removed or skipped, as it was.
func (p *Portal) deleteUsersLocked(w http.ResponseWriter, r *http.Request, caller *Person) {
	var b userIDsBody
	if !p.bindBody(w, r, &b) {
		return
	}
	switch {
	case !caller.isAdmin():
		forbidden(w, msgAccessDenied)
		return
	case b.UserIDs == nil:
		badArgument(w, "Value cannot be null. (Parameter 'inDto?.UserIds')")
		return
	}
	var targets []*Person
	for _, id := range *b.UserIDs {
		if u := p.users[strings.ToLower(id)]; u != nil && u.Type != Owner {
			if !u.Disabled {
				forbidden(w, "Users are not suspended")
				return
			}
			targets = append(targets, u)
		}
	}
	out := []map[string]any{}
	for _, u := range targets {
		out = append(out, p.employeeFullLocked(u, caller))
		if u.Type != DocSpaceAdmin || caller.Type == Owner {
			p.removeUserLocked(u.ID)
		}
	}
	p.ok(w, r, out)
}

// resendInvitationsLocked is PUT /people/invite: invitations go out again to the listed
// pending accounts (or every one with resendAll); active and disabled ones are skipped.
// Users and guests may only resend their own, never all.
func (p *Portal) resendInvitationsLocked(w http.ResponseWriter, r *http.Request, caller *Person) {
	var b struct {
		UserIDs   []string `json:"userIds"`
		ResendAll bool     `json:"resendAll"`
	}
	if !p.bindBody(w, r, &b) {
		return
	}
	inviter := caller.isAdmin() || caller.Type == RoomAdmin
	ids := b.UserIDs
	if b.ResendAll {
		if !inviter {
			forbidden(w, msgAccessDenied)
			return
		}
		ids = nil
		for _, id := range p.userOrder {
			if p.users[id].Pending {
				ids = append(ids, id)
			}
		}
	}
	out := []map[string]any{}
	for _, id := range ids {
		u := p.users[strings.ToLower(id)]
		switch {
		case u == nil:
			continue
		case !inviter && u.ID != caller.ID:
			forbidden(w, msgAccessDenied)
			return
		case p.canSeeLocked(caller, u):
			out = append(out, p.employeeFullLocked(u, caller))
		}
	}
	p.ok(w, r, out)
}
