package mockportal

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"time"
)

// tenantState is the tenant's store: its id and status, the restore that may be running,
// and the logins (session tokens, the owner's password, brute-force counters).
type tenantState struct {
	tenantID       int
	alias          string // the tenant's name: its subdomain on a multi-portal server
	tenantStatus   int
	restore        *restoreTask
	restoreFailure string
	tokens         map[string]string // session token → user id
	ownerPassword  string
	loginAttempts  map[string]*loginAttempts
}

func newTenantState(opts Options) tenantState {
	password := opts.OwnerPassword
	if password == "" {
		password = "Owner-" + randomHex(8)
	}
	return tenantState{tenantID: 1, alias: "portal", tokens: map[string]string{}, ownerPassword: password, loginAttempts: map[string]*loginAttempts{}}
}

// Restores: POST /api/2.0/backup/startrestore and GET /api/2.0/backup/getrestoreprogress
// (README.md, "Restores"). A restore runs for RestoreDuration. From 10% on the portal is
// "restoring" (tenant status 4): most endpoints answer 403 with an empty body. When it
// completes the portal's data comes from the backup: a new tenant id, new ids for users
// and rooms, and no API keys or sessions. The owner's password (from the backup) still
// logs in.

// DefaultRestoreDuration is how long a restore runs when Options.RestoreDuration is zero.
const DefaultRestoreDuration = time.Second

const (
	tenantActive    = 0
	tenantRestoring = 4
	restoreLockAt   = 10 // percent at which the portal locks
)

type restoreTask struct {
	taskID   string
	tenantID int
	dump     bool
	started  time.Time
	duration time.Duration
	failWith string
	done     bool // the swap (or the failure) has been applied
}

func (t *restoreTask) progress(now time.Time) int {
	return min(100, int(now.Sub(t.started)*100/t.duration))
}

// SetRestoreFailure makes restores started from now on fail inside the job with message
// ("" turns it off).
func (p *Portal) SetRestoreFailure(message string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.restoreFailure = message
}

// TenantID is the portal's tenant id; a completed restore changes it.
func (p *Portal) TenantID() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.settleRestoreLocked()
	return p.tenantID
}

// Restoring reports whether the portal is locked by a running restore.
func (p *Portal) Restoring() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.settleRestoreLocked()
	return p.tenantStatus == tenantRestoring
}

// reportedTenantStatusLocked is the tenant status the portal reports (GET settings,
// GET portal): Restoring from the moment a restore starts until it ends, although
// requests are refused only once the portal is locked.
func (p *Portal) reportedTenantStatusLocked() int {
	if t := p.restore; t != nil && !t.done {
		return tenantRestoring
	}
	return p.tenantStatus
}

// settleRestoreLocked moves the restore on by the clock: the lock at 10%, the swap (or the
// failure) at 100%.
func (p *Portal) settleRestoreLocked() {
	t := p.restore
	if t == nil || t.done {
		return
	}
	pct := t.progress(p.opts.Now())
	if pct >= restoreLockAt && pct < 100 {
		p.tenantStatus = tenantRestoring
	}
	if pct < 100 {
		return
	}
	t.done = true
	p.tenantStatus = tenantActive
	if t.failWith != "" {
		return
	}
	p.swapTenantLocked()
	t.tenantID = p.tenantID
}

// swapTenantLocked is what a completed restore leaves: the backup's data under new ids,
// without the API keys and sessions, which a backup does not contain.
func (p *Portal) swapTenantLocked() {
	p.tenantID += 100
	p.keys, p.keyUser, p.tokens = map[string]Role{}, map[string]string{}, map[string]string{}
	p.keysState = newKeysState()
	newID := map[string]string{}
	users := map[string]*Person{}
	for i, old := range p.userOrder {
		u := p.users[old]
		u.ID = NewGUID()
		newID[old] = u.ID
		users[u.ID] = u
		p.userOrder[i] = u.ID
	}
	for _, u := range users {
		u.CreatedBy = newID[u.CreatedBy]
	}
	p.users = users
	groups := map[string]*Group{}
	for old, g := range p.groups {
		g.ID = NewGUID()
		newID[old] = g.ID
		for i, m := range g.Members {
			g.Members[i] = newID[m]
		}
		g.Manager = newID[g.Manager]
		groups[g.ID] = g
	}
	p.groups = groups
	rooms := map[int]*Room{}
	for _, id := range p.sortedRoomIDsLocked() {
		r := p.rooms[id]
		r.ID, r.OwnerID = p.nextRoomID, newID[r.OwnerID]
		p.nextRoomID++
		members := map[string]RoomMember{}
		for subject, m := range r.Members {
			members[newID[subject]] = m
		}
		r.Members = members
		rooms[r.ID] = r
	}
	p.rooms = rooms
	p.fileOps = nil
	p.typeJobs = map[string]*typeJob{}
}

func (t *restoreTask) json(now time.Time) map[string]any {
	pct, status := t.progress(now), 1
	errText := ""
	if pct >= 100 {
		status = 2 // Completed, failed or not: the error says which
		if t.failWith != "" {
			errText = t.failWith
		}
	} else if pct == 0 {
		status = 0
	}
	return map[string]any{"taskId": t.taskID, "tenantId": t.tenantID, "isCompleted": pct >= 100, "progress": pct,
		"error": errText, "backupProgressEnum": 1, "status": status}
}

type startRestoreBody struct {
	BackupID      string            `json:"backupId"`
	StorageType   *int              `json:"storageType"`
	StorageParams wireStorageParams `json:"storageParams"`
	Notify        bool              `json:"notify"`
	Dump          bool              `json:"dump"`
}

// startRestore runs DocSpace's checks in order: dump on a standalone server only, the
// plan (SaaS portals need a paid plan), the backup id or the file, then a task (or the one
// already running, before it locked the portal).
func (p *Portal) startRestore(w http.ResponseWriter, r *http.Request, _ query) {
	raw, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	var body startRestoreBody
	if err := json.Unmarshal(raw, &body); err != nil {
		fail(w, http.StatusBadRequest, "Invalid request body", "System.ArgumentException")
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	switch {
	case body.Dump && !p.opts.Standalone:
		fail(w, http.StatusForbidden, "Access denied", "System.Security.SecurityException")
		return
	case !p.opts.Standalone && !p.opts.Paid:
		fail(w, http.StatusPaymentRequired, "Your pricing plan does not support this option", "ASC.Core.Billing.BillingException")
		return
	}
	failWith := p.restoreFailure
	switch id := strings.ToLower(body.BackupID); {
	case id == zeroGUID:
		// The all-zero GUID is "no id": nothing is looked up, and the job fails later.
		failWith = "The backup file is invalid."
	case guidRE.MatchString(id):
		if !p.hasRecordLocked(body.Dump, id) {
			fail(w, http.StatusNotFound, "The system cannot find the file specified.", "System.IO.FileNotFoundException")
			return
		}
	default:
		params := map[string]string{}
		for _, kv := range body.StorageParams {
			params[kv.Key] = kv.Value
		}
		file, ok := params["filePath"]
		if !ok {
			fail(w, http.StatusInternalServerError, "The given key 'filePath' was not present in the dictionary.", "System.Collections.Generic.KeyNotFoundException")
			return
		}
		if !p.isBackupFileLocked(body.Dump, file) && failWith == "" {
			failWith = "The backup file is invalid." // wrong storage settings surface inside the job
		}
	}
	now := p.opts.Now()
	if t := p.restore; t != nil && !t.done && t.progress(now) < restoreLockAt {
		p.ok(w, r, t.json(now)) // joins the restore already starting
		return
	}
	d := p.opts.RestoreDuration
	if d <= 0 {
		d = DefaultRestoreDuration
	}
	p.restore = &restoreTask{taskID: NewGUID(), tenantID: p.tenantID, dump: body.Dump, started: now, duration: d, failWith: failWith}
	p.ok(w, r, p.restore.json(now))
}

func (p *Portal) hasRecordLocked(dump bool, id string) bool {
	for _, rec := range p.records[dump] {
		if rec.ID == id {
			return true
		}
	}
	return false
}

// isBackupFileLocked: a file restore finds its archive when the path ends in the name of a
// backup the portal made.
func (p *Portal) isBackupFileLocked(dump bool, path string) bool {
	for _, rec := range p.records[dump] {
		if strings.HasSuffix(path, rec.FileName) {
			return true
		}
	}
	return false
}

// getRestoreProgress is anonymous: the key that started a restore no longer works after it.
func (p *Portal) getRestoreProgress(w http.ResponseWriter, r *http.Request, q query) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.settleRestoreLocked()
	if p.restore == nil || (q.dumpSet && q.dump != p.restore.dump) {
		p.ok(w, r, nil)
		return
	}
	p.ok(w, r, p.restore.json(p.opts.Now()))
}

// restoreAllows says whether a request goes through while the portal is restoring: only
// paths ending in a few names do (DocSpace matches suffixes).
func restoreAllows(apiPath string) bool {
	path := strings.TrimSuffix(strings.ToLower(apiPath), ".json")
	for _, suffix := range []string{"getrestoreprogress", "portal", "settings", "@self", "build", "logos", "colortheme"} {
		if strings.HasSuffix(path, "/"+suffix) {
			return true
		}
	}
	return false
}
