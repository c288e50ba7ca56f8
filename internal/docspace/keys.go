package docspace

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// API keys: /api/2.0/keys. A key acts as the user who created it, narrowed by its
// permissions (scopes); the whole secret is in the creation answer only.

// APIKey is a key as the portal reports it. Secret is the whole key after CreateAPIKey
// only; elsewhere it is masked (sk-***abcd).
type APIKey struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Secret      string   `json:"key"`
	Postfix     string   `json:"keyPostfix"`
	Permissions []string `json:"permissions"`
	Created     string   `json:"createOn"`
	Expires     string   `json:"expiresAt"`
	LastUsed    string   `json:"lastUsed"`
	Active      bool     `json:"isActive"`
	CreatedBy   struct {
		ID          string `json:"id"`
		DisplayName string `json:"displayName"`
	} `json:"createBy"`
}

// APIKeyPermissions are the scopes a key may be limited to (an unrestricted key has none).
var APIKeyPermissions = []string{"*:read", "*:write", "accounts:read", "accounts:write", "accounts.self:read",
	"accounts.self:write", "files:read", "files:write", "rooms:read", "rooms:write"}

// MaxAPIKeyName is the longest name DocSpace accepts.
const MaxAPIKeyName = 30

// NewAPIKey is what CreateAPIKey sends. ExpiresInDays 0 is no expiry.
type NewAPIKey struct {
	Name          string   `json:"name"`
	Permissions   []string `json:"permissions,omitempty"`
	ExpiresInDays int      `json:"expiresInDays,omitempty"`
}

// ErrAPIKeyNotChanged is DocSpace's "false" to a key update: the key expired, or the
// caller is neither its creator nor an admin.
var ErrAPIKeyNotChanged = errors.New("DocSpace did not change the key: it has expired, or this API key's user is neither its creator nor an admin")

// CreateAPIKey mints a key; the answer carries its whole secret, once. Never sent twice:
// every call mints another key and counts against DocSpace's limit of five per user in
// fifteen minutes.
func (c *Client) CreateAPIKey(ctx context.Context, k NewAPIKey) (*APIKey, error) {
	var out APIKey
	ok, err := c.callValue(withoutReplay(ctx), http.MethodPost, "keys", nil, k, &out)
	if err != nil {
		return nil, err
	}
	if !ok || !strings.HasPrefix(out.Secret, "sk-") || strings.Contains(out.Secret, "*") {
		return nil, &DecodeError{Method: http.MethodPost, Path: apiPrefix + "keys", Err: errors.New("the portal answered without the new key")}
	}
	return &out, nil
}

// APIKeys lists the keys the caller may see: every key for admins, their own for others.
func (c *Client) APIKeys(ctx context.Context) ([]APIKey, error) {
	var out []APIKey
	_, err := c.callValue(ctx, http.MethodGet, "keys", nil, nil, &out)
	return out, err
}

// APIKeyByID finds a key in the list; an *APIError 404 (as DocSpace's own) when the list
// DocSpace answered does not have it.
func (c *Client) APIKeyByID(ctx context.Context, id string) (*APIKey, error) {
	keys, err := c.APIKeys(ctx)
	if err != nil {
		return nil, err
	}
	for i := range keys {
		if strings.EqualFold(keys[i].ID, id) {
			return &keys[i], nil
		}
	}
	return nil, &APIError{Method: http.MethodGet, Path: apiPrefix + "keys", StatusCode: http.StatusNotFound, FromPortal: true,
		Message: fmt.Sprintf("no API key %s in the portal's key list", id)}
}

// APIKeyUpdate changes a key. Permissions empty makes it unrestricted (DocSpace's ["*"]).
type APIKeyUpdate struct {
	Name        string
	Permissions []string
	Active      bool
}

// UpdateAPIKey writes name, permissions and whether the key is on.
func (c *Client) UpdateAPIKey(ctx context.Context, id string, u APIKeyUpdate) error {
	perms := u.Permissions
	if len(perms) == 0 {
		perms = []string{"*"} // DocSpace keeps the scopes when none are sent
	}
	body := struct {
		Name        string   `json:"name"`
		Permissions []string `json:"permissions"`
		IsActive    bool     `json:"isActive"`
	}{u.Name, perms, u.Active}
	var changed bool
	if _, err := c.callValue(ctx, http.MethodPut, "keys/"+id, nil, body, &changed); err != nil {
		return err
	}
	if !changed {
		return ErrAPIKeyNotChanged
	}
	return nil
}

// DeleteAPIKey deletes a key. DocSpace answers an unknown id with 500, so a key that is
// not in the list any more counts as deleted.
func (c *Client) DeleteAPIKey(ctx context.Context, id string) error {
	var deleted bool
	_, err := c.callValue(ctx, http.MethodDelete, "keys/"+id, nil, nil, &deleted)
	if StatusCode(err) == http.StatusInternalServerError {
		if _, lookErr := c.APIKeyByID(ctx, id); IsNotFound(lookErr) {
			return nil
		}
	}
	if err == nil && !deleted {
		return ErrAPIKeyNotChanged
	}
	return err
}
