package mockportal

import (
	"net/http"
	"time"
)

// File operations: archive, unarchive and delete rooms run asynchronously. An operation
// runs for JobDuration; a GET /fileops after that reports it finished once (progress 100)
// and then drops it, as DocSpace does. Its effect applies when it finishes.

// DefaultJobDuration is how long a file operation runs when Options.JobDuration is zero.
const DefaultJobDuration = 300 * time.Millisecond

type opKind int

const (
	opArchive opKind = iota
	opUnarchive
	opDelete
)

// fileOperationType is the API's FileOperationType: archive and unarchive are moves.
func (k opKind) fileOperationType() int {
	if k == opDelete {
		return 2
	}
	return 0
}

type fileOperation struct {
	id       string
	owner    string // the user who started it: GET /fileops lists the caller's only
	kind     opKind
	roomID   int
	started  time.Time
	duration time.Duration
	failWith string
	finished bool // the effect has been applied (or the operation failed)
}

// jobDuration is how long an asynchronous job (file operation, user type change) runs.
func (p *Portal) jobDuration() time.Duration {
	if p.opts.JobDuration <= 0 {
		return DefaultJobDuration
	}
	return p.opts.JobDuration
}

// SetFileOperationFailure makes every file operation started from now on fail with message
// and change nothing; "" turns failures off.
func (p *Portal) SetFileOperationFailure(message string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.opFailure = message
}

func (p *Portal) startFileOpLocked(u *Person, roomID int, kind opKind) *fileOperation {
	op := &fileOperation{id: NewGUID(), owner: u.ID, kind: kind, roomID: roomID, started: p.opts.Now(), duration: p.jobDuration(), failWith: p.opFailure}
	p.fileOps = append(p.fileOps, op)
	return op
}

// settleFileOpsLocked applies the effect of every operation whose time is up.
func (p *Portal) settleFileOpsLocked() {
	now := p.opts.Now()
	for _, op := range p.fileOps {
		if op.finished || now.Sub(op.started) < op.duration {
			continue
		}
		op.finished = true
		if op.failWith != "" {
			continue
		}
		room, ok := p.rooms[op.roomID]
		if !ok {
			continue
		}
		switch op.kind {
		case opArchive:
			room.Archived, room.Updated = true, now
		case opUnarchive:
			room.Archived, room.Updated = false, now
		case opDelete:
			delete(p.rooms, op.roomID)
			p.catalogForgetUnusedLocked(room.Tags) // tags only it used leave the catalog
		}
	}
}

func (op *fileOperation) json() map[string]any {
	progress := 0
	if op.finished {
		progress = 100
	}
	status := 1 // Running
	errText := ""
	switch {
	case op.finished && op.failWith != "":
		status, errText = 4, op.failWith // Failted (sic)
	case op.finished:
		status = 2
	}
	return map[string]any{"id": op.id, "Operation": op.kind.fileOperationType(), "progress": progress, "error": errText,
		"processed": "0", "finished": op.finished, "status": status}
}

// listFileOpsLocked answers GET /fileops: the caller's operations (or the one asked for by
// id); finished ones are reported this once and then dropped.
func (p *Portal) listFileOpsLocked(w http.ResponseWriter, r *http.Request, u *Person) {
	want := queryFold(r).Get("id")
	list := []map[string]any{}
	kept := p.fileOps[:0]
	for _, op := range p.fileOps {
		mine := op.owner == u.ID && (want == "" || op.id == want)
		if mine {
			list = append(list, op.json())
		}
		if !mine || !op.finished {
			kept = append(kept, op)
		}
	}
	p.fileOps = kept
	p.ok(w, r, list)
}
