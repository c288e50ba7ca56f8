package mockportal

import (
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

// User type changes: PUT /people/type/{type} changes at once (upgrades, and DocSpace admin
// to room admin); POST /people/type starts the asynchronous downgrade to User or Guest,
// which hands the user's rooms and files to someone else.

// typeJob is a downgrade in progress (or done), one per user.
type typeJob struct {
	id       string
	userID   string
	to       Role
	started  time.Time
	duration time.Duration
	failWith string
	done     bool
	canceled bool
}

// mayChangeTypeLocked is PUT /people/type's transition table; the same type, the Owner,
// yourself and every downgrade are refused.
func mayChangeType(caller, u *Person, to Role) bool {
	from := u.Type
	switch {
	case u.ID == caller.ID:
		return false
	case to == DocSpaceAdmin:
		return caller.Type == Owner && (from == RoomAdmin || from == User || from == Guest)
	case to == RoomAdmin && from == DocSpaceAdmin:
		return caller.Type == Owner
	case to == RoomAdmin:
		return caller.isAdmin() && (from == User || from == Guest)
	case to == User && from == Guest:
		return caller.isAdmin() || (caller.Type == RoomAdmin && u.CreatedBy == caller.ID)
	}
	return false
}

func (p *Portal) setTypeLocked(w http.ResponseWriter, r *http.Request, caller *Person, typeParam string) {
	to, known := employeeTypes[typeParam]
	if !known || to == "" {
		p.invalid(w, r, "type", "The value '"+typeParam+"' is not valid.")
		return
	}
	var b userIDsBody
	if !p.bindBody(w, r, &b) {
		return
	}
	roomAdminMay := caller.Type == RoomAdmin && (to == User || to == Guest)
	if !caller.isAdmin() && !roomAdminMay {
		forbidden(w, msgAccessDenied)
		return
	}
	out := []map[string]any{}
	for _, id := range derefIDs(b.UserIDs) {
		// One by one: users converted before a refusal stay converted.
		u := p.users[id]
		switch {
		case u == nil || !p.canSeeLocked(caller, u), u.Disabled, !mayChangeType(caller, u, to):
			forbidden(w, msgAccessDenied)
			return
		case (to == RoomAdmin || to == DocSpaceAdmin) && !u.paid() && !p.seatLeftLocked(w):
			return
		}
		u.Type = to
		out = append(out, p.employeeFullLocked(u, caller))
	}
	p.ok(w, r, out)
}

func derefIDs(ids *[]string) []string {
	if ids == nil {
		return nil
	}
	return *ids
}

type typeChangeBody struct {
	UserID         string          `json:"userId"`
	Type           json.RawMessage `json:"type"`
	ReassignUserID string          `json:"reassignUserId"`
}

func (p *Portal) startTypeChangeLocked(w http.ResponseWriter, r *http.Request, caller *Person) {
	var b typeChangeBody
	if !p.bindBody(w, r, &b) {
		return
	}
	to, _ := parseEmployeeType(b.Type)
	if to != User && to != Guest {
		badArgument(w, "Can not update to "+string(b.Type))
		return
	}
	if !caller.isAdmin() && caller.Type != RoomAdmin {
		forbidden(w, msgAccessDenied)
		return
	}
	u := p.users[b.UserID]
	recipient := p.users[caller.ID]
	if b.ReassignUserID != "" {
		recipient = p.users[b.ReassignUserID]
	}
	switch {
	case u == nil || u.Disabled || u.Pending || u.ID == caller.ID || u.Type == Owner || typeRank[to] >= typeRank[u.Type]:
		badArgument(w, "Can not update type")
		return
	case u.Type == DocSpaceAdmin && caller.Type != Owner:
		badArgument(w, "Can not update type for admin")
		return
	case recipient == nil || recipient.ID == u.ID || recipient.Disabled || !recipient.paid():
		badArgument(w, "Can not reassign to user - the recipient must be an active room admin or DocSpace admin")
		return
	}
	job := &typeJob{id: NewGUID(), userID: u.ID, to: to, started: p.opts.Now(), duration: p.jobDuration()}
	switch {
	case !caller.isAdmin():
		job.failWith = "You don't have enough permission to perform the operation"
	case p.typeChangeFailure != "":
		job.failWith = p.typeChangeFailure
	}
	p.typeJobs[u.ID] = job
	p.ok(w, r, job.json())
}

// SetTypeChangeFailure makes every downgrade started from now on fail with message and
// change nothing; "" turns failures off.
func (p *Portal) SetTypeChangeFailure(message string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.typeChangeFailure = message
}

func (p *Portal) typeProgressLocked(w http.ResponseWriter, r *http.Request, caller *Person, userID string) {
	if !caller.isAdmin() {
		forbidden(w, msgAccessDenied)
		return
	}
	job, ok := p.typeJobs[userID]
	if !ok {
		p.ok(w, r, nil) // no job: no response member
		return
	}
	p.ok(w, r, job.json())
}

// settleTypeJobsLocked finishes the downgrades whose time is up.
func (p *Portal) settleTypeJobsLocked() {
	now := p.opts.Now()
	for _, job := range p.typeJobs {
		if job.done || now.Sub(job.started) < job.duration {
			continue
		}
		job.done = true
		if u, ok := p.users[job.userID]; ok && job.failWith == "" && !job.canceled {
			u.Type = job.to
		}
	}
}

// json is TaskProgressResponseDto; status is DistributedTaskStatus (1 running, 2 done, 4 failed).
func (j *typeJob) json() map[string]any {
	status, percent := 1, 0
	switch {
	case j.canceled:
		status, percent = 3, 100
	case j.done && j.failWith != "":
		status, percent = 4, 100
	case j.done:
		status, percent = 2, 100
	}
	return map[string]any{"id": j.id, "error": j.failWith, "percentage": percent, "isCompleted": j.done, "status": status}
}

// terminateTypeChangeLocked is PUT /people/type/terminate: admins cancel a downgrade that
// has not finished; the account keeps its type and the job reports status 3 (Canceled).
func (p *Portal) terminateTypeChangeLocked(w http.ResponseWriter, r *http.Request, caller *Person) {
	var b struct {
		UserID string `json:"userId"`
	}
	if !p.bindBody(w, r, &b) {
		return
	}
	if !caller.isAdmin() {
		forbidden(w, msgAccessDenied)
		return
	}
	job, ok := p.typeJobs[strings.ToLower(b.UserID)]
	if !ok {
		p.ok(w, r, nil) // no job: no response member
		return
	}
	if !job.done {
		job.done, job.canceled = true, true
	}
	p.ok(w, r, job.json())
}
