package docspace

import (
	"context"
	"net/http"
)

// EntityQuota is one of the portal's storage quota switches: whether quotas apply to rooms
// (or users), and the default quota in bytes (0: no default, each room or user unlimited
// unless given its own).
type EntityQuota struct {
	Enabled bool  `json:"enableQuota"`
	Default int64 `json:"defaultQuota"`
}

// QuotaSettings are the portal's room and user quota switches. While room quotas are
// off, DocSpace stores a room's quota but reports none.
type QuotaSettings struct {
	Rooms EntityQuota `json:"roomsQuota"`
	Users EntityQuota `json:"usersQuota"`
}

// QuotaSettings reads both switches from the plan's quota information (GET
// portal/payment/quota), the one place DocSpace reports the room switch.
func (c *Client) QuotaSettings(ctx context.Context) (*QuotaSettings, error) {
	return readSetting[QuotaSettings](ctx, c, "portal/payment/quota")
}

// SetQuotaSettings saves both switches. DocSpace refuses a default above the portal's own
// quota and stores a negative default as 0.
func (c *Client) SetQuotaSettings(ctx context.Context, s QuotaSettings) error {
	if _, err := c.call(ctx, http.MethodPost, "settings/roomquotasettings", nil, s.Rooms); err != nil {
		return err
	}
	_, err := c.call(ctx, http.MethodPost, "settings/userquotasettings", nil, s.Users)
	return err
}
