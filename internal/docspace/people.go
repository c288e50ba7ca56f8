package docspace

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// UserType is DocSpace's EmployeeType. It travels as a name in bodies and routes; answers
// carry it as flags.
type UserType int

const (
	TypeRoomAdmin     UserType = 1
	TypeGuest         UserType = 2
	TypeDocSpaceAdmin UserType = 3
	TypeUser          UserType = 4
)

var userTypeNames = enumNames[UserType]{
	TypeDocSpaceAdmin: "docspace_admin", TypeRoomAdmin: "room_admin", TypeUser: "user", TypeGuest: "guest",
}

// userTypeWireNames are the names the API reads.
var userTypeWireNames = map[UserType]string{
	TypeDocSpaceAdmin: "DocSpaceAdmin", TypeRoomAdmin: "RoomAdmin", TypeUser: "User", TypeGuest: "Guest",
}

// userTypeRank orders types from least to most access, as DocSpace does.
var userTypeRank = map[UserType]int{TypeGuest: 1, TypeUser: 2, TypeRoomAdmin: 3, TypeDocSpaceAdmin: 4}

// UserTypeNames lists the user type names, sorted.
func UserTypeNames() []string { return userTypeNames.sorted() }

func (t UserType) String() string { return userTypeNames.name(t, "user_type") }

// ParseUserType reads a user type name.
func ParseUserType(name string) (UserType, error) { return userTypeNames.parse(name, "user type") }

// MarshalJSON sends the API's name for the type.
func (t UserType) MarshalJSON() ([]byte, error) {
	return []byte(strconv.Quote(userTypeWireNames[t])), nil
}

// Below reports whether t gives less access than other.
func (t UserType) Below(other UserType) bool { return userTypeRank[t] < userTypeRank[other] }

// UserStatus is DocSpace's EmployeeStatus, a number on the wire.
type UserStatus int

const (
	StatusActive   UserStatus = 1
	StatusDisabled UserStatus = 2
	StatusPending  UserStatus = 4
)

var userStatusNames = enumNames[UserStatus]{StatusActive: "active", StatusDisabled: "disabled", StatusPending: "pending"}

// UserStatusNames lists the status names, sorted.
func UserStatusNames() []string { return userStatusNames.sorted() }

func (s UserStatus) String() string { return userStatusNames.name(s, "status") }

// ParseUserStatus reads a status name.
func ParseUserStatus(name string) (UserStatus, error) {
	return userStatusNames.parse(name, "user status")
}

// User is a portal account as the API reports it.
type User struct {
	ID        string
	Email     string
	UserName  string
	FirstName string
	LastName  string
	Type      UserType
	// Owner is the portal's owner (whose type reads as DocSpace admin).
	Owner  bool
	Status UserStatus
	// Activated is a confirmed email address.
	Activated  bool
	Registered time.Time
	// Quota is the account's own storage quota in bytes (QuotaUnlimited for none); nil
	// when it has none of its own, or the portal reports no quota (user quotas off).
	Quota *int64
}

type wireUser struct {
	ID               string     `json:"id"`
	Email            string     `json:"email"`
	UserName         string     `json:"userName"`
	FirstName        string     `json:"firstName"`
	LastName         string     `json:"lastName"`
	Status           UserStatus `json:"status"`
	ActivationStatus int        `json:"activationStatus"`
	IsOwner          bool       `json:"isOwner"`
	IsAdmin          bool       `json:"isAdmin"`
	IsRoomAdmin      bool       `json:"isRoomAdmin"`
	IsCollaborator   bool       `json:"isCollaborator"`
	IsVisitor        bool       `json:"isVisitor"`
	RegistrationDate Timestamp  `json:"registrationDate"`
	QuotaLimit       *int64     `json:"quotaLimit"`
	IsCustomQuota    *bool      `json:"isCustomQuota"`
}

// activationConfirmed is the EmployeeActivationStatus bit of a confirmed email.
const activationConfirmed = 1

func (w wireUser) user() User {
	u := User{ID: w.ID, Email: w.Email, UserName: w.UserName, FirstName: w.FirstName, LastName: w.LastName, Owner: w.IsOwner,
		Status: w.Status, Activated: w.ActivationStatus&activationConfirmed != 0, Registered: w.RegistrationDate.Time}
	if w.QuotaLimit != nil && w.IsCustomQuota != nil && *w.IsCustomQuota {
		u.Quota = w.QuotaLimit
	}
	switch {
	case w.IsOwner, w.IsAdmin:
		u.Type = TypeDocSpaceAdmin
	case w.IsRoomAdmin:
		u.Type = TypeRoomAdmin
	case w.IsVisitor:
		u.Type = TypeGuest
	default:
		u.Type = TypeUser
	}
	return u
}

func (c *Client) userValue(ctx context.Context, method, endpoint string, query url.Values, body any) (*User, error) {
	var w wireUser
	ok, err := c.callValue(ctx, method, endpoint, query, body, &w)
	if err != nil {
		return nil, err
	}
	if !ok || w.ID == "" {
		return nil, &DecodeError{Method: method, Path: apiPrefix + endpoint, Err: errors.New("the portal answered without the user")}
	}
	u := w.user()
	return &u, nil
}

// NewUser is what CreateUser sends.
type NewUser struct {
	Email     string   `json:"email"`
	FirstName string   `json:"firstName"`
	LastName  string   `json:"lastName,omitempty"`
	Type      UserType `json:"type"`
	// Password is the login password ("" lets DocSpace mail a link to set one). It is sent
	// once and never logged.
	Password string `json:"password,omitempty"`
}

// CreateUser creates an active account (DocSpace mails the user to confirm the address).
// With no paid seat left DocSpace silently makes a user instead of an admin: check the
// answer's Type. Guests cannot be created this way. Never retried once sent.
func (c *Client) CreateUser(ctx context.Context, u NewUser) (*User, error) {
	return c.userValue(withoutReplay(ctx), http.MethodPost, "people", nil, u)
}

// InviteUser sends an invitation; the account is pending until it is accepted. The
// portal's answer lists every pending account, so the new one is looked up by email.
// Inviting an existing address changes nothing (it may raise its type).
func (c *Client) InviteUser(ctx context.Context, email string, t UserType) (*User, error) {
	type invitation struct {
		Email string   `json:"email"`
		Type  UserType `json:"type"`
	}
	body := struct {
		Invitations []invitation `json:"invitations"`
	}{[]invitation{{email, t}}}
	if _, err := c.call(ctx, http.MethodPost, "people/invite", nil, body); err != nil {
		return nil, err
	}
	return c.UserByEmail(ctx, email)
}

// User reads an account by id (or user name). A deleted or unknown one is a 404.
func (c *Client) User(ctx context.Context, id string) (*User, error) {
	return c.userValue(ctx, http.MethodGet, "people/"+url.PathEscape(id), nil, nil)
}

// UserByEmail reads an account by email address. Unknown is a 404.
func (c *Client) UserByEmail(ctx context.Context, email string) (*User, error) {
	return c.userValue(ctx, http.MethodGet, "people/email", url.Values{"email": {email}}, nil)
}

// ChangeUserEmail changes another account's email at once (the user must confirm the
// new address). Disabled and pending accounts answer 404.
func (c *Client) ChangeUserEmail(ctx context.Context, id, email string) error {
	body := struct {
		UserID string `json:"userId"`
		Email  string `json:"email"`
	}{id, email}
	_, err := c.call(ctx, http.MethodPost, "people/email", nil, body)
	return err
}

type userIDs struct {
	UserIDs []string `json:"userIds"`
}

// usersCall sends a request answered by a list of users and checks that want is among
// them: DocSpace skips some ids silently.
func (c *Client) usersCall(ctx context.Context, method, endpoint string, body any, want string) error {
	var list []wireUser
	if _, err := c.callValue(ctx, method, endpoint, nil, body, &list); err != nil {
		return err
	}
	for _, w := range list {
		if w.ID == want {
			return nil
		}
	}
	return &DecodeError{Method: method, Path: apiPrefix + endpoint, Err: fmt.Errorf("the portal's answer does not list user %s, so the change did not happen", want)}
}

// SetUserDisabled disables (true) or enables an account. DocSpace refuses the Owner,
// the key's own user, and (unless the key is the Owner's) DocSpace admins.
func (c *Client) SetUserDisabled(ctx context.Context, id string, disabled bool) error {
	status := StatusActive
	if disabled {
		status = StatusDisabled
	}
	return c.usersCall(ctx, http.MethodPut, "people/status/"+strconv.Itoa(int(status)), userIDs{[]string{id}}, id)
}

// DeleteUser deletes a disabled account for good (its data is erased in the background).
// An active account is refused with 403 "The user is not suspended".
func (c *Client) DeleteUser(ctx context.Context, id string) error {
	_, err := c.call(ctx, http.MethodDelete, "people/"+url.PathEscape(id), nil, nil)
	return err
}

// UserFilter selects accounts to list; zero values do not filter.
type UserFilter struct {
	Type    UserType
	Status  UserStatus
	GroupID string
	// Search matches first name, last name and email, every word.
	Search string
}

// usersPageSize is the most accounts the API gives per page.
const usersPageSize = 100

// Users lists the accounts the key's user can see, page by page until done.
func (c *Client) Users(ctx context.Context, f UserFilter) ([]User, error) {
	q := url.Values{"count": {strconv.Itoa(usersPageSize)}}
	if f.Type != 0 {
		q.Set("employeeType", strconv.Itoa(int(f.Type)))
	}
	if f.Status != 0 {
		q.Set("employeeStatus", strconv.Itoa(int(f.Status)))
	}
	if f.GroupID != "" {
		q.Set("groupId", f.GroupID)
	}
	if f.Search != "" {
		q.Set("filterValue", f.Search)
	}
	list, err := listAll[wireUser](ctx, c, "people/filter", q)
	if err != nil {
		return nil, err
	}
	users := make([]User, 0, len(list))
	for _, w := range list {
		users = append(users, w.user())
	}
	return users, nil
}

// SetUserQuota gives an account a storage quota of its own (QuotaUnlimited for none).
// DocSpace stores it whether or not user quotas are on, and reports it only while they are.
func (c *Client) SetUserQuota(ctx context.Context, id string, quota int64) error {
	body := struct {
		UserIDs []string `json:"userIds"`
		Quota   int64    `json:"quota"`
	}{[]string{id}, quota}
	_, err := c.call(ctx, http.MethodPut, "people/userquota", nil, body)
	return err
}

// ResetUserQuota puts an account back on the portal's default user quota.
func (c *Client) ResetUserQuota(ctx context.Context, id string) error {
	body := struct {
		UserIDs []string `json:"userIds"`
	}{[]string{id}}
	_, err := c.call(ctx, http.MethodPut, "people/resetquota", nil, body)
	return err
}
