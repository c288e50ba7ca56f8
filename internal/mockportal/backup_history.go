package mockportal

import (
	"fmt"
	"net/http"
	"sort"
	"time"
)

// backupState is the backup area's store: the history per scope (false: this portal,
// true: the whole server), the running job and the schedules, with their test switches.
type backupState struct {
	records           map[bool][]Record
	undeletable       map[string]bool
	job               *job
	freeBackupsUsedUp bool
	backupFailure     string
	backupWarning     string
	cancellations     int
	schedules         map[bool]*Schedule
	scheduleDisabled  bool
}

func newBackupState() backupState {
	return backupState{records: map[bool][]Record{}, undeletable: map[string]bool{}, schedules: map[bool]*Schedule{}}
}

func (p *Portal) getBackupHistory(w http.ResponseWriter, r *http.Request, q query) {
	p.mu.Lock()
	records := p.historyLocked(q.dump)
	p.mu.Unlock()
	list := make([]map[string]any, 0, len(records))
	for _, rec := range records {
		list = append(list, map[string]any{
			"id":          rec.ID,
			"fileName":    rec.FileName,
			"storageType": rec.StorageType,
			"createdOn":   apiTime(rec.CreatedOn),
			"expiresOn":   apiLocalTime(rec.ExpiresOn),
		})
	}
	p.ok(w, r, list)
}

func (p *Portal) deleteBackupHistory(w http.ResponseWriter, r *http.Request, q query) {
	p.mu.Lock()
	p.deleteAllLocked(q.dump)
	p.mu.Unlock()
	// True whatever happened: DocSpace swallows per-record failures.
	p.ok(w, r, true)
}

// Record is one backup history entry.
type Record struct {
	ID          string
	FileName    string
	StorageType int
	CreatedOn   time.Time
	ExpiresOn   time.Time
}

// Seed adds n records, one a day going back from now, cycling through storage types.
func (p *Portal) Seed(dump bool, n int) []Record {
	now := p.opts.Now().UTC().Truncate(time.Second)
	types := []int{StorageDataStore, StorageDocuments, StorageThirdPartyConsumer}
	added := make([]Record, 0, n)
	for i := range n {
		created := now.Add(-time.Duration(i+1) * 24 * time.Hour)
		added = append(added, Record{
			ID:          NewGUID(),
			FileName:    fmt.Sprintf("%s_%s_%d.tar.gz", map[bool]string{false: "portal", true: "dump"}[dump], created.Format("2006-01-02_1504"), i),
			StorageType: types[i%len(types)],
			CreatedOn:   created,
			ExpiresOn:   created.Add(30 * 24 * time.Hour),
		})
	}
	p.AddRecords(dump, added...)
	return added
}

// AddRecords stores records as they are.
func (p *Portal) AddRecords(dump bool, records ...Record) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.records[dump] = append(p.records[dump], records...)
}

// Records returns the stored records in insertion order.
func (p *Portal) Records(dump bool) []Record {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]Record(nil), p.records[dump]...)
}

// RemoveRecord drops a record as if the portal pruned it (its archive vanished).
func (p *Portal) RemoveRecord(id string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, dump := range []bool{false, true} {
		kept := p.records[dump][:0]
		for _, r := range p.records[dump] {
			if r.ID != id {
				kept = append(kept, r)
			}
		}
		p.records[dump] = kept
	}
}

// MarkUndeletable simulates a storage failure for one record: purges skip it silently,
// and still answer true, as DocSpace does.
func (p *Portal) MarkUndeletable(id string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.undeletable[id] = true
}

// historyLocked returns the records in the API's "no particular order": sorted by id,
// which for random GUIDs is unrelated to age.
func (p *Portal) historyLocked(dump bool) []Record {
	out := append([]Record(nil), p.records[dump]...)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

func (p *Portal) deleteAllLocked(dump bool) {
	kept := p.records[dump][:0]
	for _, r := range p.records[dump] {
		if p.undeletable[r.ID] {
			kept = append(kept, r)
		}
	}
	p.records[dump] = kept
}

func (p *Portal) deleteBackup(w http.ResponseWriter, r *http.Request, id string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, dump := range []bool{false, true} {
		kept := p.records[dump][:0]
		for _, rec := range p.records[dump] {
			if rec.ID != id || p.undeletable[rec.ID] {
				kept = append(kept, rec)
			}
		}
		p.records[dump] = kept
	}
	p.ok(w, r, true) // true even when nothing matched
}
