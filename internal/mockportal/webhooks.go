package mockportal

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// webhookState is the webhook area's store: webhooks, their delivery log and the HEAD
// answers tests set per URL.
type webhookState struct {
	webhooks      map[int]*Webhook
	nextWebhookID int
	webhookLog    []*WebhookDelivery
	webhookHead   map[string]int
}

func newWebhookState() webhookState {
	return webhookState{webhooks: map[int]*Webhook{}, nextWebhookID: 1, webhookHead: map[string]int{}}
}

// Webhooks: /api/2.0/settings/webhook… (README.md, "Webhooks").

// Webhook is a webhook's stored configuration, its secret included.
type Webhook struct {
	ID                 int
	Name               string
	URI                string
	Secret             string
	Enabled            bool
	SSL                bool
	Triggers           int64
	TargetID           string
	CreatedBy          string
	Created, Modified  time.Time
	LastSuccess        time.Time
	LastFailure        time.Time
	LastFailureContent string
}

// WebhookDelivery is one row of the delivery log.
type WebhookDelivery struct {
	ID              int
	ConfigID        int
	ConfigName      string
	Trigger         int64
	Created         time.Time
	RequestHeaders  string
	RequestPayload  string
	ResponsePayload string
	Status          int
	Delivered       time.Time
}

// webhookTrigger is one event kind: its bit, its name, and whether users (not only
// admins and room admins) may subscribe to it.
type webhookTrigger struct {
	bit      int64
	name     string
	forUsers bool
}

// webhookTriggers lists DocSpace's webhook events in the API's order: bit i is event i.
var webhookTriggers = func() []webhookTrigger {
	names := []struct {
		name     string
		forUsers bool
	}{
		{"user.created", false}, {"user.invited", false}, {"user.updated", true}, {"user.deleted", true},
		{"group.created", false}, {"group.updated", false}, {"group.deleted", false},
		{"file.created", true}, {"file.uploaded", true}, {"file.updated", true}, {"file.trashed", true}, {"file.deleted", true},
		{"file.restored", true}, {"file.copied", true}, {"file.moved", true},
		{"folder.created", true}, {"folder.updated", true}, {"folder.trashed", true}, {"folder.deleted", true},
		{"folder.restored", true}, {"folder.copied", true}, {"folder.moved", true},
		{"room.created", false}, {"room.updated", true}, {"room.archived", true}, {"room.deleted", true}, {"room.restored", true}, {"room.copied", false},
		{"form.submit", true}, {"form.filled.out", true}, {"form.stopped", true},
		{"agent.created", false}, {"agent.updated", true}, {"agent.deleted", true},
		{"file.downloaded", true}, {"folder.downloaded", true},
	}
	out := make([]webhookTrigger, len(names))
	for i, n := range names {
		out[i] = webhookTrigger{bit: 1 << i, name: n.name, forUsers: n.forUsers}
	}
	return out
}()

// triggerNames are the names of the bits set in mask.
func triggerNames(mask int64) []string {
	var out []string
	for _, t := range webhookTriggers {
		if mask&t.bit != 0 {
			out = append(out, t.name)
		}
	}
	return out
}

// webhookBlacklist is DocSpace's default list of networks webhooks may not reach.
var webhookBlacklist = func() []*net.IPNet {
	var out []*net.IPNet
	for _, c := range []string{"0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
		"192.168.0.0/16", "::/128", "::1/128", "fc00::/8", "fd00::/8", "fe80::/10"} {
		_, n, _ := net.ParseCIDR(c)
		out = append(out, n)
	}
	return out
}()

// SetWebhookHeadStatus sets what the HEAD check of a webhook URL answers (200 unless
// set); the mock sends no HEAD request.
func (p *Portal) SetWebhookHeadStatus(uri string, status int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.webhookHead[uri] = status
}

// Webhooks returns copies of the stored webhooks, by id.
func (p *Portal) Webhooks() []Webhook {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []Webhook
	for _, id := range p.webhookIDsLocked() {
		out = append(out, *p.webhooks[id])
	}
	return out
}

// ChangeWebhook changes a webhook out of band (the delivery worker disabling it, say).
// change runs under the portal's lock: it must not call the portal.
func (p *Portal) ChangeWebhook(id int, change func(*Webhook)) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if h, ok := p.webhooks[id]; ok {
		change(h)
	}
}

// DeleteWebhookNow deletes a webhook out of band (after a 410 Gone, say).
func (p *Portal) DeleteWebhookNow(id int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.webhooks, id)
}

func (p *Portal) webhookIDsLocked() []int {
	ids := make([]int, 0, len(p.webhooks))
	for id := range p.webhooks {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

func (p *Portal) webhookJSONLocked(h *Webhook) map[string]any {
	out := map[string]any{"id": h.ID, "name": h.Name, "uri": h.URI, "enabled": h.Enabled, "ssl": h.SSL, "triggers": h.Triggers,
		"createdOn": apiLocalTime(h.Created)}
	if h.TargetID != "" {
		out["targetId"] = h.TargetID
	}
	if by, ok := p.users[h.CreatedBy]; ok {
		out["createdBy"] = by.employee()
	}
	if !h.Modified.IsZero() {
		out["modifiedOn"] = apiLocalTime(h.Modified)
	}
	if !h.LastSuccess.IsZero() {
		out["lastSuccessOn"] = apiLocalTime(h.LastSuccess)
	}
	if !h.LastFailure.IsZero() {
		out["lastFailureOn"], out["lastFailureContent"] = apiLocalTime(h.LastFailure), h.LastFailureContent
	}
	return out
}

// serveWebhooks routes the webhook endpoints; u is known.
func (p *Portal) serveWebhooks(w http.ResponseWriter, r *http.Request, u *Person, sub string) {
	if sub == "webhook" && r.Method == http.MethodPost {
		p.createWebhook(w, r, u) // validates outside the lock: the URL check may take a while
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	m := r.Method
	id, isID := strings.CutPrefix(sub, "webhook/")
	switch {
	case sub == "webhook/triggers" && m == http.MethodGet:
		p.listTriggersLocked(w, r, u)
	case u.Type == Guest:
		forbidden(w, msgAccessDenied)
	case sub == "webhook" && m == http.MethodGet:
		p.listWebhooksLocked(w, r, u)
	case (sub == "webhook" || sub == "webhook/enable") && m == http.MethodPut:
		p.updateWebhookLocked(w, r, u, sub == "webhook/enable")
	case isID && m == http.MethodDelete:
		p.deleteWebhookLocked(w, r, u, id)
	case sub == "webhooks/log" && m == http.MethodGet:
		p.listDeliveriesLocked(w, r, u)
	default:
		notFoundPage(w)
	}
}

func (p *Portal) listTriggersLocked(w http.ResponseWriter, r *http.Request, u *Person) {
	out := []map[string]any{}
	for _, t := range webhookTriggers {
		out = append(out, map[string]any{"name": t.name, "id": t.bit, "available": u.Type != Guest && (t.forUsers || u.isAdmin() || u.Type == RoomAdmin)})
	}
	p.ok(w, r, out)
}

func (p *Portal) listWebhooksLocked(w http.ResponseWriter, r *http.Request, u *Person) {
	out := []map[string]any{}
	for _, id := range p.webhookIDsLocked() {
		h := p.webhooks[id]
		if !u.isAdmin() && h.CreatedBy != u.ID {
			continue // non-admins see their own
		}
		status := 0
		for _, d := range p.webhookLog {
			if d.ConfigID == h.ID {
				status = d.Status
			}
		}
		out = append(out, map[string]any{"configs": p.webhookJSONLocked(h), "status": status})
	}
	p.ok(w, r, out)
}

// webhookBody is the create and update body.
type webhookBody struct {
	ID        *int    `json:"id"`
	Name      *string `json:"name"`
	URI       *string `json:"uri"`
	SecretKey string  `json:"secretKey"`
	Enabled   bool    `json:"enabled"`
	SSL       bool    `json:"ssl"`
	Triggers  int64   `json:"triggers"`
	TargetID  *string `json:"targetId"`
}

// modelErrors is the model validation of the body (lengths).
func (b webhookBody) modelError() (field, message string) {
	switch {
	case b.Name == nil:
		return "Name", "The Name field is required."
	case len([]rune(*b.Name)) > 50:
		return "Name", "The field Name must be a string with a maximum length of 50."
	case b.URI == nil:
		return "Uri", "The Uri field is required."
	case len([]rune(b.SecretKey)) > 50:
		return "SecretKey", "The field SecretKey must be a string with a maximum length of 50."
	case b.TargetID != nil && len(*b.TargetID) > 255:
		return "TargetId", "The field TargetId must be a string with a maximum length of 255."
	}
	return "", ""
}

// validateWebhookLocked is DocSpace's pipeline: triggers the caller may use, the secret
// against the password policy (create, or a new secret on update), the URL against the
// blacklist, then the HEAD check. It returns the refusal, or "".
func (p *Portal) validateWebhookLocked(u *Person, b webhookBody, create bool) string {
	for _, t := range webhookTriggers {
		if b.Triggers&t.bit != 0 && !t.forUsers && !u.isAdmin() && u.Type != RoomAdmin {
			return "Trigger is not available"
		}
	}
	if unknown := b.Triggers &^ (int64(1)<<len(webhookTriggers) - 1); unknown != 0 {
		return "Trigger is not available"
	}
	if create || b.SecretKey != "" {
		if msg := p.secretProblemLocked(b.SecretKey); msg != "" {
			return msg
		}
	}
	if msg := p.webhookURLProblem(*b.URI, b.SSL); msg != "" {
		return msg
	}
	if status, set := p.webhookHead[*b.URI]; set && (status < 200 || status > 299) {
		return "Webhook URL is not available. HEAD request is not response 200 http status."
	}
	return ""
}

// secretProblemLocked checks a secret against the portal's password policy.
func (p *Portal) secretProblemLocked(secret string) string {
	pol := p.settings.Password
	msg := fmt.Sprintf("Password must contain from %d to 30 characters, only latin letters, no spaces", pol.MinLength)
	if pol.UpperCase {
		msg += ", capital letters"
	}
	if pol.Digits {
		msg += ", digits"
	}
	if pol.SpecSymbol {
		msg += ", special characters"
	}
	n := len([]rune(secret))
	ok := n >= pol.MinLength && n <= 30
	var upper, digit, special bool
	for _, c := range secret {
		ok = ok && c >= 0x21 && c <= 0x7E
		upper = upper || unicode.IsUpper(c)
		digit = digit || unicode.IsDigit(c)
		special = special || (c >= 0x21 && c <= 0x7E && !unicode.IsLetter(c) && !unicode.IsDigit(c))
	}
	if !ok || (pol.UpperCase && !upper) || (pol.Digits && !digit) || (pol.SpecSymbol && !special) {
		return msg
	}
	return ""
}

// webhookURLProblem is the SSRF guard: http(s) only, https when ssl, no address in the
// blacklist (loopback allowed with AllowLoopbackWebhooks). There is no DNS here: host
// names other than localhost count as public.
func (p *Portal) webhookURLProblem(raw string, ssl bool) string {
	u, err := url.Parse(raw)
	switch {
	case err != nil || !u.IsAbs() || u.Host == "":
		return "Invalid URL: " + raw
	case u.Scheme != "http" && u.Scheme != "https":
		return "Invalid URL scheme: " + u.Scheme
	case ssl && u.Scheme != "https":
		return "HTTPS is required"
	}
	host := u.Hostname()
	ip := net.ParseIP(host)
	resolved := strings.EqualFold(host, "localhost")
	if resolved {
		ip = net.IPv4(127, 0, 0, 1)
	}
	if ip == nil || (ip.IsLoopback() && p.opts.AllowLoopbackWebhooks) {
		return ""
	}
	for _, n := range webhookBlacklist {
		if n.Contains(ip) {
			if resolved {
				return "URL resolves to a blacklisted IP address"
			}
			return "URL host is in the blacklist"
		}
	}
	return ""
}

func (p *Portal) createWebhook(w http.ResponseWriter, r *http.Request, u *Person) {
	var b webhookBody
	if !p.bindBody(w, r, &b) {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if u.Type == Guest {
		forbidden(w, msgAccessDenied)
		return
	}
	if field, message := b.modelError(); field != "" {
		p.invalid(w, r, field, message)
		return
	}
	if msg := p.validateWebhookLocked(u, b, true); msg != "" {
		badArgument(w, msg)
		return
	}
	for _, h := range p.webhooks {
		if h.Name == *b.Name && h.URI == *b.URI {
			badArgument(w, "Webhook with the same name and payload URL already exists")
			return
		}
	}
	h := &Webhook{ID: p.nextWebhookID, Name: *b.Name, URI: *b.URI, Secret: b.SecretKey, Enabled: b.Enabled, SSL: b.SSL,
		Triggers: b.Triggers, CreatedBy: u.ID, Created: p.opts.Now()}
	if b.TargetID != nil {
		h.TargetID = *b.TargetID
	}
	p.nextWebhookID++
	p.webhooks[h.ID] = h
	p.auditLocked(u, actionWebhookCreated, "Webhook created: "+h.Name)
	p.ok(w, r, p.webhookJSONLocked(h))
}

// updateWebhookLocked: update validates first, then looks the webhook up; enable looks it
// up first and validates the stored configuration when turning it on.
func (p *Portal) updateWebhookLocked(w http.ResponseWriter, r *http.Request, u *Person, enableOnly bool) {
	var b webhookBody
	if !p.bindBody(w, r, &b) {
		return
	}
	if b.ID == nil {
		p.invalid(w, r, "Id", "The Id field is required.")
		return
	}
	if !enableOnly {
		if field, message := b.modelError(); field != "" {
			p.invalid(w, r, field, message)
			return
		}
		if msg := p.validateWebhookLocked(u, b, false); msg != "" {
			badArgument(w, msg)
			return
		}
	}
	h := p.webhooks[*b.ID]
	switch {
	case h == nil:
		fail(w, http.StatusNotFound, "The record could not be found", "ASC.Common.Web.ItemNotFoundException")
		return
	case !u.isAdmin() && h.CreatedBy != u.ID:
		forbidden(w, msgAccessDenied)
		return
	}
	if enableOnly {
		stored := webhookBody{Name: &h.Name, URI: &h.URI, SSL: h.SSL, Triggers: h.Triggers}
		if msg := p.validateWebhookLocked(u, stored, false); b.Enabled && msg != "" {
			badArgument(w, msg)
			return
		}
		h.Enabled = b.Enabled
	} else {
		h.Name, h.URI, h.Enabled, h.SSL, h.Triggers = *b.Name, *b.URI, b.Enabled, b.SSL, b.Triggers
		h.TargetID = ""
		if b.TargetID != nil {
			h.TargetID = *b.TargetID
		}
		if b.SecretKey != "" {
			h.Secret = b.SecretKey // an empty secret keeps the stored one
		}
	}
	h.Modified = p.opts.Now()
	p.auditLocked(u, actionWebhookUpdated, "Webhook updated: "+h.Name)
	p.ok(w, r, p.webhookJSONLocked(h))
}

func (p *Portal) deleteWebhookLocked(w http.ResponseWriter, r *http.Request, u *Person, rawID string) {
	id, err := strconv.Atoi(rawID)
	if err != nil {
		notFoundPage(w) // the {id:int} route does not match
		return
	}
	h := p.webhooks[id]
	switch {
	case h == nil:
		fail(w, http.StatusNotFound, "The record could not be found", "ASC.Common.Web.ItemNotFoundException")
	case !u.isAdmin() && h.CreatedBy != u.ID:
		forbidden(w, msgAccessDenied)
	default:
		answer := p.webhookJSONLocked(h)
		delete(p.webhooks, id)
		p.auditLocked(u, actionWebhookDeleted, "Webhook deleted: "+h.Name)
		p.ok(w, r, answer)
	}
}

func (d *WebhookDelivery) json() map[string]any {
	out := map[string]any{"id": d.ID, "configName": d.ConfigName, "trigger": d.Trigger, "creationTime": d.Created.UTC().Format(time.RFC3339Nano),
		"requestHeaders": d.RequestHeaders, "requestPayload": d.RequestPayload, "responsePayload": d.ResponsePayload, "status": d.Status}
	if !d.Delivered.IsZero() {
		out["delivery"] = d.Delivered.UTC().Format(time.RFC3339Nano)
	}
	return out
}

// listDeliveriesLocked is the delivery log, newest first, filtered by configId; users
// see only the deliveries of their own webhooks.
func (p *Portal) listDeliveriesLocked(w http.ResponseWriter, r *http.Request, u *Person) {
	q := queryFold(r)
	config, _ := strconv.Atoi(q.Get("configid"))
	count := 100
	if c := q.Get("count"); c != "" {
		n, err := strconv.Atoi(c)
		if err != nil || n < 1 || n > 100 {
			p.invalid(w, r, "Count", "The field Count must be between 1 and 100.")
			return
		}
		count = n
	}
	start, _ := strconv.Atoi(q.Get("startindex"))
	var matched []map[string]any
	for i := len(p.webhookLog) - 1; i >= 0; i-- {
		d := p.webhookLog[i]
		h := p.webhooks[d.ConfigID]
		if (config != 0 && d.ConfigID != config) || (!u.isAdmin() && (h == nil || h.CreatedBy != u.ID)) {
			continue
		}
		matched = append(matched, d.json())
	}
	page := []map[string]any{}
	if start >= 0 && start < len(matched) {
		page = matched[start:min(start+count, len(matched))]
	}
	p.okList(w, r, page, len(matched))
}

// DeliverWebhookEvent makes the portal send an event now, the way its delivery worker
// does: to every enabled webhook whose triggers include it (or are all) and whose target,
// if any, is targetID; signed with x-docspace-signature-256. It returns when every
// delivery has been answered (or failed) and logged. A 410 Gone deletes the webhook.
func (p *Portal) DeliverWebhookEvent(ctx context.Context, trigger, targetID string, payload any) ([]WebhookDelivery, error) {
	var bit int64
	for _, t := range webhookTriggers {
		if t.name == trigger {
			bit = t.bit
		}
	}
	if bit == 0 {
		return nil, fmt.Errorf("unknown trigger %q", trigger)
	}
	type send struct {
		hook    Webhook
		logID   int
		body    []byte
		created time.Time
	}
	var sends []send
	p.mu.Lock()
	for _, id := range p.webhookIDsLocked() {
		h := p.webhooks[id]
		if !h.Enabled || (h.Triggers != 0 && h.Triggers&bit == 0) || (h.TargetID != "" && h.TargetID != targetID) {
			continue
		}
		logID := len(p.webhookLog) + len(sends) + 1
		body, _ := json.Marshal(map[string]any{
			"event":   map[string]any{"id": logID, "createOn": p.opts.Now().UTC().Format(time.RFC3339Nano), "createBy": h.CreatedBy, "trigger": trigger, "triggerId": bit},
			"payload": payload,
			"webhook": map[string]any{"id": h.ID, "name": h.Name, "url": h.URI, "triggers": triggerNames(h.Triggers)},
		})
		sends = append(sends, send{hook: *h, logID: logID, body: body, created: p.opts.Now()})
	}
	p.mu.Unlock()

	var out []WebhookDelivery
	for _, s := range sends {
		d := deliver(ctx, s.hook, s.body)
		d.ID, d.ConfigID, d.ConfigName, d.Trigger, d.Created = s.logID, s.hook.ID, s.hook.Name, bit, s.created
		p.mu.Lock()
		d.Delivered = p.opts.Now()
		p.recordDeliveryLocked(&d)
		p.mu.Unlock()
		out = append(out, d)
	}
	return out, nil
}

// deliver POSTs one signed body, without following redirects.
func deliver(ctx context.Context, h Webhook, body []byte) WebhookDelivery {
	mac := hmac.New(sha256.New, []byte(h.Secret))
	mac.Write(body)
	signature := "sha256=" + strings.ToUpper(hex.EncodeToString(mac.Sum(nil)))
	d := WebhookDelivery{RequestPayload: string(body)}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, h.URI, bytes.NewReader(body))
	if err != nil {
		d.Status, d.ResponsePayload = 500, err.Error()
		return d
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	req.Header.Set("Accept", "*/*")
	req.Header.Set("x-docspace-signature-256", signature)
	headers, _ := json.Marshal(req.Header)
	d.RequestHeaders = string(headers)
	client := &http.Client{Timeout: 10 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		d.Status, d.ResponsePayload = 500, err.Error()
		return d
	}
	defer func() { _ = resp.Body.Close() }()
	answer, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<16))
	d.Status, d.ResponsePayload = resp.StatusCode, string(answer)
	return d
}

func (p *Portal) recordDeliveryLocked(d *WebhookDelivery) {
	p.webhookLog = append(p.webhookLog, d)
	h, ok := p.webhooks[d.ConfigID]
	switch {
	case !ok:
	case d.Status == http.StatusGone:
		delete(p.webhooks, d.ConfigID) // the receiver said it is gone for good
	case d.Status >= 200 && d.Status <= 299:
		h.LastSuccess = d.Delivered
	default:
		h.LastFailure, h.LastFailureContent = d.Delivered, truncateRunes(d.ResponsePayload, 200)
	}
}

func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n])
	}
	return s
}
