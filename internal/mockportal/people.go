package mockportal

import (
	"net/http"
	"strings"
)

// The people the portal starts with: one user per role (whose API key the portal hands
// out), a second plain user, and two groups, so rooms can be shared before the people API
// is modelled in full. Ids are random GUIDs; tests read them through UserID and GroupID.

// Person is a portal account.
type Person struct {
	ID        string
	Email     string
	FirstName string
	LastName  string
	Type      Role
	Disabled  bool
	// CreatedBy is who invited the account: room admins see only the guests they invited.
	CreatedBy string
}

// Group is a portal group.
type Group struct {
	ID      string
	Name    string
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
		u := &Person{ID: NewGUID(), Email: string(role) + "@example.test", FirstName: strings.ToUpper(string(role[:1])) + strings.ReplaceAll(string(role[1:]), "_", " "), LastName: "Seeded", Type: role, CreatedBy: owner}
		if role == Owner {
			owner = u.ID
			u.CreatedBy = u.ID
		}
		p.addUserLocked(u)
		p.keyUser[keyOf[role]] = u.ID
	}
	second := &Person{ID: NewGUID(), Email: SecondUserEmail, FirstName: "Second", LastName: "User", Type: User, CreatedBy: owner}
	p.addUserLocked(second)
	p.addGroupLocked(&Group{ID: NewGUID(), Name: DevelopersGroup, Members: []string{p.userIDLocked(RoomAdmin), p.userIDLocked(User)}})
	p.addGroupLocked(&Group{ID: NewGUID(), Name: DesignersGroup, Members: []string{second.ID}})
}

func (p *Portal) addUserLocked(u *Person) {
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
	for _, id := range p.userOrder {
		if strings.EqualFold(p.users[id].Email, email) {
			return id
		}
	}
	return ""
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

// SetUserDisabled disables or enables an account, as an admin would in the UI.
func (p *Portal) SetUserDisabled(id string, disabled bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if u, ok := p.users[id]; ok {
		u.Disabled = disabled
	}
}

// callerUser is the user the request's key belongs to.
func (p *Portal) callerUser(r *http.Request) (*Person, bool) {
	key := requestKey(r)
	p.mu.Lock()
	defer p.mu.Unlock()
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

// employee is the short user form (EmployeeDto) answers embed.
func (u *Person) employee() map[string]any {
	return map[string]any{"id": u.ID, "displayName": u.FirstName + " " + u.LastName, "avatar": "", "hasAvatar": false, "isAnonim": false, "profileUrl": ""}
}

// employeeFull is the long user form (EmployeeFullDto).
func (u *Person) employeeFull() map[string]any {
	e := u.employee()
	status := 1
	if u.Disabled {
		status = 2
	}
	e["firstName"], e["lastName"], e["email"] = u.FirstName, u.LastName, u.Email
	e["status"], e["activationStatus"] = status, 1
	e["isOwner"], e["isAdmin"] = u.Type == Owner, u.isAdmin()
	e["isRoomAdmin"], e["isCollaborator"], e["isVisitor"] = u.Type == RoomAdmin, u.Type == User, u.Type == Guest
	return e
}

// servePeopleAPI serves /api/2.0/people/: only @self so far, which answers for every key
// so a tool can learn each role's user id.
func (p *Portal) servePeopleAPI(w http.ResponseWriter, r *http.Request, rest string) {
	if rest != "@self" {
		notFoundPage(w)
		return
	}
	if r.Method != http.MethodGet {
		methodNotAllowed(w, http.MethodGet)
		return
	}
	u, ok := p.authenticated(w, r)
	if !ok {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.ok(w, r, u.employeeFull())
}
