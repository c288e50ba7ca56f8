package mockportal

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
	"time"
)

// Portal invitation links, one per role: /api/2.0/portal/users/invitationlink (README.md,
// "People and groups"). Anyone with a link joins the portal with its role.

// InvitationLink is one of the portal's invitation links.
type InvitationLink struct {
	ID         string
	Type       Role // DocSpaceAdmin, RoomAdmin or User
	Expiration time.Time
	MaxUses    *int
	Uses       int
}

// InvitationLinks reports the portal's links by role.
func (p *Portal) InvitationLinks() map[Role]InvitationLink {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := map[Role]InvitationLink{}
	for t, l := range p.invitationLinks {
		out[t] = *l
	}
	return out
}

// UseInvitationLink records n accounts joining through the link of role t (out of band).
func (p *Portal) UseInvitationLink(t Role, n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if l := p.invitationLinks[t]; l != nil {
		l.Uses += n
	}
}

// linkTypes are the roles a link may have, by EmployeeType name and number.
var linkTypes = map[string]Role{"docspaceadmin": DocSpaceAdmin, "3": DocSpaceAdmin, "roomadmin": RoomAdmin, "1": RoomAdmin, "user": User, "4": User}

// mayHandleLinkLocked answers the refusals every link call shares and reports whether the
// caller may handle a link of role t: members' invitations must be on, the Owner alone
// handles the DocSpace admin link, and the caller must be allowed to add that role.
func (p *Portal) mayHandleLinkLocked(w http.ResponseWriter, caller *Person, t Role) bool {
	allowed := caller.isAdmin() && (t != DocSpaceAdmin || caller.Type == Owner) || caller.Type == RoomAdmin && t == User
	if !p.settings.Invitation.Members || !allowed {
		forbidden(w, msgAccessDenied)
		return false
	}
	return true
}

func (p *Portal) invitationLinkJSON(l *InvitationLink, caller *Person, r *http.Request) map[string]any {
	sum := sha256.Sum256([]byte(l.ID + caller.ID))
	base := strings.SplitN(requestURL(r), "/api/", 2)[0]
	out := map[string]any{"id": l.ID, "url": base + "/s/" + hex.EncodeToString(sum[:6]), "currentUseCount": l.Uses,
		"expiration": "", "isExpired": false, "maxUseCount": nil, "employeeType": employeeTypeNumber(l.Type)}
	if !l.Expiration.IsZero() {
		out["expiration"] = apiTime(l.Expiration)
		out["isExpired"] = l.Expiration.Before(p.opts.Now())
	}
	if l.MaxUses != nil {
		out["maxUseCount"] = *l.MaxUses
	}
	return out
}

func employeeTypeNumber(t Role) int {
	return map[Role]int{RoomAdmin: 1, Guest: 2, DocSpaceAdmin: 3, User: 4}[t]
}

type invitationLinkBody struct {
	ID           string  `json:"id"`
	EmployeeType *string `json:"employeeType"`
	Expiration   *string `json:"expiration"`
	MaxUseCount  *int    `json:"maxUseCount"`
}

// linkLimits reads expiration (in the future) and maxUseCount from a body; ok is false
// after answering 400.
func (p *Portal) linkLimits(w http.ResponseWriter, b invitationLinkBody) (exp time.Time, ok bool) {
	if b.Expiration != nil && *b.Expiration != "" {
		t, parsed := parseAPIDate(*b.Expiration)
		if !parsed || t.Before(p.opts.Now()) {
			badArgument(w, "Expiration")
			return exp, false
		}
		exp = t
	}
	if b.MaxUseCount != nil && *b.MaxUseCount < 1 {
		badArgument(w, "MaxUseCount")
		return exp, false
	}
	return exp, true
}

// serveInvitationLinksLocked routes portal/users/invitationlink[/{employeeType}].
func (p *Portal) serveInvitationLinksLocked(w http.ResponseWriter, r *http.Request, caller *Person, typeName string) {
	var b invitationLinkBody
	if r.Method != http.MethodGet && !p.bindBody(w, r, &b) {
		return
	}
	switch {
	case r.Method == http.MethodGet && typeName != "":
		p.getInvitationLinkLocked(w, r, caller, typeName)
	case r.Method == http.MethodPost && typeName == "":
		p.createInvitationLinkLocked(w, r, caller, b)
	case (r.Method == http.MethodPut || r.Method == http.MethodDelete) && typeName == "":
		p.changeInvitationLinkLocked(w, r, caller, b)
	default:
		notFoundPage(w)
	}
}

func (p *Portal) getInvitationLinkLocked(w http.ResponseWriter, r *http.Request, caller *Person, typeName string) {
	t, known := linkTypes[strings.ToLower(typeName)]
	switch {
	case !known:
		badArgument(w, "EmployeeType")
	case !p.mayHandleLinkLocked(w, caller, t):
	case p.invitationLinks[t] == nil:
		p.ok(w, r, nil) // no link for that role: 200 without a response
	default:
		p.ok(w, r, p.invitationLinkJSON(p.invitationLinks[t], caller, r))
	}
}

func (p *Portal) createInvitationLinkLocked(w http.ResponseWriter, r *http.Request, caller *Person, b invitationLinkBody) {
	t, known := Role(""), false
	if b.EmployeeType != nil {
		t, known = linkTypes[strings.ToLower(*b.EmployeeType)]
	}
	if !p.settings.Invitation.Members {
		forbidden(w, msgAccessDenied)
		return
	}
	if !known {
		badArgument(w, "EmployeeType")
		return
	}
	exp, ok := p.linkLimits(w, b)
	if !ok || !p.mayHandleLinkLocked(w, caller, t) || (t != User && !p.seatLeftLocked(w)) {
		return
	}
	if p.invitationLinks[t] != nil {
		badArgument(w, "link with the same EmployeeType already exists")
		return
	}
	l := &InvitationLink{ID: NewGUID(), Type: t, Expiration: exp, MaxUses: b.MaxUseCount}
	p.invitationLinks[t] = l
	p.ok(w, r, p.invitationLinkJSON(l, caller, r))
}

// changeInvitationLinkLocked is PUT (the body replaces expiration and the use limit: an
// omitted one is cleared) and DELETE (the link stops working) by id.
func (p *Portal) changeInvitationLinkLocked(w http.ResponseWriter, r *http.Request, caller *Person, b invitationLinkBody) {
	if !p.settings.Invitation.Members {
		forbidden(w, msgAccessDenied)
		return
	}
	var l *InvitationLink
	for _, link := range p.invitationLinks {
		if strings.EqualFold(link.ID, b.ID) {
			l = link
		}
	}
	if l == nil {
		fail(w, http.StatusNotFound, "The record could not be found", "ASC.Common.Web.ItemNotFoundException")
		return
	}
	if r.Method == http.MethodDelete {
		if p.mayHandleLinkLocked(w, caller, l.Type) {
			delete(p.invitationLinks, l.Type)
			p.ok(w, r, nil)
		}
		return
	}
	if b.MaxUseCount != nil && *b.MaxUseCount < l.Uses {
		badArgument(w, "MaxUseCount")
		return
	}
	exp, ok := p.linkLimits(w, b)
	if !ok || !p.mayHandleLinkLocked(w, caller, l.Type) {
		return
	}
	l.Expiration, l.MaxUses = exp, b.MaxUseCount
	p.ok(w, r, p.invitationLinkJSON(l, caller, r))
}
