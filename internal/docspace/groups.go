package docspace

import (
	"context"
	"errors"
	"net/http"
	"net/url"
)

// Group is a portal group. The manager is always also a member. Disabled members are
// not reported (they come back when enabled).
type Group struct {
	ID        string
	Name      string
	ManagerID string
	// MemberIDs is nil when the group was read without its members.
	MemberIDs    []string
	MembersCount int
}

type wireGroup struct {
	ID           string      `json:"id"`
	Name         string      `json:"name"`
	Manager      *wireUser   `json:"manager"`
	Members      *[]wireUser `json:"members"`
	MembersCount int         `json:"membersCount"`
}

func (w wireGroup) group() Group {
	g := Group{ID: w.ID, Name: w.Name, MembersCount: w.MembersCount}
	if w.Manager != nil {
		g.ManagerID = w.Manager.ID
	}
	if w.Members != nil {
		g.MemberIDs = make([]string, 0, len(*w.Members))
		for _, m := range *w.Members {
			g.MemberIDs = append(g.MemberIDs, m.ID)
		}
	}
	return g
}

func groupPath(id string) string { return "group/" + url.PathEscape(id) }

func (c *Client) groupValue(ctx context.Context, method, endpoint string, query url.Values, body any) (*Group, error) {
	var w wireGroup
	ok, err := c.callValue(ctx, method, endpoint, query, body, &w)
	if err != nil {
		return nil, err
	}
	if !ok || w.ID == "" {
		return nil, &DecodeError{Method: method, Path: apiPrefix + endpoint, Err: errors.New("the portal answered without the group")}
	}
	g := w.group()
	return &g, nil
}

// NewGroup is what CreateGroup sends. An empty ManagerID is left out (DocSpace refuses
// "" and null).
type NewGroup struct {
	Name      string   `json:"groupName"`
	ManagerID string   `json:"groupManager,omitempty"`
	MemberIDs []string `json:"members,omitempty"`
}

// CreateGroup creates a group. Names need not be unique, so it is never retried once
// sent. A manager or member that is unknown, disabled or a guest fails it with 400.
func (c *Client) CreateGroup(ctx context.Context, g NewGroup) (*Group, error) {
	return c.groupValue(withoutReplay(ctx), http.MethodPost, "group", nil, g)
}

// Group reads a group, with its members when withMembers. Unknown is a 404.
func (c *Client) Group(ctx context.Context, id string, withMembers bool) (*Group, error) {
	q := url.Values{"includeMembers": {map[bool]string{true: "true", false: "false"}[withMembers]}}
	return c.groupValue(ctx, http.MethodGet, groupPath(id), q, nil)
}

// GroupChange is what UpdateGroup sends; empty fields change nothing. DocSpace silently
// skips members (and a manager) that are unknown, disabled or guests, and cannot clear the
// manager this way: remove the manager from the members for that.
type GroupChange struct {
	Name      *string  `json:"groupName,omitempty"`
	ManagerID string   `json:"groupManager,omitempty"`
	Add       []string `json:"membersToAdd,omitempty"`
	Remove    []string `json:"membersToRemove,omitempty"`
}

// UpdateGroup renames a group, sets its manager and adds and removes members, and
// returns the group as it is afterwards.
func (c *Client) UpdateGroup(ctx context.Context, id string, ch GroupChange) (*Group, error) {
	return c.groupValue(ctx, http.MethodPut, groupPath(id), nil, ch)
}

// RemoveGroupMembers removes members; removing the manager leaves the group without one.
func (c *Client) RemoveGroupMembers(ctx context.Context, id string, memberIDs []string) (*Group, error) {
	body := struct {
		Members []string `json:"members"`
	}{memberIDs}
	return c.groupValue(ctx, http.MethodDelete, groupPath(id)+"/members", nil, body)
}

// DeleteGroup deletes a group (its members stay). Unknown is a 404.
func (c *Client) DeleteGroup(ctx context.Context, id string) error {
	_, err := c.call(ctx, http.MethodDelete, groupPath(id), nil, nil)
	return err
}

// Groups lists the groups (without members) whose name contains nameContains
// (case-insensitive; "" for all), page by page.
func (c *Client) Groups(ctx context.Context, nameContains string) ([]Group, error) {
	q := url.Values{"count": {"100"}}
	if nameContains != "" {
		q.Set("filterValue", nameContains)
	}
	list, err := listAll[wireGroup](ctx, c, "group", q)
	if err != nil {
		return nil, err
	}
	groups := make([]Group, 0, len(list))
	for _, w := range list {
		groups = append(groups, w.group())
	}
	return groups, nil
}
