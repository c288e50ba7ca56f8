package mockportal

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// People: /api/2.0/people and its sub-paths (README.md, "People and groups").

const (
	msgUserNotFound  = "The user could not be found"
	msgDuplicateUser = "User with this email is already registered"
	msgBadName       = "Incorrect firstname or lastname"
	msgNotSuspended  = "The user is not suspended"
	maxPersonField   = 255
	// minPasswordLength is the default password policy's minimum.
	minPasswordLength = 8
)

var (
	// personNameRE is DocSpace's default name rule: letters, marks, apostrophe, space, hyphen.
	personNameRE = regexp.MustCompile(`^[\p{L}\p{M}' \-]+$`)
	emailRE      = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)
)

// employeeTypes are EmployeeType's names and numbers; "all" (0) is no type.
var employeeTypes = map[string]Role{"0": "", "all": "", "1": RoomAdmin, "roomadmin": RoomAdmin, "2": Guest, "guest": Guest,
	"3": DocSpaceAdmin, "docspaceadmin": DocSpaceAdmin, "4": User, "user": User}

// typeRank orders types the way DocSpace raises them: Guest < User < RoomAdmin < DocSpaceAdmin.
var typeRank = map[Role]int{Guest: 1, User: 2, RoomAdmin: 3, DocSpaceAdmin: 4, Owner: 5}

// parseEmployeeType reads a type sent as a JSON name or number (absent is "all").
func parseEmployeeType(raw json.RawMessage) (Role, bool) {
	if len(raw) == 0 {
		return "", true
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		s = string(raw)
	}
	role, ok := employeeTypes[strings.ToLower(s)]
	return role, ok
}

func userNotFound(w http.ResponseWriter) {
	fail(w, http.StatusNotFound, msgUserNotFound, "ASC.Common.Web.ItemNotFoundException")
}

func badArgument(w http.ResponseWriter, message string) {
	fail(w, http.StatusBadRequest, message, "System.ArgumentException")
}

func quotaExceeded(w http.ResponseWriter, used, limit int) {
	fail(w, http.StatusPaymentRequired, fmt.Sprintf("The number of admins exceeds the limit: %d/%d.", used+1, limit), "ASC.Core.Tenants.TenantQuotaException")
}

// servePeopleAPI serves /api/2.0/people. rest is "" or "/…", lower-cased.
func (p *Portal) servePeopleAPI(w http.ResponseWriter, r *http.Request, rest string) {
	p.serveAuthenticatedLocked(w, r, rest, p.routePeopleLocked)
}

// serveAuthenticatedLocked serves an area whose prefix has no trailing slash (rest is ""
// or "/…"): the caller must be known, and route runs under the portal's lock with the
// path below the prefix.
func (p *Portal) serveAuthenticatedLocked(w http.ResponseWriter, r *http.Request, rest string, route func(http.ResponseWriter, *http.Request, *Person, string)) {
	sub, isSub := strings.CutPrefix(rest, "/")
	if rest != "" && !isSub {
		notFoundPage(w)
		return
	}
	u, ok := p.authenticated(w, r)
	if !ok {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.settleTypeJobsLocked()
	route(w, r, u, sub)
}

func (p *Portal) routePeopleLocked(w http.ResponseWriter, r *http.Request, u *Person, sub string) {
	parts, m := strings.Split(sub, "/"), r.Method
	switch {
	case sub == "" && m == http.MethodPost:
		p.createUserLocked(w, r, u)
	case sub == "invite" && m == http.MethodPost:
		p.inviteUsersLocked(w, r, u)
	case sub == "invite" && m == http.MethodPut:
		p.resendInvitationsLocked(w, r, u)
	case sub == "active" && m == http.MethodPost:
		p.createAccountLocked(w, r, u, mayCreateActiveType)
	case sub == "delete" && m == http.MethodPut:
		p.deleteUsersLocked(w, r, u)
	case sub == "" && m == http.MethodGet:
		p.listUsersLocked(w, r, u, userList{status: statusActive})
	case sub == "simple/filter" && m == http.MethodGet:
		p.listUsersLocked(w, r, u, userList{short: true})
	case len(parts) == 2 && parts[0] == "status" && m == http.MethodGet:
		p.listUsersByStatusLocked(w, r, u, parts[1])
	case sub == "search" && m == http.MethodGet:
		p.searchUsersLocked(w, r, u, queryFold(r).Get("query"))
	case len(parts) == 2 && parts[0] == "@search" && m == http.MethodGet:
		p.searchUsersLocked(w, r, u, parts[1])
	case (sub == "userquota" || sub == "resetquota") && m == http.MethodPut:
		p.setUserQuotaLocked(w, r, u, sub == "resetquota")
	case sub == "type/terminate" && m == http.MethodPut:
		p.terminateTypeChangeLocked(w, r, u)
	case sub == "@self" && m == http.MethodGet:
		p.ok(w, r, p.employeeFullLocked(u, u))
	case sub == "email" && m == http.MethodGet:
		p.getUserByEmailLocked(w, r, u)
	case sub == "exists" && m == http.MethodGet:
		p.userExistsLocked(w, r)
	case sub == "email" && m == http.MethodPost:
		p.changeEmailLocked(w, r, u)
	case sub == "filter" && m == http.MethodGet:
		p.listUsersLocked(w, r, u, userList{})
	case sub == "type" && m == http.MethodPost:
		p.startTypeChangeLocked(w, r, u)
	case len(parts) == 3 && parts[0] == "type" && parts[1] == "progress" && m == http.MethodGet:
		p.typeProgressLocked(w, r, u, parts[2])
	case len(parts) == 2 && parts[0] == "type" && m == http.MethodPut:
		p.setTypeLocked(w, r, u, parts[1])
	case len(parts) == 2 && parts[0] == "status" && m == http.MethodPut:
		p.setStatusLocked(w, r, u, parts[1])
	case len(parts) == 1 && sub != "" && m == http.MethodGet:
		p.getUserLocked(w, r, u, p.userByNameLocked(sub), p.users[sub])
	case len(parts) == 1 && sub != "" && m == http.MethodPut:
		p.updateUserLocked(w, r, u, p.userByIDOrNameLocked(sub))
	case len(parts) == 1 && sub != "" && m == http.MethodDelete:
		p.deleteUserLocked(w, r, u, sub)
	default:
		notFoundPage(w)
	}
}

// userByIDOrNameLocked resolves {userid} the way PUT and DELETE do: GUID first.
func (p *Portal) userByIDOrNameLocked(s string) *Person {
	if u, ok := p.users[s]; ok {
		return u
	}
	return p.userByNameLocked(s)
}

// memberBody is the create body (MemberRequestDto) and the update body.
type memberBody struct {
	Email     *string         `json:"email"`
	FirstName *string         `json:"firstName"`
	LastName  *string         `json:"lastName"`
	Type      json.RawMessage `json:"type"`
	Password  *string         `json:"password"`
	Disable   *bool           `json:"disable"`
	IsUser    *bool           `json:"isUser"`
}

// validate is model validation: each field's length on its own, the email's format;
// prefix names the keys. Every failing field is reported; nil when none fails.
func (b memberBody) validate(prefix string) map[string][]string {
	errs := map[string][]string{}
	for _, f := range []struct {
		name string
		v    *string
	}{{"Email", b.Email}, {"FirstName", b.FirstName}, {"LastName", b.LastName}} {
		if f.v != nil && len([]rune(*f.v)) > maxPersonField {
			errs[prefix+f.name] = append(errs[prefix+f.name], fmt.Sprintf("The field %s must be a string with a maximum length of %d.", f.name, maxPersonField))
		}
	}
	if b.Email != nil && !emailRE.MatchString(*b.Email) {
		errs[prefix+"Email"] = append(errs[prefix+"Email"], "The Email field is not a valid e-mail address.")
	}
	if len(errs) == 0 {
		return nil
	}
	return errs
}

func validNames(first, last string) bool {
	return personNameRE.MatchString(first) && (last == "" || personNameRE.MatchString(last))
}

// freeSeatsLocked is how many more paid accounts (admins and room admins) the plan allows.
func (p *Portal) freeSeatsLocked() (used, free int) {
	for _, u := range p.users {
		if u.paid() && !u.Disabled {
			used++
		}
	}
	if p.opts.PaidSeats <= 0 {
		return used, 1 << 30
	}
	return used, max(p.opts.PaidSeats-used, 0)
}

// seatLeftLocked reports whether one more paid account fits, answering 402 when not.
func (p *Portal) seatLeftLocked(w http.ResponseWriter) bool {
	used, free := p.freeSeatsLocked()
	if free == 0 {
		quotaExceeded(w, used, p.opts.PaidSeats)
	}
	return free > 0
}

// mayCreateType is POST /people's permission ladder for a new account's type.
func mayCreateType(caller *Person, t Role) bool {
	switch {
	case caller.Type == RoomAdmin:
		return t == User
	case !caller.isAdmin(), t == Guest:
		return false
	case t == DocSpaceAdmin:
		return caller.Type == Owner
	}
	return true
}

// invitationsAllowLocked applies the portal's invitation settings to a new account of type
// t: members (every type but guests) and guests can each be switched off.
func (p *Portal) invitationsAllowLocked(t Role) bool {
	if t == Guest {
		return p.settings.Invitation.Guests
	}
	return p.settings.Invitation.Members
}

// mayCreateActiveType is POST /people/active's ladder: the same, except that guests may be
// created (by room admins too), which POST /people never allows.
func mayCreateActiveType(caller *Person, t Role) bool {
	if t == Guest {
		return caller.isAdmin() || caller.Type == RoomAdmin
	}
	return mayCreateType(caller, t)
}

func (p *Portal) createUserLocked(w http.ResponseWriter, r *http.Request, caller *Person) {
	p.createAccountLocked(w, r, caller, mayCreateType)
}

// createAccountLocked is POST /people and POST /people/active; may is the type ladder.
func (p *Portal) createAccountLocked(w http.ResponseWriter, r *http.Request, caller *Person, may func(*Person, Role) bool) {
	var b memberBody
	if !p.bindBody(w, r, &b) {
		return
	}
	t, typeOK := parseEmployeeType(b.Type)
	switch errs := b.validate(""); {
	case !typeOK:
		p.invalid(w, r, "Type", "The JSON value could not be converted to ASC.Core.Users.EmployeeType.")
		return
	case errs != nil:
		p.invalidFields(w, r, errs)
		return
	case b.FirstName == nil:
		p.invalid(w, r, "FirstName", "The FirstName field is required.")
		return
	case b.Email == nil:
		badArgument(w, "Value cannot be null. (Parameter 'email')")
		return
	}
	if t == "" {
		t = RoomAdmin // "all" makes a room admin when an admin asks
		if caller.Type == RoomAdmin {
			t = ""
		}
	}
	last := ""
	if b.LastName != nil {
		last = *b.LastName
	}
	switch {
	case !may(caller, t), !p.invitationsAllowLocked(t):
		forbidden(w, msgAccessDenied)
	case b.Password != nil && len([]rune(*b.Password)) < minPasswordLength:
		badArgument(w, fmt.Sprintf("The password is too short: the portal's password policy asks for at least %d characters", minPasswordLength))
	case !validNames(*b.FirstName, last):
		badArgument(w, msgBadName)
	case p.userByEmailLocked(*b.Email) != nil:
		badArgument(w, msgDuplicateUser)
	default:
		if _, free := p.freeSeatsLocked(); (t == RoomAdmin || t == DocSpaceAdmin) && free == 0 {
			t = User // no paid seat left: DocSpace still creates the account, as a user
		}
		u := &Person{ID: NewGUID(), Email: *b.Email, FirstName: *b.FirstName, LastName: last, Type: t, CreatedBy: caller.ID}
		if b.Password != nil {
			u.Password = *b.Password
		}
		p.addUserLocked(u)
		p.ok(w, r, p.employeeFullLocked(u, caller))
	}
}

type inviteBody struct {
	Invitations *[]struct {
		Email string          `json:"email"`
		Type  json.RawMessage `json:"type"`
	} `json:"invitations"`
}

// mayInviteType: room admins invite users; DocSpace admins room admins and users too; only
// the Owner invites DocSpace admins; nobody invites guests this way.
func mayInviteType(caller *Person, t Role) bool {
	switch t {
	case DocSpaceAdmin:
		return caller.Type == Owner
	case RoomAdmin:
		return caller.isAdmin()
	case User:
		return caller.isAdmin() || caller.Type == RoomAdmin
	}
	return false
}

func (p *Portal) inviteUsersLocked(w http.ResponseWriter, r *http.Request, caller *Person) {
	var b inviteBody
	if !p.bindBody(w, r, &b) {
		return
	}
	if b.Invitations == nil {
		p.invalid(w, r, "Invitations", "The Invitations field is required.")
		return
	}
	invitations, paid := *b.Invitations, 0
	for i, inv := range invitations {
		t, ok := parseEmployeeType(inv.Type)
		switch {
		case len([]rune(inv.Email)) > maxPersonField:
			p.invalid(w, r, fmt.Sprintf("Invitations[%d].Email", i), "The field Email must be a string or array type with a maximum length of '255'.")
			return
		case !ok:
			p.invalid(w, r, fmt.Sprintf("Invitations[%d].Type", i), "The JSON value could not be converted to ASC.Core.Users.EmployeeType.")
			return
		case t == RoomAdmin || t == DocSpaceAdmin:
			paid++
		}
	}
	if !caller.isAdmin() && caller.Type != RoomAdmin || !p.settings.Invitation.Members {
		forbidden(w, msgAccessDenied)
		return
	}
	if used, free := p.freeSeatsLocked(); paid > free {
		quotaExceeded(w, used, p.opts.PaidSeats)
		return
	}
	// One by one, as DocSpace does: what was done before a failure stays done.
	for _, inv := range invitations {
		t, _ := parseEmployeeType(inv.Type)
		if t == "" {
			t = User
		}
		switch existing := p.userByEmailLocked(inv.Email); {
		case !emailRE.MatchString(inv.Email):
			badArgument(w, "Incorrect email")
			return
		case !mayInviteType(caller, t):
			forbidden(w, msgAccessDenied)
			return
		case existing != nil && existing.Disabled:
			badArgument(w, "User disabled: "+inv.Email)
			return
		case existing != nil:
			if typeRank[t] > typeRank[existing.Type] {
				existing.Type = t
			}
		default:
			p.addUserLocked(&Person{ID: NewGUID(), Email: inv.Email, Type: t, Pending: true, CreatedBy: caller.ID})
		}
	}
	// The answer lists every account still waiting for activation, not just these.
	pending := []map[string]any{}
	for _, id := range p.userOrder {
		if u := p.users[id]; !u.Activated && p.canSeeLocked(caller, u) {
			pending = append(pending, u.employee())
		}
	}
	p.ok(w, r, pending)
}

func (p *Portal) getUserLocked(w http.ResponseWriter, r *http.Request, caller *Person, byName, byID *Person) {
	u := byName
	if u == nil {
		u = byID
	}
	switch {
	case u == nil:
		userNotFound(w)
	case !p.canSeeLocked(caller, u):
		forbidden(w, msgAccessDenied)
	default:
		p.ok(w, r, p.employeeFullLocked(u, caller))
	}
}

// userExistsLocked is GET people/exists?email=: whether an account has that address, and
// its status, without any visibility check.
func (p *Portal) userExistsLocked(w http.ResponseWriter, r *http.Request) {
	u := p.userByEmailLocked(queryFold(r).Get("email"))
	if u == nil {
		p.ok(w, r, map[string]any{"exists": false})
		return
	}
	p.ok(w, r, map[string]any{"exists": true, "status": u.status()})
}

func (p *Portal) getUserByEmailLocked(w http.ResponseWriter, r *http.Request, caller *Person) {
	email := queryFold(r).Get("email")
	switch {
	case email == "":
		p.invalid(w, r, "Email", "The Email field is required.")
	case !emailRE.MatchString(email):
		p.invalid(w, r, "Email", "The Email field is not a valid e-mail address.")
	default:
		u := p.userByEmailLocked(email)
		p.getUserLocked(w, r, caller, u, nil)
	}
}

// updateUserLocked is PUT /people/{id}: on yourself it changes your profile; on someone
// else (admins) it applies only disable and isUser and silently ignores the rest.
func (p *Portal) updateUserLocked(w http.ResponseWriter, r *http.Request, caller, u *Person) {
	var b memberBody
	if !p.bindBody(w, r, &b) {
		return
	}
	if errs := b.validate("UpdateMember."); errs != nil {
		p.invalidFields(w, r, errs)
		return
	}
	self := u != nil && u.ID == caller.ID
	switch {
	case u == nil:
		userNotFound(w)
		return
	case !self && (!caller.isAdmin() || u.Type == Owner || (u.Type == DocSpaceAdmin && caller.Type != Owner)):
		forbidden(w, msgAccessDenied)
		return
	case self:
		first, last := u.FirstName, u.LastName
		if b.FirstName != nil {
			first = *b.FirstName
		}
		if b.LastName != nil {
			last = *b.LastName
		}
		if !validNames(first, last) {
			badArgument(w, msgBadName)
			return
		}
		u.FirstName, u.LastName = first, last
	default:
		if !p.applyAdminUpdateLocked(w, u, b) {
			return
		}
	}
	p.ok(w, r, p.employeeFullLocked(u, caller))
}

// applyAdminUpdateLocked applies what an admin may change on someone else's profile.
func (p *Portal) applyAdminUpdateLocked(w http.ResponseWriter, u *Person, b memberBody) bool {
	if b.Disable != nil {
		u.Disabled = *b.Disable
	}
	if b.IsUser == nil || u.isAdmin() {
		return true
	}
	switch {
	case *b.IsUser:
		u.Type = Guest
	case u.Type == Guest:
		if !p.seatLeftLocked(w) {
			return false
		}
		u.Type = RoomAdmin // sic: leaving the Guest group makes a room admin
	}
	return true
}

// changeEmailLocked is an admin changing someone's email at once: the address must be
// confirmed again. Disabled and pending accounts are not found.
func (p *Portal) changeEmailLocked(w http.ResponseWriter, r *http.Request, caller *Person) {
	var b struct {
		UserID string `json:"userId"`
		Email  string `json:"email"`
	}
	if !p.bindBody(w, r, &b) {
		return
	}
	u := p.users[strings.ToLower(b.UserID)]
	switch {
	case !emailRE.MatchString(b.Email):
		badArgument(w, "Incorrect email")
	case u == nil || u.Disabled || u.Pending:
		userNotFound(w)
	case !caller.isAdmin() || u.ID == caller.ID || u.Type == Owner || (u.Type == DocSpaceAdmin && caller.Type != Owner):
		forbidden(w, msgAccessDenied)
	case u.Email == b.Email:
		badArgument(w, "The new email address is the same")
	case p.userByEmailLocked(b.Email) != nil:
		badArgument(w, msgDuplicateUser)
	default:
		u.Email, u.Activated = b.Email, false
		p.ok(w, r, "The email address was changed; an activation message was sent to "+b.Email)
	}
}

type userIDsBody struct {
	UserIDs *[]string `json:"userIds"`
}

// setStatusLocked enables (1) or disables (2) accounts, all or none: the whole list is
// checked before anything changes.
func (p *Portal) setStatusLocked(w http.ResponseWriter, r *http.Request, caller *Person, status string) {
	var b userIDsBody
	if !p.bindBody(w, r, &b) {
		return
	}
	disable := status == "2" || status == "terminated"
	switch {
	case !disable && status != "1" && status != "active":
		badArgument(w, "Incorrect status")
		return
	case b.UserIDs == nil:
		badArgument(w, "Value cannot be null. (Parameter 'inDto?.UserIds')")
		return
	case !caller.isAdmin():
		forbidden(w, msgAccessDenied)
		return
	}
	for _, id := range *b.UserIDs {
		u := p.users[id]
		if u == nil || u.Type == Owner || u.ID == caller.ID || (u.Type == DocSpaceAdmin && caller.Type != Owner) {
			forbidden(w, msgAccessDenied)
			return
		}
	}
	out := []map[string]any{}
	for _, id := range *b.UserIDs {
		u := p.users[id]
		if !disable && u.Disabled && u.paid() && !p.seatLeftLocked(w) {
			return
		}
		u.Disabled = disable
		out = append(out, p.employeeFullLocked(u, caller))
	}
	p.ok(w, r, out)
}

func (p *Portal) deleteUserLocked(w http.ResponseWriter, r *http.Request, caller *Person, id string) {
	if !caller.isAdmin() {
		forbidden(w, msgAccessDenied)
		return
	}
	u := p.userByIDOrNameLocked(id)
	switch {
	case u == nil:
		userNotFound(w)
	case !u.Disabled:
		forbidden(w, msgNotSuspended)
	case u.Type == DocSpaceAdmin && caller.Type != Owner:
		forbidden(w, msgAccessDenied)
	default:
		answer := p.employeeFullLocked(u, caller)
		p.removeUserLocked(u.ID)
		p.ok(w, r, answer)
	}
}

// statusBucket orders lists the way DocSpace does: active, then pending, then disabled.
func statusBucket(u *Person) int {
	return map[int]int{1: 0, 4: 1, 2: 2}[u.status()]
}

// userFilter is GET /people/filter's query.
type userFilter struct {
	status, activation int
	types              []Role
	group, text        string
	separator          string
	count, start       int
	// excludeGroup inverts group; withoutGroup keeps accounts in no group (group ignored).
	excludeGroup, withoutGroup bool
	// admins: "" any, "true" only admins, "false" no admins; payments: "" any, "0" paid
	// accounts, "1" free ones; area: 0 all, 1 people (no guests), 2 guests.
	admins, payments string
	area             int
	inviter          string // only accounts this user created or invited
	sortBy           string
	descending       bool
}

func (p *Portal) parseUserFilter(w http.ResponseWriter, r *http.Request) (userFilter, bool) {
	q := queryFold(r)
	f := userFilter{count: 100, group: q.Get("groupid"), text: strings.ToLower(q.Get("filtervalue")), separator: strings.ToLower(q.Get("filterseparator"))}
	for name, target := range map[string]*int{"employeestatus": &f.status, "activationstatus": &f.activation, "count": &f.count, "startindex": &f.start} {
		if v := q.Get(name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil {
				p.invalid(w, r, name, fmt.Sprintf("The value '%s' is not valid.", v))
				return f, false
			}
			*target = n
		}
	}
	for _, v := range append(q["employeetype"], q["employeetypes"]...) {
		t, ok := employeeTypes[strings.ToLower(v)]
		if !ok {
			p.invalid(w, r, "employeeType", fmt.Sprintf("The value '%s' is not valid.", v))
			return f, false
		}
		f.types = append(f.types, t)
	}
	if f.count < 1 || f.count > 100 || f.start < 0 {
		p.invalid(w, r, "count", "The field Count must be between 1 and 100.")
		return f, false
	}
	return p.parseUserFilterMore(w, r, q, f)
}

// parseUserFilterMore binds the filter's other parameters: group exclusion, the admin,
// payment and area selectors, the inviter and the order.
func (p *Portal) parseUserFilterMore(w http.ResponseWriter, r *http.Request, q url.Values, f userFilter) (userFilter, bool) {
	for name, target := range map[string]*bool{"excludegroup": &f.excludeGroup, "withoutgroup": &f.withoutGroup} {
		if v := q.Get(name); v != "" {
			b, err := strconv.ParseBool(v)
			if err != nil {
				p.invalid(w, r, name, fmt.Sprintf("The value '%s' is not valid.", v))
				return f, false
			}
			*target = b
		}
	}
	f.admins, f.payments, f.sortBy = strings.ToLower(q.Get("isadministrator")), q.Get("payments"), strings.ToLower(q.Get("sortby"))
	if v := strings.ToLower(q.Get("area")); v != "" {
		areas := map[string]int{"0": 0, "all": 0, "1": 1, "people": 1, "2": 2, "guests": 2}
		a, ok := areas[v]
		if !ok {
			p.invalid(w, r, "area", fmt.Sprintf("The value '%s' is not valid.", v))
			return f, false
		}
		f.area = a
	}
	if strings.EqualFold(q.Get("invitedbyme"), "true") {
		f.inviter = "@me"
	}
	if v := q.Get("inviterid"); v != "" {
		f.inviter = strings.ToLower(v)
	}
	switch strings.ToLower(q.Get("sortorder")) {
	case "", "0", "ascending":
	case "1", "descending":
		f.descending = true
	default:
		p.invalid(w, r, "sortOrder", fmt.Sprintf("The value '%s' is not valid.", q.Get("sortorder")))
		return f, false
	}
	return f, true
}

func (f userFilter) matches(p *Portal, caller, u *Person) bool {
	g := p.groups[f.group]
	text := strings.ToLower(u.FirstName + " " + u.LastName + " " + u.Email)
	ut := u.Type
	if ut == Owner {
		ut = DocSpaceAdmin
	}
	inGroup := g != nil && slices.Contains(g.Members, u.ID)
	switch {
	case !p.canSeeLocked(caller, u),
		!caller.isAdmin() && u.Disabled, // room admins never see disabled accounts
		f.status != 0 && f.status&u.status() == 0,
		f.activation != 0 && f.activation != u.activationStatus(),
		len(f.types) > 0 && !slices.Contains(f.types, ut),
		f.withoutGroup && p.inAnyGroupLocked(u.ID),
		!f.withoutGroup && f.group != "" && inGroup == f.excludeGroup,
		f.text != "" && !textMatches(f.text, f.separator, text),
		!f.selects(caller, u):
		return false
	}
	return true
}

// selects applies the admin, payment, area and inviter selectors.
func (f userFilter) selects(caller, u *Person) bool {
	inviter := f.inviter
	if inviter == "@me" {
		inviter = caller.ID
	}
	switch {
	case f.admins == "true" && !u.isAdmin(), f.admins == "false" && u.isAdmin(),
		f.payments == "0" && !u.paid(), f.payments == "1" && u.paid(),
		f.area == 1 && u.Type == Guest, f.area == 2 && u.Type != Guest,
		inviter != "" && u.CreatedBy != inviter:
		return false
	}
	return true
}

func (p *Portal) inAnyGroupLocked(id string) bool {
	for _, g := range p.groups {
		if slices.Contains(g.Members, id) {
			return true
		}
	}
	return false
}

// userSortKey is the key of sortBy (first name for anything DocSpace does not know).
func userSortKey(u *Person, by string) string {
	switch by {
	case "lastname":
		return strings.ToLower(u.LastName)
	case "displayname":
		return strings.ToLower(u.displayName())
	case "email":
		return strings.ToLower(u.Email)
	case "type":
		return fmt.Sprint(typeRank[u.Type])
	case "registrationdate":
		return u.Created.UTC().Format(time.RFC3339Nano)
	}
	return strings.ToLower(u.FirstName + u.Email)
}

// textMatches is filterValue: words split on spaces must all match, or, with a
// filterSeparator, any one of the parts.
func textMatches(filter, separator, text string) bool {
	if separator == "" {
		return allWordsIn(filter, text)
	}
	for _, part := range strings.Split(filter, separator) {
		if part = strings.TrimSpace(part); part != "" && strings.Contains(text, part) {
			return true
		}
	}
	return false
}

func allWordsIn(words, text string) bool {
	for _, w := range strings.Fields(words) {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

// userList is what a list endpoint fixes: a status (GET /people, /people/status/{s}; 0
// for the filter's employeeStatus) and the short profile (simple/filter).
type userList struct {
	status int
	short  bool
}

func (p *Portal) listUsersLocked(w http.ResponseWriter, r *http.Request, caller *Person, list userList) {
	if !caller.isAdmin() && caller.Type != RoomAdmin {
		forbidden(w, msgAccessDenied)
		return
	}
	f, ok := p.parseUserFilter(w, r)
	if !ok {
		return
	}
	if list.status != 0 {
		f.status = list.status
	}
	var matched []*Person
	for _, id := range p.userOrder {
		if u := p.users[id]; f.matches(p, caller, u) {
			matched = append(matched, u)
		}
	}
	slices.SortStableFunc(matched, func(a, b *Person) int {
		if f.sortBy == "" {
			if d := statusBucket(a) - statusBucket(b); d != 0 {
				return d
			}
		}
		c := strings.Compare(userSortKey(a, f.sortBy), userSortKey(b, f.sortBy))
		if f.descending {
			return -c
		}
		return c
	})
	page := []map[string]any{}
	for _, u := range matched[min(f.start, len(matched)):min(f.start+f.count, len(matched))] {
		if list.short {
			page = append(page, u.employee())
		} else {
			page = append(page, p.employeeFullLocked(u, caller))
		}
	}
	p.okList(w, r, page, len(matched))
}
