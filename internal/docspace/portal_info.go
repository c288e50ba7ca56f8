package docspace

import (
	"context"
	"net/http"
)

// Portal is what the docspace_portal data source reports: the tenant, its plan and quota,
// and the server.
type Portal struct {
	TenantID    int    `json:"tenantId"`
	Alias       string `json:"tenantAlias"`
	Name        string `json:"name"`
	OwnerID     string `json:"ownerId"`
	Status      int    `json:"status"`
	Version     string `json:"-"`
	Standalone  bool   `json:"-"`
	Plan        string `json:"-"`
	Free        bool   `json:"-"`
	Audit       bool   `json:"-"`
	MaxStorage  int64  `json:"-"`
	MaxRoomAdms int    `json:"-"`
	MaxRooms    int    `json:"-"`
}

type wireQuota struct {
	Name           string `json:"name"`
	Free           bool   `json:"free"`
	Audit          bool   `json:"audit"`
	MaxTotalSize   int64  `json:"maxTotalSize"`
	CountRoomAdmin int    `json:"countRoomAdmin"`
	CountRoom      int    `json:"countRoom"`
}

// PortalInfo reads the tenant (GET portal), its quota (GET portal/quota) and the server
// (GET settings). It needs the key of the Owner or a DocSpace admin.
func (c *Client) PortalInfo(ctx context.Context) (*Portal, error) {
	var p Portal
	if _, err := c.callValue(ctx, http.MethodGet, "portal", nil, nil, &p); err != nil {
		return nil, err
	}
	q, err := readSetting[wireQuota](ctx, c, "portal/quota")
	if err != nil {
		return nil, err
	}
	s, err := readSetting[struct {
		Version    string `json:"version"`
		Standalone bool   `json:"standalone"`
	}](ctx, c, "settings")
	if err != nil {
		return nil, err
	}
	p.Version, p.Standalone = s.Version, s.Standalone
	p.Plan, p.Free, p.Audit, p.MaxStorage, p.MaxRoomAdms, p.MaxRooms = q.Name, q.Free, q.Audit, q.MaxTotalSize, q.CountRoomAdmin, q.CountRoom
	return &p, nil
}
