package mockportal

import (
	"html"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// peopleState is the people area's store: accounts in creation order, groups, and the
// type change jobs.
type peopleState struct {
	users             map[string]*Person
	userOrder         []string
	groups            map[string]*Group
	typeJobs          map[string]*typeJob // user id → its type change (people_type.go)
	typeChangeFailure string
	invitationLinks   map[Role]*InvitationLink // people_invitation_links.go
}

func newPeopleState() peopleState {
	return peopleState{users: map[string]*Person{}, groups: map[string]*Group{}, typeJobs: map[string]*typeJob{}, invitationLinks: map[Role]*InvitationLink{}}
}

// The people the portal starts with: one user per role (whose API key the portal hands
// out), a second plain user, and two groups, so rooms can be shared before the people API
// is modelled in full. Ids are random GUIDs; tests read them through UserID and GroupID.

// Person is a portal account.
type Person struct {
	ID        string
	Email     string
	UserName  string
	FirstName string
	LastName  string
	Type      Role
	Disabled  bool
	// Pending is an invitation not accepted yet (status 4); it survives disabling, as
	// DocSpace returns such a user to Pending when enabled again.
	Pending bool
	// Activated is a confirmed email (activationStatus 1); accounts an admin creates or
	// invites start unconfirmed (2).
	Activated bool
	// CreatedBy is who invited the account: room admins see only the guests they invited.
	CreatedBy string
	Created   time.Time
	// Password is the login password an admin set at creation ("" for none).
	Password string
	// Quota is the account's own storage quota in bytes: 0 (or -2) the portal's default
	// user quota, -1 unlimited.
	Quota int64
}

// Group is a portal group. The manager is always also a member.
type Group struct {
	ID      string
	Name    string
	Manager string
	Members []string
}

// Names of the extra seeded people, for tests.
const (
	SecondUserEmail = "second.user@example.test"
	DevelopersGroup = "Developers"
	DesignersGroup  = "Designers"
)

// seedPeopleLocked makes one user per role, with the key of that role, plus the extras.
func (p *Portal) seedPeopleLocked(keyOf map[Role]string) {
	owner := ""
	for _, role := range Roles {
		if keyOf[role] == "" {
			continue // a new space has its owner only
		}
		first := strings.ToUpper(string(role[:1])) + strings.ReplaceAll(string(role[1:]), "_", " ")
		u := &Person{ID: NewGUID(), Email: string(role) + "@example.test", FirstName: first, LastName: "Seeded", Type: role, CreatedBy: owner, Activated: true}
		if role == Owner {
			owner = u.ID
			u.CreatedBy = u.ID
		}
		p.addUserLocked(u)
		p.keyUser[keyOf[role]] = u.ID
	}
	if p.opts.ownerOnly {
		return
	}
	second := &Person{ID: NewGUID(), Email: SecondUserEmail, FirstName: "Second", LastName: "User", Type: User, CreatedBy: owner, Activated: true}
	p.addUserLocked(second)
	p.addGroupLocked(&Group{ID: NewGUID(), Name: DevelopersGroup, Members: []string{p.userIDLocked(RoomAdmin), p.userIDLocked(User)}})
	p.addGroupLocked(&Group{ID: NewGUID(), Name: DesignersGroup, Members: []string{second.ID}})
}

// addUserLocked stores a new account, giving it a unique user name (the email's local
// part, then with 1, 2, … appended) and a registration date when it has none.
func (p *Portal) addUserLocked(u *Person) {
	if u.UserName == "" {
		local, _, _ := strings.Cut(u.Email, "@")
		u.UserName = local
		for n := 1; p.userByNameLocked(u.UserName) != nil; n++ {
			u.UserName = local + strconv.Itoa(n)
		}
	}
	if u.Created.IsZero() {
		u.Created = p.opts.Now()
	}
	if u.Quota == 0 {
		u.Quota = quotaDefault
	}
	p.users[u.ID] = u
	p.userOrder = append(p.userOrder, u.ID)
}

func (p *Portal) addGroupLocked(g *Group) {
	p.groups[g.ID] = g
}

func (p *Portal) userIDLocked(role Role) string {
	for _, id := range p.userOrder {
		if p.users[id].Type == role {
			return id
		}
	}
	return ""
}

func (p *Portal) userByNameLocked(name string) *Person {
	for _, id := range p.userOrder {
		if u := p.users[id]; strings.EqualFold(u.UserName, name) {
			return u
		}
	}
	return nil
}

func (p *Portal) userByEmailLocked(email string) *Person {
	for _, id := range p.userOrder {
		if u := p.users[id]; strings.EqualFold(u.Email, email) {
			return u
		}
	}
	return nil
}

// removeUserLocked deletes an account the way DocSpace does: it leaves every group (as
// member and manager) and every room.
func (p *Portal) removeUserLocked(id string) {
	delete(p.users, id)
	p.userOrder = slices.DeleteFunc(p.userOrder, func(x string) bool { return x == id })
	for _, g := range p.groups {
		g.removeMember(id)
	}
	for _, r := range p.rooms {
		delete(r.Members, id)
	}
}

// UserID is the id of the seeded user of a role (the one whose key Key returns).
func (p *Portal) UserID(role Role) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.userIDLocked(role)
}

// UserIDByEmail finds a user's id.
func (p *Portal) UserIDByEmail(email string) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	if u := p.userByEmailLocked(email); u != nil {
		return u.ID
	}
	return ""
}

// User returns a copy of an account, with its type as it is once pending type changes
// are done.
func (p *Portal) User(id string) (Person, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.settleTypeJobsLocked()
	u, ok := p.users[id]
	if !ok {
		return Person{}, false
	}
	return *u, true
}

// GroupID finds a group's id by name.
func (p *Portal) GroupID(name string) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	for id, g := range p.groups {
		if g.Name == name {
			return id
		}
	}
	return ""
}

// AddUser adds an account (its ID is made when empty) and returns its id.
func (p *Portal) AddUser(u Person) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	if u.ID == "" {
		u.ID = NewGUID()
	}
	p.addUserLocked(&u)
	return u.ID
}

// ChangeUser changes an account out of band, as an admin in the UI would. change runs
// under the portal's lock: it must not call the portal.
func (p *Portal) ChangeUser(id string, change func(*Person)) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if u, ok := p.users[id]; ok {
		change(u)
	}
}

// SetUserDisabled disables or enables an account, as an admin would in the UI.
func (p *Portal) SetUserDisabled(id string, disabled bool) {
	p.ChangeUser(id, func(u *Person) { u.Disabled = disabled })
}

// DeleteUserNow deletes an account at once, as if deleted in the UI.
func (p *Portal) DeleteUserNow(id string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.removeUserLocked(id)
}

// callerUser is the user the request's key belongs to.
func (p *Portal) callerUser(r *http.Request) (*Person, bool) {
	key := requestKey(r)
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.keyUsableLocked(key) {
		return nil, false
	}
	id, known := p.keyUser[key]
	if !known {
		id = p.tokens[key]
	}
	u, ok := p.users[id]
	return u, ok && key != "" && !u.Disabled
}

// authenticated is the calling user, or a 401 answered.
func (p *Portal) authenticated(w http.ResponseWriter, r *http.Request) (*Person, bool) {
	u, ok := p.callerUser(r)
	if !ok {
		unauthorized(w)
	}
	return u, ok
}

// isAdmin: the Owner and DocSpace admins manage the whole portal.
func (u *Person) isAdmin() bool { return u.Type == Owner || u.Type == DocSpaceAdmin }

// paid: the Owner, DocSpace admins and room admins take a paid seat; users and guests
// are free.
func (u *Person) paid() bool { return u.isAdmin() || u.Type == RoomAdmin }

// status is EmployeeStatus: 1 active, 2 disabled (terminated), 4 pending.
func (u *Person) status() int {
	switch {
	case u.Disabled:
		return 2
	case u.Pending:
		return 4
	}
	return 1
}

func (u *Person) activationStatus() int {
	if u.Activated {
		return 1
	}
	return 2
}

// displayName is "First Last", or the email while both are empty (a fresh invitation).
func (u *Person) displayName() string {
	if name := strings.TrimSpace(u.FirstName + " " + u.LastName); name != "" {
		return html.EscapeString(name)
	}
	return u.Email
}

// employee is the short user form (EmployeeDto) answers embed.
func (u *Person) employee() map[string]any {
	return map[string]any{"id": u.ID, "displayName": u.displayName(), "avatar": "/static/images/default_user_photo_size_82-82.png?hash=1741203",
		"hasAvatar": false, "isAnonim": false, "profileUrl": "/accounts/people/filter?search=" + url.QueryEscape(u.Email)}
}

// employeeFullLocked is the long user form (EmployeeFullDto), as caller sees it: the
// type as flags (the Owner is no "admin"), status and activation as numbers, groups only
// for callers above User.
func (p *Portal) employeeFullLocked(u, caller *Person) map[string]any {
	e := u.employee()
	e["firstName"], e["lastName"], e["email"], e["userName"] = u.FirstName, u.LastName, u.Email, u.UserName
	e["status"], e["activationStatus"], e["mobilePhoneActivationStatus"] = u.status(), u.activationStatus(), 0
	e["isOwner"], e["isAdmin"] = u.Type == Owner, u.Type == DocSpaceAdmin
	e["isRoomAdmin"], e["isCollaborator"], e["isVisitor"] = u.Type == RoomAdmin, u.Type == User, u.Type == Guest
	e["isLDAP"], e["isSSO"] = false, false
	e["registrationDate"] = apiTime(u.Created)
	if caller.isAdmin() || caller.ID == u.ID {
		// Used space for admins and oneself; the quota only while user quotas are on.
		e["usedSpace"] = 0
		if p.quotas.Users.Enabled {
			e["quotaLimit"], e["isCustomQuota"] = quotaLimit(u.Quota, p.quotas.Users), u.Quota > quotaDefault
		}
	}
	if caller.isAdmin() {
		if by, ok := p.users[u.CreatedBy]; ok {
			e["createdBy"] = by.employee()
		}
	}
	if caller.Type == User && caller.ID != u.ID {
		return e
	}
	var names []string
	var groups []map[string]any
	for _, g := range p.sortedGroupsLocked() {
		if slices.Contains(g.Members, u.ID) {
			names = append(names, html.EscapeString(g.Name))
			groups = append(groups, p.groupSummaryLocked(g))
		}
	}
	e["department"] = strings.Join(names, ", ")
	if len(groups) > 0 {
		e["groups"] = groups
	}
	return e
}

// canSeeLocked is DocSpace's CanUserViewAnotherUser: yourself always; admins everyone;
// room admins everyone but the guests they did not invite; users and guests nobody else.
func (p *Portal) canSeeLocked(caller, u *Person) bool {
	switch {
	case caller.ID == u.ID, caller.isAdmin():
		return true
	case caller.Type == RoomAdmin:
		return u.Type != Guest || u.CreatedBy == caller.ID
	}
	return false
}
