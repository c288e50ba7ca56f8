package mockportal

import (
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"time"
)

// Schedule is a stored backup schedule, as the portal keeps it.
type Schedule struct {
	StorageType   int
	StorageParams map[string]string
	// BackupsStored is nil for "unlimited" (only settable outside the API).
	BackupsStored  *int
	Period         int // 0 EveryDay, 1 EveryWeek, 2 EveryMonth
	Hour           int
	Day            int
	LastBackupTime time.Time
}

type createScheduleBody struct {
	StorageType   *int              `json:"storageType"`
	StorageParams wireStorageParams `json:"storageParams"`
	BackupsStored *int              `json:"backupsStored"`
	CronParams    struct {
		Period *int `json:"period"`
		Hour   int  `json:"hour"`
		Day    int  `json:"day"`
	} `json:"cronParams"`
	Dump bool `json:"dump"`
}

// Schedule returns the stored schedule of the portal (dump false) or server, if any.
func (p *Portal) Schedule(dump bool) (Schedule, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	s, ok := p.schedules[dump]
	if !ok {
		return Schedule{}, false
	}
	out := *s
	out.StorageParams = map[string]string{}
	for k, v := range s.StorageParams {
		out.StorageParams[k] = v
	}
	return out, true
}

// SetSchedule stores a schedule as if someone changed it outside Terraform.
func (p *Portal) SetSchedule(dump bool, s Schedule) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.schedules[dump] = &s
}

// DeleteSchedule removes a schedule as if someone deleted it outside Terraform.
func (p *Portal) DeleteSchedule(dump bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.schedules, dump)
}

// SetScheduledBackupsDisabled makes createbackupschedule answer 402 (the plan lacks
// scheduled backups).
func (p *Portal) SetScheduledBackupsDisabled(v bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.scheduleDisabled = v
}

func (p *Portal) createBackupSchedule(w http.ResponseWriter, r *http.Request, _ query) {
	raw, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	var body createScheduleBody
	if err == nil {
		err = json.Unmarshal(raw, &body)
	}
	if err != nil || body.StorageType == nil || body.CronParams.Period == nil {
		fail(w, http.StatusBadRequest, "Invalid request body", "System.ArgumentException")
		return
	}
	p.mu.Lock()
	disabled := p.scheduleDisabled
	p.mu.Unlock()
	if disabled {
		fail(w, http.StatusPaymentRequired, "Your pricing plan does not support this option", "ASC.Core.Billing.BillingException")
		return
	}
	if body.Dump && !p.opts.Standalone {
		fail(w, http.StatusForbidden, "Access denied", "System.Security.SecurityException")
		return
	}
	stored := 1
	if body.BackupsStored != nil {
		stored = *body.BackupsStored
	}
	if stored < 1 || stored > 30 {
		fail(w, http.StatusBadRequest, "backupStored must be 1 - 30", "System.ArgumentException")
		return
	}
	c := body.CronParams
	switch {
	case *c.Period < 0 || *c.Period > 2:
		fail(w, http.StatusBadRequest, "The value '"+strconv.Itoa(*c.Period)+"' is not valid for Period.", "System.ArgumentException")
		return
	case c.Hour < 0 || c.Hour > 23:
		fail(w, http.StatusBadRequest, "Invalid hour", "System.ArgumentException")
		return
	case *c.Period == 1 && (c.Day < 1 || c.Day > 7), *c.Period == 2 && (c.Day < 1 || c.Day > 31):
		fail(w, http.StatusBadRequest, "Invalid day", "System.ArgumentException")
		return
	}
	params, ok := p.checkedStorage(w, *body.StorageType, body.StorageParams)
	if !ok {
		return
	}
	// The portal keeps a Documents folder as a base path and rebuilds folderId from it on
	// read, so "007" comes back as "7".
	if id, err := strconv.Atoi(params["folderId"]); err == nil && *body.StorageType == StorageDocuments {
		params["folderId"] = strconv.Itoa(id)
	}
	day := c.Day
	if *c.Period == 0 {
		day = 0
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	var last time.Time // replacing a schedule keeps when it last ran
	if old, ok := p.schedules[body.Dump]; ok {
		last = old.LastBackupTime
	}
	p.schedules[body.Dump] = &Schedule{StorageType: *body.StorageType, StorageParams: params, BackupsStored: &stored, Period: *c.Period, Hour: c.Hour, Day: day, LastBackupTime: last}
	p.ok(w, r, true)
}

func (p *Portal) getBackupSchedule(w http.ResponseWriter, r *http.Request, q query) {
	p.mu.Lock()
	defer p.mu.Unlock()
	s, ok := p.schedules[q.dump]
	if !ok {
		p.ok(w, r, nil) // no schedule: no response member
		return
	}
	var last any
	if !s.LastBackupTime.IsZero() {
		last = apiTime(s.LastBackupTime)
	}
	var stored any
	if s.BackupsStored != nil {
		stored = *s.BackupsStored
	}
	params := map[string]string{}
	for k, v := range s.StorageParams {
		params[k] = v
	}
	p.ok(w, r, map[string]any{
		"storageType":    s.StorageType,
		"storageParams":  params,
		"cronParams":     map[string]any{"period": s.Period, "hour": s.Hour, "day": s.Day},
		"backupsStored":  stored,
		"lastBackupTime": last,
		"dump":           q.dump,
	})
}

func (p *Portal) deleteBackupSchedule(w http.ResponseWriter, r *http.Request, q query) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.schedules, q.dump)
	p.ok(w, r, true) // true also when there was none
}
