package docspace

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"
)

// Changing a user's type. Raising it (and DocSpace admin to room admin) is immediate;
// lowering it to User or Guest is an asynchronous job that hands the user's rooms and
// files to someone else, followed through its progress.

// ChangeNeedsJob reports whether going from one type to another is the asynchronous
// downgrade rather than the immediate change.
func ChangeNeedsJob(from, to UserType) bool {
	if from == TypeDocSpaceAdmin && to == TypeRoomAdmin {
		return false
	}
	return to.Below(from) || (to == TypeGuest && from != TypeGuest)
}

// ChangeUserType changes a type at once (PUT people/type/{type}). The same type, the
// Owner, the key's own user and every downgrade are refused with 403.
func (c *Client) ChangeUserType(ctx context.Context, id string, to UserType) error {
	return c.usersCall(ctx, http.MethodPut, "people/type/"+userTypeWireNames[to], userIDs{[]string{id}}, id)
}

// UserTypeChangeError is a downgrade job that finished with an error.
type UserTypeChangeError struct {
	UserID  string
	Message string
}

func (e *UserTypeChangeError) Error() string {
	return fmt.Sprintf("changing the type of user %s failed: %s", e.UserID, e.Message)
}

// ErrNoTypeChange is a progress poll that found no job for the user.
var ErrNoTypeChange = errors.New("the portal reports no type change for this user (it may have been cancelled)")

type typeChangeProgress struct {
	Error       string `json:"error"`
	Percentage  int    `json:"percentage"`
	IsCompleted bool   `json:"isCompleted"`
}

// LowerUserType starts the downgrade to User or Guest, reassigning the user's data to
// the key's own user, and waits for it, polling every interval. Never retried once sent.
func (c *Client) LowerUserType(ctx context.Context, id string, to UserType, interval time.Duration) error {
	body := struct {
		UserID string   `json:"userId"`
		Type   UserType `json:"type"`
	}{id, to}
	var started typeChangeProgress
	if _, err := c.callValue(withoutReplay(ctx), http.MethodPost, "people/type", nil, body, &started); err != nil {
		return err
	}
	endpoint := "people/type/progress/" + url.PathEscape(id)
	return pollEvery(ctx, interval, func() (bool, error) {
		var p typeChangeProgress
		ok, err := c.callValue(ctx, http.MethodGet, endpoint, nil, nil, &p)
		switch {
		case err != nil:
			return false, err
		case !ok:
			return false, ErrNoTypeChange
		case p.IsCompleted && p.Error != "":
			return false, &UserTypeChangeError{UserID: id, Message: sanitizeMessage(p.Error)}
		}
		return p.IsCompleted, nil
	})
}
