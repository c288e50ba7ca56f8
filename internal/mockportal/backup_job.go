package mockportal

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"
)

// DefaultBackupDuration is how long a mock backup job takes from 0 to 100%.
const DefaultBackupDuration = 2 * time.Second

// job is the portal's single backup job. Its progress is derived from the clock, so it
// advances while nobody is looking, like the real worker.
type job struct {
	taskID      string
	dump        bool
	storageType int
	started     time.Time
	duration    time.Duration
	failWith    string
	warning     string
	finished    bool // history record written (or failure recorded)
}

type startBackupBody struct {
	StorageType   *int              `json:"storageType"`
	StorageParams wireStorageParams `json:"storageParams"`
	Dump          bool              `json:"dump"`
}

// wireStorageParams is the API's [{key, value}] list.
type wireStorageParams []struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// checkedStorage turns the list into a map and applies the storage rules, answering the
// request itself when they fail.
func (p *Portal) checkedStorage(w http.ResponseWriter, storageType int, list wireStorageParams) (map[string]string, bool) {
	params := map[string]string{}
	for _, kv := range list {
		params[kv.Key] = kv.Value
	}
	if status, msg := p.checkStorage(storageType, params); status != 0 {
		fail(w, status, msg, "System.ArgumentException")
		return nil, false
	}
	return params, true
}

// SetFreeBackupsUsedUp makes startbackup answer 402 (monthly free backups used up).
func (p *Portal) SetFreeBackupsUsedUp(v bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.freeBackupsUsedUp = v
}

// SetBackupFailure makes the next jobs fail half-way with this error message ("" to stop).
func (p *Portal) SetBackupFailure(message string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.backupFailure = message
}

// SetBackupWarning makes the next jobs complete with this warning ("" to stop).
func (p *Portal) SetBackupWarning(message string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.backupWarning = message
}

// BackupCancellations counts cancelbackup calls that dropped a job.
func (p *Portal) BackupCancellations() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.cancellations
}

func (p *Portal) startBackup(w http.ResponseWriter, r *http.Request, _ query) {
	raw, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	var body startBackupBody
	if err == nil {
		err = json.Unmarshal(raw, &body)
	}
	if err != nil || body.StorageType == nil {
		fail(w, http.StatusBadRequest, "Invalid request body", "System.ArgumentException")
		return
	}
	if body.Dump && !p.opts.Standalone {
		// The space-access check runs first: a portal that is not a standalone server
		// refuses dump operations with 403, like every backup endpoint (the server's 400
		// "backup can't start as dump" sits behind it).
		fail(w, http.StatusForbidden, "Access denied", "System.Security.SecurityException")
		return
	}
	if _, ok := p.checkedStorage(w, *body.StorageType, body.StorageParams); !ok {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.freeBackupsUsedUp {
		fail(w, http.StatusPaymentRequired, "The number of free backups should not exceed 0 within a month", "ASC.Core.Billing.BillingException")
		return
	}
	// One job per portal: while one runs, starting again reports that one.
	if p.job == nil || isCompleted(p.jobStateLocked()) {
		duration := p.opts.BackupDuration
		if duration <= 0 {
			duration = DefaultBackupDuration
		}
		p.job = &job{taskID: NewGUID(), dump: body.Dump, storageType: *body.StorageType, started: p.opts.Now(), duration: duration, failWith: p.backupFailure, warning: p.backupWarning}
	}
	state := p.jobStateLocked()
	if !isCompleted(state) && state["progress"] == 0 {
		state["status"] = 0 // Created
	}
	p.ok(w, r, state)
}

// checkStorage applies startbackup's and createbackupschedule's storage rules.
func (p *Portal) checkStorage(storageType int, params map[string]string) (int, string) {
	if storageType < StorageDocuments || storageType > StorageThirdPartyConsumer {
		return http.StatusBadRequest, fmt.Sprintf("The value '%d' is not valid for StorageType.", storageType)
	}
	folder, hasFolder := params["folderId"]
	_, intErr := strconv.Atoi(folder)
	switch storageType {
	case StorageDocuments:
		if !hasFolder || intErr != nil {
			return http.StatusBadRequest, "wrong folder type"
		}
		id, _ := strconv.Atoi(folder)
		if !p.folderExists(id) {
			return http.StatusNotFound, "The required folder was not found"
		}
	case StorageThirdPartyDocs:
		if !hasFolder || intErr == nil {
			return http.StatusBadRequest, "wrong folder type"
		}
	case StorageLocal:
		if !p.opts.Standalone {
			return http.StatusBadRequest, "Local storage is available on self-hosted servers only"
		}
	}
	return 0, ""
}

func (p *Portal) folderExists(id int) bool {
	folders := p.opts.Folders
	if folders == nil {
		folders = []int{1, 2, 3}
	}
	for _, f := range folders {
		if f == id {
			return true
		}
	}
	return false
}

// jobStateLocked derives the job's progress from the clock and, on completion, writes its
// history record once. Caller holds p.mu.
func (p *Portal) jobStateLocked() map[string]any {
	j := p.job
	elapsed := p.opts.Now().Sub(j.started)
	progress := int(min(100, elapsed*100/j.duration))
	state := map[string]any{
		"taskId": j.taskID, "progress": progress, "isCompleted": false, "error": "", "warning": "",
		"link": "", "tenantId": 1, "backupProgressEnum": 0, "status": 1,
	}
	switch {
	case j.failWith != "" && progress >= 50:
		state["progress"], state["isCompleted"], state["error"], state["status"] = 50, true, j.failWith, 4
	case progress >= 100:
		state["isCompleted"], state["status"], state["warning"] = true, 2, j.warning
		state["link"] = fmt.Sprintf("/backupFileUpload.ashx?id=%s", j.taskID)
		if !j.finished {
			j.finished = true
			created := p.opts.Now().UTC().Truncate(time.Second)
			p.records[j.dump] = append(p.records[j.dump], Record{
				ID: j.taskID, FileName: "backup_" + created.Format("2006-01-02_15-04-05") + ".tar.gz",
				StorageType: j.storageType, CreatedOn: created, ExpiresOn: created.Add(30 * 24 * time.Hour),
			})
		}
	}
	return state
}

func isCompleted(state map[string]any) bool {
	done, _ := state["isCompleted"].(bool)
	return done
}

func (p *Portal) getBackupProgress(w http.ResponseWriter, r *http.Request, q query) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.job == nil || p.job.dump != q.dump {
		p.ok(w, r, nil) // no job: 200 without a response member
		return
	}
	p.ok(w, r, p.jobStateLocked())
}

func (p *Portal) cancelBackup(w http.ResponseWriter, r *http.Request, _ query) {
	p.mu.Lock()
	defer p.mu.Unlock()
	dropped := p.job != nil && !isCompleted(p.jobStateLocked())
	if dropped {
		p.cancellations++
	}
	p.job = nil
	p.ok(w, r, dropped)
}
