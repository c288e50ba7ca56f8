package docspace

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// SchedulePeriod is how often a scheduled backup runs.
type SchedulePeriod int

const (
	EveryDay   SchedulePeriod = 0
	EveryWeek  SchedulePeriod = 1
	EveryMonth SchedulePeriod = 2
)

var periodNames = map[SchedulePeriod]string{EveryDay: "daily", EveryWeek: "weekly", EveryMonth: "monthly"}

// String is the name users write: daily, weekly or monthly.
func (p SchedulePeriod) String() string {
	if n, ok := periodNames[p]; ok {
		return n
	}
	return fmt.Sprint(int(p))
}

// ParseSchedulePeriod maps daily, weekly or monthly to the API's number.
func ParseSchedulePeriod(name string) (SchedulePeriod, error) {
	for p, n := range periodNames {
		if n == name {
			return p, nil
		}
	}
	return 0, fmt.Errorf("unknown period %q: use daily, weekly or monthly", name)
}

// BackupSchedule is the portal's (or, with Dump, the server's) automatic backup schedule.
type BackupSchedule struct {
	Storage BackupStorage
	// BackupsStored is how many scheduled backups are kept (1-30); nil means unlimited.
	BackupsStored *int
	Period        SchedulePeriod
	Hour          int
	// Day is the weekday (1 = Sunday) for weekly, the day of the month for monthly, and 0
	// for daily.
	Day            int
	LastBackupTime time.Time
	Dump           bool
}

type wireSchedule struct {
	StorageType   StorageType                `json:"storageType"`
	StorageParams map[string]json.RawMessage `json:"storageParams"`
	CronParams    struct {
		Period SchedulePeriod `json:"period"`
		Hour   int            `json:"hour"`
		Day    *int           `json:"day"`
	} `json:"cronParams"`
	BackupsStored  *int      `json:"backupsStored"`
	LastBackupTime Timestamp `json:"lastBackupTime"`
	Dump           bool      `json:"dump"`
}

// BackupSchedule returns the schedule, or nil when there is none.
func (c *Client) BackupSchedule(ctx context.Context, dump bool) (*BackupSchedule, error) {
	var w wireSchedule
	ok, err := c.callValue(ctx, http.MethodGet, "backup/getbackupschedule", dumpQuery(dump), nil, &w)
	if err != nil || !ok {
		return nil, err
	}
	s := &BackupSchedule{
		Storage:        BackupStorage{Type: w.StorageType, Params: map[string]string{}},
		BackupsStored:  w.BackupsStored,
		Period:         w.CronParams.Period,
		Hour:           w.CronParams.Hour,
		LastBackupTime: w.LastBackupTime.Time,
		Dump:           dump,
	}
	if w.CronParams.Day != nil {
		s.Day = *w.CronParams.Day
	}
	for k, raw := range w.StorageParams {
		var str string
		if json.Unmarshal(raw, &str) == nil {
			s.Storage.Params[k] = str
		} else {
			// Numbers and booleans come back as JSON literals; keep their text.
			s.Storage.Params[k] = strings.TrimSpace(string(raw))
		}
	}
	return s, nil
}

// CreateBackupSchedule creates or replaces the schedule (one per portal, one per server).
func (c *Client) CreateBackupSchedule(ctx context.Context, s BackupSchedule) error {
	cron := map[string]any{"period": int(s.Period), "hour": s.Hour}
	if s.Period != EveryDay {
		cron["day"] = s.Day
	}
	body := map[string]any{
		"storageType":   int(s.Storage.Type),
		"storageParams": s.Storage.wireParams(),
		"cronParams":    cron,
		"dump":          s.Dump,
	}
	if s.BackupsStored != nil {
		body["backupsStored"] = *s.BackupsStored
	}
	return c.callTrue(ctx, http.MethodPost, "backup/createbackupschedule", nil, body)
}

// DeleteBackupSchedule removes the schedule; true also when there was none. Archives it
// made stay in the history.
func (c *Client) DeleteBackupSchedule(ctx context.Context, dump bool) error {
	return c.callTrue(ctx, http.MethodDelete, "backup/deletebackupschedule", dumpQuery(dump), nil)
}
