// Package mockportal is an in-memory ONLYOFFICE DocSpace portal that answers the API the
// way a real portal does: envelopes, error bodies, roles, rate-limit headers and the API's
// quirks, as README.md beside this file specifies per endpoint. Tests use it in process
// (StartTest); the docspace-mock command serves it for tools outside Go.
package mockportal

import (
	"crypto/rand"
	"encoding/hex"
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
	// Rooms seeds that many custom rooms owned by the owner.
	Rooms int
	// MaxRooms is the tariff's room limit: creating more answers 402. 0 is no limit.
	MaxRooms int
	// PortalQuota is the portal's storage quota in bytes: a room quota above it is refused
	// (DefaultPortalQuota when zero).
	PortalQuota int64
	// RoomQuotas starts the portal with room quotas on (default 0: none), as if an admin
	// had switched them on; a new DocSpace portal has them off.
	RoomQuotas bool
	// JobDuration is how long asynchronous jobs (archive, unarchive, delete rooms; change
	// a user's type down) run before they finish (DefaultJobDuration when zero).
	JobDuration time.Duration
	// Paid puts a SaaS portal on a paid plan, with every plan feature (restores among
	// them). Without it a SaaS portal is on the free plan: what the plan gates answers 402.
	Paid bool
	// PaidSeats is how many paid accounts (Owner, DocSpace admins, room admins) the plan
	// has: beyond it invitations and type changes answer 402, and new accounts become
	// users. 0 is no limit.
	PaidSeats int
	// RestoreDuration is how long a restore runs (DefaultRestoreDuration when zero).
	RestoreDuration time.Duration
	// OwnerPassword fixes the owner's login password (random when empty).
	OwnerPassword string
	// AllowLoopbackWebhooks lets webhook URLs on loopback addresses through the
	// private-address check, so a test can receive deliveries.
	AllowLoopbackWebhooks bool
	// TLS serves HTTPS with a certificate from a throw-away CA (Server.CAPEM).
	TLS bool
	// Now is the clock; time.Now when nil.
	Now func() time.Time
	// MachineKey is the server's core.machinekey, which signs the hosting API's tokens
	// (random when empty).
	MachineKey string

	// ownerOnly makes a freshly registered space: its owner and nothing else.
	ownerOnly bool
}

// Portal is the portal's state. All methods are safe for concurrent use.
type Portal struct {
	opts Options

	mu     sync.Mutex
	keys   map[string]Role
	keyOf  map[Role]string
	faults []*faultRule
	// logMu guards log apart from mu: handlers write answers while holding mu.
	logMu    sync.Mutex
	log      []*Request
	rateUsed atomic.Int64
	keyUser  map[string]string // API key → user id

	// One state store per API area, each declared (and made) in its area's file.
	backupState   // backup_history.go: the history, jobs and schedules
	tenantState   // backup_restore.go: the tenant, its restores, logins
	peopleState   // people.go: accounts, groups, type changes
	roomsState    // rooms.go: rooms, file operations, the tag catalogue
	settingsState // settings.go: security and quota settings, the audit trail
	webhookState  // webhooks.go: webhooks and their deliveries
	keysState     // keys.go: API keys created through the API
	smtpState     // settings_smtp.go: the SMTP server and its test job
	oauthState    // oauth.go: the identity service's signatures and OAuth clients
}

// New builds a portal with one API key per role and the seeded history.
func New(opts Options) *Portal {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	p := &Portal{
		opts:          opts,
		keys:          map[string]Role{},
		keyOf:         map[Role]string{},
		keyUser:       map[string]string{},
		backupState:   newBackupState(),
		tenantState:   newTenantState(opts),
		peopleState:   newPeopleState(),
		roomsState:    newRoomsState(),
		settingsState: newSettingsState(opts),
		webhookState:  newWebhookState(),
		keysState:     newKeysState(),
		oauthState:    newOAuthState(),
	}
	for _, role := range Roles {
		if opts.ownerOnly && role != Owner {
			continue
		}
		key := "sk-" + string(role) + "-" + randomHex(12)
		if role == Owner && opts.OwnerKey != "" {
			key = opts.OwnerKey
		}
		p.keys[key] = role
		p.keyOf[role] = key
	}
	p.seedPeopleLocked(p.keyOf)
	p.Seed(false, opts.Backups)
	p.Seed(true, opts.DumpBackups)
	p.SeedRooms(opts.Rooms)
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
