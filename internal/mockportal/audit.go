package mockportal

import (
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The audit trail and login history: /api/2.0/security (README.md, "Settings").

// AuditEvent is one row of the audit trail.
type AuditEvent struct {
	ID       int
	Date     time.Time
	UserID   string
	User     string
	ActionID int
	Action   string
}

// LoginEvent is one row of the login history.
type LoginEvent struct {
	ID       int
	Date     time.Time
	UserID   string
	User     string
	Login    string
	ActionID int
	Action   string
	IP       string
}

// Login history action ids (MessageAction).
const (
	actionLoginViaAPI     = 1010
	actionLoginFailViaAPI = 1013
)

// auditLocked appends an audit event for a write by u.
func (p *Portal) auditLocked(u *Person, action int, text string) {
	e := AuditEvent{ID: len(p.auditEvents) + 1, Date: p.opts.Now(), ActionID: action, Action: text}
	if u != nil {
		e.UserID, e.User = u.ID, u.displayName()
	}
	p.auditEvents = append(p.auditEvents, e)
}

// loginEventLocked appends a login attempt.
func (p *Portal) loginEventLocked(r *http.Request, u *Person, login string, action int, text string) {
	e := LoginEvent{ID: len(p.loginEvents) + 1, Date: p.opts.Now(), Login: login, ActionID: action, Action: text, IP: strings.Split(r.RemoteAddr, ":")[0]}
	if u != nil {
		e.UserID, e.User = u.ID, u.displayName()
	}
	p.loginEvents = append(p.loginEvents, e)
}

// AuditEvents returns the audit trail, oldest first.
func (p *Portal) AuditEvents() []AuditEvent {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.auditEvents)
}

func (p *Portal) serveSecurityAPI(w http.ResponseWriter, r *http.Request, rest string) {
	if rest == "/csp" && r.Method == http.MethodGet {
		// Anonymous: the login page reads the policy before anyone signs in.
		p.mu.Lock()
		defer p.mu.Unlock()
		p.ok(w, r, p.cspJSONLocked())
		return
	}
	if rest == "/oauth2/token" && r.Method == http.MethodGet {
		// Every signed-in account, guests too: the identity service decides what it may do.
		p.serveAuthenticatedLocked(w, r, rest, func(w http.ResponseWriter, r *http.Request, u *Person, _ string) { p.issueSignatureLocked(w, r, u) })
		return
	}
	p.serveAuthenticatedLocked(w, r, rest, p.routeSecurityLocked)
}

func (p *Portal) routeSecurityLocked(w http.ResponseWriter, r *http.Request, u *Person, sub string) {
	m := r.Method
	switch {
	case !u.isAdmin():
		forbidden(w, msgAccessDenied)
	case sub == "audit/settings/lifetime" && m == http.MethodGet:
		p.ok(w, r, p.auditLifetimeJSON(p.settings.Audit))
	case sub == "audit/settings/lifetime" && m == http.MethodPost:
		p.postAuditLifetimeLocked(w, r, u)
	case (sub == "audit/events/filter" || sub == "audit/events/last") && m == http.MethodGet:
		p.listAuditLocked(w, r, sub == "audit/events/last")
	case (sub == "audit/login/filter" || sub == "audit/login/last") && m == http.MethodGet:
		p.listLoginsLocked(w, r, sub == "audit/login/last")
	case (sub == "audit/events/report" || sub == "audit/login/report") && m == http.MethodPost:
		p.auditReportLocked(w, r, sub)
	case sub == "csp" && m == http.MethodPost:
		p.postCSPLocked(w, r, u)
	case sub == "audit/types" && m == http.MethodGet:
		p.ok(w, r, auditTypesJSON())
	case sub == "audit/mappers" && m == http.MethodGet:
		p.ok(w, r, auditMappersJSON())
	default:
		notFoundPage(w)
	}
}

func (p *Portal) auditLifetimeJSON(s AuditLifetime) map[string]any {
	return map[string]any{"loginHistoryLifeTime": s.LoginHistory, "auditTrailLifeTime": s.AuditTrail, "lastModified": apiTime(p.settingsModified)}
}

// postAuditLifetimeLocked needs the audit plan on DocSpace Cloud and answers the request's
// settings object, not what was stored.
func (p *Portal) postAuditLifetimeLocked(w http.ResponseWriter, r *http.Request, u *Person) {
	var b struct {
		Settings *struct {
			LoginHistoryLifeTime int    `json:"loginHistoryLifeTime"`
			AuditTrailLifeTime   int    `json:"auditTrailLifeTime"`
			LastModified         string `json:"lastModified"`
		} `json:"settings"`
	}
	if !p.bindBody(w, r, &b) {
		return
	}
	switch {
	case !p.auditPlan():
		fail(w, http.StatusPaymentRequired, msgPlanDoesNotSupport, "ASC.Core.Billing.BillingException")
		return
	case b.Settings == nil:
		fail(w, http.StatusInternalServerError, "Object reference not set to an instance of an object.", "System.NullReferenceException")
		return
	case b.Settings.LoginHistoryLifeTime < 1 || b.Settings.LoginHistoryLifeTime > 180:
		badArgument(w, "LoginHistoryLifeTime")
		return
	case b.Settings.AuditTrailLifeTime < 1 || b.Settings.AuditTrailLifeTime > 180:
		badArgument(w, "AuditTrailLifeTime")
		return
	}
	p.settings.Audit = AuditLifetime{LoginHistory: b.Settings.LoginHistoryLifeTime, AuditTrail: b.Settings.AuditTrailLifeTime}
	p.savedLocked(u, actionAuditSettings, "Audit settings updated")
	last := b.Settings.LastModified
	if last == "" {
		last = "0001-01-01T00:00:00"
	}
	p.ok(w, r, map[string]any{"loginHistoryLifeTime": b.Settings.LoginHistoryLifeTime, "auditTrailLifeTime": b.Settings.AuditTrailLifeTime, "lastModified": last})
}

// msgPlanDoesNotSupport is every plan gate's 402 message.
const msgPlanDoesNotSupport = "Your pricing plan does not support this option"

// eventFilter is the query the audit and login filters share.
type eventFilter struct {
	userID       string
	action       int
	from, to     time.Time
	count, start int
}

func (p *Portal) parseEventFilter(w http.ResponseWriter, r *http.Request) (eventFilter, bool) {
	q := queryFold(r)
	f := eventFilter{userID: strings.ToLower(q.Get("userid")), count: 100}
	for name, target := range map[string]*int{"action": &f.action, "count": &f.count, "startindex": &f.start} {
		if v := q.Get(name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil {
				p.invalid(w, r, name, fmt.Sprintf("The value '%s' is not valid.", v))
				return f, false
			}
			*target = n
		}
	}
	for name, target := range map[string]*time.Time{"from": &f.from, "to": &f.to} {
		if v := q.Get(name); v != "" {
			t, err := parseAPITime(v)
			if err != nil {
				p.invalid(w, r, name, fmt.Sprintf("The value '%s' is not valid.", v))
				return f, false
			}
			*target = t
		}
	}
	if f.count < 1 || f.count > 100 || f.start < 0 {
		p.invalid(w, r, "count", "The field Count must be between 1 and 100.")
		return f, false
	}
	if f.userID == zeroGUID {
		f.userID = ""
	}
	return f, true
}

// parseAPITime reads the date forms the filters take: RFC 3339, with or without a
// fraction, or a bare date.
func parseAPITime(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("not a date: %q", s)
}

func (f eventFilter) keeps(userID string, action int, date time.Time) bool {
	return (f.userID == "" || f.userID == userID) && (f.action <= 0 || f.action == action) &&
		(f.from.IsZero() || !date.Before(f.from)) && (f.to.IsZero() || !date.After(f.to))
}

// listAuditLocked: newest first. Without the audit plan DocSpace answers the "last" list
// whatever the filter says, without an error.
func (p *Portal) listAuditLocked(w http.ResponseWriter, r *http.Request, last bool) {
	f, ok := p.parseEventFilter(w, r)
	if !ok {
		return
	}
	out := []map[string]any{}
	for i := len(p.auditEvents) - 1; i >= 0; i-- {
		e := p.auditEvents[i]
		if !last && p.auditPlan() && !f.keeps(e.UserID, e.ActionID, e.Date) {
			continue
		}
		out = append(out, map[string]any{"id": e.ID, "date": apiTime(e.Date), "user": e.User, "userId": e.UserID,
			"action": e.Action, "actionId": e.ActionID, "actionType": 2, "product": 7, "location": 29, "context": ""})
	}
	if last || !p.auditPlan() {
		p.ok(w, r, out[:min(20, len(out))])
		return
	}
	p.ok(w, r, out[min(f.start, len(out)):min(f.start+f.count, len(out))])
}

// listLoginsLocked: newest first; sic: the page is cut before the filters apply, so a page
// may hold fewer matches than exist.
func (p *Portal) listLoginsLocked(w http.ResponseWriter, r *http.Request, last bool) {
	f, ok := p.parseEventFilter(w, r)
	if !ok {
		return
	}
	var newest []LoginEvent
	for i := len(p.loginEvents) - 1; i >= 0; i-- {
		newest = append(newest, p.loginEvents[i])
	}
	if last || !p.auditPlan() {
		newest = newest[:min(20, len(newest))]
	} else {
		newest = newest[min(f.start, len(newest)):min(f.start+f.count, len(newest))]
	}
	out := []map[string]any{}
	for _, e := range newest {
		if !last && p.auditPlan() && !f.keeps(e.UserID, e.ActionID, e.Date) {
			continue
		}
		out = append(out, map[string]any{"id": e.ID, "date": apiTime(e.Date), "user": e.User, "userId": e.UserID, "login": e.Login,
			"action": e.Action, "actionId": e.ActionID, "ip": e.IP, "browser": "Go-http-client", "platform": "Linux", "page": "/api/2.0/authentication"})
	}
	p.ok(w, r, out)
}

// auditReportLocked is POST audit/events/report and audit/login/report: a CSV saved to the
// caller's documents, answered with its URL; the plan must include the audit trail.
func (p *Portal) auditReportLocked(w http.ResponseWriter, r *http.Request, sub string) {
	if !p.auditPlan() {
		fail(w, http.StatusPaymentRequired, msgPlanDoesNotSupport, "ASC.Core.Billing.BillingException")
		return
	}
	name := "AuditTrailReport"
	if strings.Contains(sub, "login") {
		name = "LoginHistoryReport"
	}
	base := strings.SplitN(requestURL(r), "/api/", 2)[0]
	p.ok(w, r, fmt.Sprintf("%s/doceditor?fileId=%d&name=%s_%s.csv", base, 5000+len(p.auditEvents), name, p.opts.Now().Format("2006-01-02")))
}

// The audit trail's enums, as GET audit/types names them.
var (
	auditActionTypes  = []string{"None", "Create", "Update", "Delete", "Link", "Unlink", "Attach", "Detach", "Send", "Import", "Export", "UpdateAccess", "Download", "Upload", "Copy", "Move", "Reassigns", "Follow", "Unfollow", "Logout"}
	auditProductTypes = []string{"Documents", "Login", "Settings", "Contacts"}
	auditModuleTypes  = []string{"None", "Files", "Folders", "DocumentsSettings", "Rooms", "Settings", "Contacts", "Agents"}
	auditEntryTypes   = []string{"None", "File", "Folder", "User", "Group", "Room", "Tag", "Agent"}
	// auditSettingsActions are the MessageAction names of the settings writes the mock audits.
	auditSettingsActions = map[int]string{actionTrustedDomains: "TrustedMailDomainSettingsUpdated", actionPassword: "PasswordStrengthSettingsUpdated",
		actionCookies: "CookieSettingsUpdated", actionAuditSettings: "AuditSettingsUpdated", actionTFADisabled: "TwoFactorAuthenticationDisabled",
		actionTFABySMS: "TwoFactorAuthenticationEnabledBySms", actionTFAByApp: "TwoFactorAuthenticationEnabledByTfaApp",
		actionWebhookCreated: "WebhookCreated", actionWebhookUpdated: "WebhookUpdated", actionWebhookDeleted: "WebhookDeleted",
		actionInvitation: "InvitationSettingsUpdated", actionIP: "IPRestrictionsSettingsUpdated", actionLoginSettings: "LoginSettingsUpdated",
		actionRoomQuota: "QuotaPerRoomChanged", actionUserQuota: "QuotaPerUserChanged"}
)

func auditTypesJSON() map[string]any {
	actions := []string{}
	for _, id := range slices.Sorted(maps.Keys(auditSettingsActions)) {
		actions = append(actions, auditSettingsActions[id])
	}
	return map[string]any{"actions": actions, "actionTypes": auditActionTypes, "productTypes": auditProductTypes,
		"moduleTypes": auditModuleTypes, "entryTypes": auditEntryTypes}
}

// auditMappersJSON maps the settings actions the mock audits to product, module and type.
func auditMappersJSON() []map[string]any {
	actions := []map[string]any{}
	for _, id := range slices.Sorted(maps.Keys(auditSettingsActions)) {
		actions = append(actions, map[string]any{"messageAction": auditSettingsActions[id], "actionType": "Update", "entity": "None"})
	}
	return []map[string]any{{"productType": "Settings", "modules": []map[string]any{{"moduleType": "Settings", "actions": actions}}}}
}
