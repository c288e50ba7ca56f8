package docspace

import (
	"context"
	"net/http"
)

// PublicSettings is what the anonymous portal settings tell.
type PublicSettings struct {
	// TenantStatus is 0 for an active portal, 4 while a restore runs.
	TenantStatus int  `json:"tenantStatus"`
	Standalone   bool `json:"standalone"`
}

// TenantRestoring is the tenant status of a portal that is being restored.
const TenantRestoring = 4

// Settings reads the portal's public settings, without credentials.
func (c *Client) Settings(ctx context.Context) (*PublicSettings, error) {
	var s PublicSettings
	if _, err := c.callValue(withoutCredentials(ctx), http.MethodGet, "settings", nil, nil, &s); err != nil {
		return nil, err
	}
	return &s, nil
}
