// Package mockportal is an in-memory ONLYOFFICE DocSpace portal that answers the backup API
// the way ../shared/reference/docspace-backup-api.md describes it: envelopes, error bodies,
// roles, rate-limit headers and the API's quirks. Tests use it in process; the
// docspace-mock command serves it for tools outside Go.
package mockportal

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

// Role is a DocSpace user type. Only Owner and DocSpaceAdmin may manage backups.
type Role string

const (
	Owner         Role = "owner"
	DocSpaceAdmin Role = "docspace_admin"
	RoomAdmin     Role = "room_admin"
	User          Role = "user"
	Guest         Role = "guest"
)

// Roles lists every role, highest first.
var Roles = []Role{Owner, DocSpaceAdmin, RoomAdmin, User, Guest}

func (r Role) managesBackups() bool { return r == Owner || r == DocSpaceAdmin }

// Storage type numbers, as the API sends them.
const (
	StorageDocuments          = 0
	StorageThirdPartyDocs     = 1
	StorageCustomCloud        = 2
	StorageLocal              = 3
	StorageDataStore          = 4
	StorageThirdPartyConsumer = 5
)

// Options shape a portal. The zero value is a SaaS portal with backups enabled and an
// empty history.
type Options struct {
	// Standalone makes it a self-hosted server: dump (whole-server) operations exist.
	Standalone bool
	// BackupDisabled answers 402 on every backup endpoint (plan or subscription).
	BackupDisabled bool
	// Backups and DumpBackups seed that many portal and server history records.
	Backups     int
	DumpBackups int
	// OwnerKey fixes the owner's API key; every other key is random.
	OwnerKey string
	// PathPrefix serves the API below a prefix, like a self-hosted portal behind a
	// reverse proxy (for example "/docspace").
	PathPrefix string
	// BackupDuration is how long a backup job takes (DefaultBackupDuration when zero).
	BackupDuration time.Duration
	// Folders are the Documents folder ids that exist (1, 2 and 3 when nil).
	Folders []int
	// TLS serves HTTPS with a certificate from a throw-away CA (Server.CAPEM).
	TLS bool
	// Now is the clock; time.Now when nil.
	Now func() time.Time
}

// Record is one backup history entry.
type Record struct {
	ID          string
	FileName    string
	StorageType int
	CreatedOn   time.Time
	ExpiresOn   time.Time
}

// Portal is the portal's state. All methods are safe for concurrent use.
type Portal struct {
	opts Options

	mu          sync.Mutex
	keys        map[string]Role
	keyOf       map[Role]string
	records     map[bool][]Record // keyed by dump: false = this portal, true = whole server
	undeletable map[string]bool
	faults      []*faultRule
	log         []Request
	rateUsed    atomic.Int64

	job               *job
	freeBackupsUsedUp bool
	backupFailure     string
	backupWarning     string
	cancellations     int
	schedules         map[bool]*Schedule
	scheduleDisabled  bool
}

// New builds a portal with one API key per role and the seeded history.
func New(opts Options) *Portal {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	p := &Portal{
		opts:        opts,
		keys:        map[string]Role{},
		keyOf:       map[Role]string{},
		records:     map[bool][]Record{},
		undeletable: map[string]bool{},
		schedules:   map[bool]*Schedule{},
	}
	for _, role := range Roles {
		key := "sk-" + string(role) + "-" + randomHex(12)
		if role == Owner && opts.OwnerKey != "" {
			key = opts.OwnerKey
		}
		p.keys[key] = role
		p.keyOf[role] = key
	}
	p.Seed(false, opts.Backups)
	p.Seed(true, opts.DumpBackups)
	return p
}

// Key returns the API key of a role.
func (p *Portal) Key(role Role) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.keyOf[role]
}

// Keys returns every role's API key.
func (p *Portal) Keys() map[Role]string {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make(map[Role]string, len(p.keyOf))
	for r, k := range p.keyOf {
		out[r] = k
	}
	return out
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

// NewGUID returns a random GUID in DocSpace's lower-case form.
func NewGUID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	b[6] = (b[6] & 0x0f) | 0x40
	b[8] = (b[8] & 0x3f) | 0x80
	h := hex.EncodeToString(b)
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
