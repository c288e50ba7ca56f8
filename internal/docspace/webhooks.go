package docspace

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"sort"
	"strconv"
	"strings"
)

// Webhook is a webhook as the API reports it; the secret is never reported.
type Webhook struct {
	ID       int    `json:"id"`
	Name     string `json:"name"`
	URL      string `json:"uri"`
	Enabled  bool   `json:"enabled"`
	SSL      bool   `json:"ssl"`
	Triggers int64  `json:"triggers"`
	TargetID string `json:"targetId,omitempty"`
}

// WebhookSettings is what create and update send. An empty Secret on update keeps the
// stored one.
type WebhookSettings struct {
	ID       int    `json:"id,omitempty"`
	Name     string `json:"name"`
	URL      string `json:"uri"`
	Secret   string `json:"secretKey,omitempty"`
	Enabled  bool   `json:"enabled"`
	SSL      bool   `json:"ssl"`
	Triggers int64  `json:"triggers"`
	TargetID string `json:"targetId,omitempty"`
}

// webhookTriggerNames are DocSpace's events; bit i of the mask is name i. A mask of 0
// means every event.
var webhookTriggerNames = []string{
	"user.created", "user.invited", "user.updated", "user.deleted",
	"group.created", "group.updated", "group.deleted",
	"file.created", "file.uploaded", "file.updated", "file.trashed", "file.deleted", "file.restored", "file.copied", "file.moved",
	"folder.created", "folder.updated", "folder.trashed", "folder.deleted", "folder.restored", "folder.copied", "folder.moved",
	"room.created", "room.updated", "room.archived", "room.deleted", "room.restored", "room.copied",
	"form.submit", "form.filled.out", "form.stopped",
	"agent.created", "agent.updated", "agent.deleted",
	"file.downloaded", "folder.downloaded",
}

// WebhookTriggerNames lists the event names, sorted.
func WebhookTriggerNames() []string {
	out := append([]string(nil), webhookTriggerNames...)
	sort.Strings(out)
	return out
}

// TriggerMask turns event names into DocSpace's bit mask; ok is false for an unknown name.
func TriggerMask(names []string) (mask int64, ok bool) {
	for _, name := range names {
		i := indexOf(webhookTriggerNames, name)
		if i < 0 {
			return 0, false
		}
		mask |= 1 << i
	}
	return mask, true
}

// TriggerNames turns a mask into event names, in DocSpace's order; bits it does not know
// come out as "trigger_<bit>".
func TriggerNames(mask int64) []string {
	var out []string
	for i := range 63 {
		if mask&(1<<i) == 0 {
			continue
		}
		if i < len(webhookTriggerNames) {
			out = append(out, webhookTriggerNames[i])
		} else {
			out = append(out, "trigger_"+strconv.FormatInt(1<<i, 10))
		}
	}
	return out
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

// Webhooks lists the webhooks the key's user may see (all of them for admins).
func (c *Client) Webhooks(ctx context.Context) ([]Webhook, error) {
	var list []struct {
		Configs Webhook `json:"configs"`
	}
	if _, err := c.callValue(ctx, http.MethodGet, "settings/webhook", nil, nil, &list); err != nil {
		return nil, err
	}
	out := make([]Webhook, 0, len(list))
	for _, e := range list {
		out = append(out, e.Configs)
	}
	return out, nil
}

// CreateWebhook creates a webhook. DocSpace checks the secret against the password
// policy, the URL against private networks, and sends it a HEAD request. Never retried
// once sent.
func (c *Client) CreateWebhook(ctx context.Context, s WebhookSettings) (*Webhook, error) {
	s.ID = 0
	var w Webhook
	if _, err := c.callValue(withoutReplay(ctx), http.MethodPost, "settings/webhook", nil, s, &w); err != nil {
		return nil, err
	}
	return &w, nil
}

// UpdateWebhook replaces a webhook's settings (validated again, the URL included).
func (c *Client) UpdateWebhook(ctx context.Context, s WebhookSettings) (*Webhook, error) {
	var w Webhook
	if _, err := c.callValue(ctx, http.MethodPut, "settings/webhook", nil, s, &w); err != nil {
		return nil, err
	}
	return &w, nil
}

// DeleteWebhook deletes a webhook. Unknown is a 404.
func (c *Client) DeleteWebhook(ctx context.Context, id int) error {
	_, err := c.call(ctx, http.MethodDelete, "settings/webhook/"+strconv.Itoa(id), nil, nil)
	return err
}

// WebhookDelivery is one delivery of the log.
type WebhookDelivery struct {
	ID         int       `json:"id"`
	ConfigName string    `json:"configName"`
	Trigger    int64     `json:"trigger"`
	Status     int       `json:"status"`
	Created    Timestamp `json:"creationTime"`
	Delivered  Timestamp `json:"delivery"`
}

// WebhookDeliveries lists the deliveries of one webhook (0: all), newest first, all pages.
func (c *Client) WebhookDeliveries(ctx context.Context, webhookID int) ([]WebhookDelivery, error) {
	q := map[string][]string{"count": {"100"}}
	if webhookID != 0 {
		q["configId"] = []string{strconv.Itoa(webhookID)}
	}
	return listAll[WebhookDelivery](ctx, c, "settings/webhooks/log", q)
}

// WebhookSignature is the x-docspace-signature-256 header DocSpace sends with a delivery:
// "sha256=" and the upper-case hex HMAC-SHA256 of the body, keyed with the webhook's
// secret. Receivers compare it (in constant time) with what they compute.
func WebhookSignature(secret string, body []byte) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(body)
	return "sha256=" + strings.ToUpper(hex.EncodeToString(mac.Sum(nil)))
}
