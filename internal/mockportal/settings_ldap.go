package mockportal

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"time"
)

// LDAP: /api/2.0/settings/ldap (README.md, "LDAP"). Saving and syncing are jobs: the POST
// answers an operation status at once, the job runs for JobDuration and reports its errors
// in the status, never as HTTP errors. One job per portal; a finished job is reported
// once. On DocSpace Cloud the plan must include LDAP (Paid), else 402.

// LDAPSettings are the stored settings (the password as stored, for tests to check).
type LDAPSettings struct {
	Enabled                                             bool
	Server, UserDN, UserFilter, LoginAttribute          string
	Port                                                int
	StartTLS, SSL, SendWelcomeEmail, DisableEmailVerify bool
	Mapping                                             map[string]string
	GroupMembership                                     bool
	GroupDN, UserAttribute, GroupFilter, GroupAttribute string
	GroupNameAttribute                                  string
	Authentication                                      bool
	Login, Password, UsersType                          string
}

func defaultLDAP() LDAPSettings {
	return LDAPSettings{Port: 389, UserFilter: "(uid=*)", LoginAttribute: "uid", Mapping: map[string]string{"FirstNameAttribute": "givenName",
		"SecondNameAttribute": "sn", "MailAttribute": "mail", "TitleAttribute": "title", "MobilePhoneAttribute": "mobile", "LocationAttribute": "street"},
		GroupFilter: "(objectClass=posixGroup)", UserAttribute: "uid", GroupAttribute: "memberUid", GroupNameAttribute: "cn", Authentication: true}
}

// ldapState is the LDAP area's store.
type ldapState struct {
	ldap        *LDAPSettings // nil: the defaults
	ldapCron    string
	ldapJob     *ldapJob
	ldapFailure string // what the next job fails with
	ldapSyncs   int
}

type ldapJob struct {
	id, kind, failure string
	started           time.Time
	pending           *LDAPSettings // what a Save stores when it succeeds
	stored            bool
}

// LDAP reports the stored settings.
func (p *Portal) LDAP() LDAPSettings {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.settleLDAPLocked()
	return p.ldapLocked()
}

// SetLDAP stores settings out of band.
func (p *Portal) SetLDAP(s LDAPSettings) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.ldap = &s
}

// LDAPCron reports the auto-sync schedule ("" for none).
func (p *Portal) LDAPCron() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.ldapCron
}

// LDAPSyncs counts the finished sync jobs.
func (p *Portal) LDAPSyncs() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.settleLDAPLocked()
	return p.ldapSyncs
}

// FailNextLDAPOperation makes the next save or sync job fail with message.
func (p *Portal) FailNextLDAPOperation(message string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.ldapFailure = message
}

func (p *Portal) ldapLocked() LDAPSettings {
	if p.ldap == nil {
		return defaultLDAP()
	}
	return *p.ldap
}

// routeLDAPLocked serves settings/ldap…; ok is false for other paths.
func (p *Portal) routeLDAPLocked(w http.ResponseWriter, r *http.Request, u *Person, sub string) (ok bool) {
	if sub != "ldap" && !strings.HasPrefix(sub, "ldap/") {
		return false
	}
	p.settleLDAPLocked()
	switch m := r.Method; {
	case !p.signInPlan():
		fail(w, http.StatusPaymentRequired, msgPlanDoesNotSupport, "ASC.Core.Billing.BillingException")
	case sub == "ldap" && m == http.MethodGet:
		s := p.ldapLocked()
		out := ldapJSON(s)
		out["isDefault"] = p.ldap == nil
		p.ok(w, r, out)
	case sub == "ldap/default" && m == http.MethodGet:
		out := ldapJSON(defaultLDAP())
		out["isDefault"] = false
		p.ok(w, r, out)
	case sub == "ldap" && m == http.MethodPost:
		p.postLDAPLocked(w, r, u)
	case sub == "ldap/sync" && m == http.MethodGet:
		p.startLDAPJobLocked(w, r, "Sync", nil)
	case sub == "ldap/status" && m == http.MethodGet:
		p.ldapStatusLocked(w, r)
	case sub == "ldap/cron" && m == http.MethodGet:
		if p.ldapCron == "" {
			p.ok(w, r, nil)
		} else {
			p.ok(w, r, map[string]any{"cron": p.ldapCron})
		}
	case sub == "ldap/cron" && m == http.MethodPost:
		p.postLDAPCronLocked(w, r)
	default:
		notFoundPage(w)
	}
	return true
}

func ldapJSON(s LDAPSettings) map[string]any {
	mapping := map[string]string{}
	for k, v := range s.Mapping {
		mapping[k] = v
	}
	out := map[string]any{"enableLdapAuthentication": s.Enabled, "startTls": s.StartTLS, "ssl": s.SSL, "sendWelcomeEmail": s.SendWelcomeEmail,
		"disableEmailVerification": s.DisableEmailVerify, "server": s.Server, "userDN": s.UserDN, "portNumber": s.Port, "userFilter": s.UserFilter,
		"loginAttribute": s.LoginAttribute, "ldapMapping": mapping, "accessRights": map[string]string{}, "groupMembership": s.GroupMembership,
		"groupDN": s.GroupDN, "userAttribute": s.UserAttribute, "groupFilter": s.GroupFilter, "groupAttribute": s.GroupAttribute,
		"groupNameAttribute": s.GroupNameAttribute, "authentication": s.Authentication, "acceptCertificate": false}
	if s.Login != "" {
		out["login"] = s.Login
	}
	return out
}

// postLDAPLocked is POST ldap: starts a Save job (never joining another).
func (p *Portal) postLDAPLocked(w http.ResponseWriter, r *http.Request, _ *Person) {
	var b struct {
		Enabled            bool              `json:"enableLdapAuthentication"`
		StartTLS           bool              `json:"startTls"`
		SSL                bool              `json:"ssl"`
		SendWelcomeEmail   bool              `json:"sendWelcomeEmail"`
		DisableEmailVerify bool              `json:"disableEmailVerification"`
		Server             string            `json:"server"`
		UserDN             string            `json:"userDN"`
		Port               int               `json:"portNumber"`
		UserFilter         string            `json:"userFilter"`
		LoginAttribute     string            `json:"loginAttribute"`
		Mapping            map[string]string `json:"ldapMapping"`
		GroupMembership    bool              `json:"groupMembership"`
		GroupDN            string            `json:"groupDN"`
		UserAttribute      string            `json:"userAttribute"`
		GroupFilter        string            `json:"groupFilter"`
		GroupAttribute     string            `json:"groupAttribute"`
		GroupNameAttribute string            `json:"groupNameAttribute"`
		Authentication     bool              `json:"authentication"`
		Login              string            `json:"login"`
		Password           string            `json:"password"`
		UsersType          string            `json:"usersType"`
	}
	raw, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err := json.Unmarshal(raw, &b); err != nil {
		p.invalid(w, r, "$", "The JSON value could not be converted.")
		return
	}
	s := LDAPSettings{Enabled: b.Enabled, Server: strings.TrimSpace(b.Server), UserDN: b.UserDN, UserFilter: b.UserFilter, LoginAttribute: b.LoginAttribute,
		Port: b.Port, StartTLS: b.StartTLS, SSL: b.SSL, SendWelcomeEmail: b.SendWelcomeEmail, DisableEmailVerify: b.DisableEmailVerify, Mapping: b.Mapping,
		GroupMembership: b.GroupMembership, GroupDN: b.GroupDN, UserAttribute: b.UserAttribute, GroupFilter: b.GroupFilter, GroupAttribute: b.GroupAttribute,
		GroupNameAttribute: b.GroupNameAttribute, Authentication: b.Authentication, Login: b.Login, Password: b.Password, UsersType: b.UsersType}
	if s.Mapping["MailAttribute"] == "" {
		s.SendWelcomeEmail, s.DisableEmailVerify = false, false
	}
	if !s.Enabled {
		s.Password = ""
		p.ldapCron = ""
	}
	p.startLDAPJobLocked(w, r, "Save", &s)
}

// startLDAPJobLocked starts a job; a Sync joins a running Sync or Save, anything else
// running refuses with "Too many LDAP operations." (HTTP 200).
func (p *Portal) startLDAPJobLocked(w http.ResponseWriter, r *http.Request, kind string, pending *LDAPSettings) {
	if j := p.ldapJob; j != nil && !p.ldapJobDoneLocked(j) {
		if kind == "Sync" {
			p.ok(w, r, p.ldapStatusJSONLocked(j))
			return
		}
		p.ok(w, r, map[string]any{"completed": true, "percents": 0, "status": "", "source": "", "error": "Too many LDAP operations."})
		return
	}
	j := &ldapJob{id: NewGUID(), kind: kind, started: p.opts.Now(), pending: pending, failure: p.ldapFailure}
	p.ldapFailure = ""
	if pending != nil && pending.Enabled && j.failure == "" && !ldapComplete(*pending) {
		j.failure = "The server could not get settings."
	}
	p.ldapJob = j
	p.ok(w, r, map[string]any{"id": j.id, "completed": false, "percents": 0, "status": "", "error": "", "source": "", "operationType": kind})
}

// ldapComplete is the job's first check of the required fields.
func ldapComplete(s LDAPSettings) bool {
	ok := s.Server != "" && s.UserDN != "" && s.LoginAttribute != ""
	if s.GroupMembership {
		ok = ok && s.GroupDN != "" && s.UserAttribute != "" && s.GroupAttribute != ""
	}
	if s.Authentication {
		ok = ok && s.Login != "" && s.Password != ""
	}
	return ok
}

func (p *Portal) ldapJobDoneLocked(j *ldapJob) bool {
	return p.opts.Now().Sub(j.started) >= p.jobDuration()
}

// settleLDAPLocked applies a finished job's effect once.
func (p *Portal) settleLDAPLocked() {
	j := p.ldapJob
	if j == nil || j.stored || !p.ldapJobDoneLocked(j) {
		return
	}
	j.stored = true
	if j.failure != "" {
		return
	}
	switch {
	case j.pending != nil && !j.pending.Enabled && ldapSameAsDefault(*j.pending):
		p.ldap = nil
	case j.pending != nil:
		s := *j.pending
		p.ldap = &s
	case j.kind == "Sync":
		p.ldapSyncs++
	}
}

func ldapSameAsDefault(s LDAPSettings) bool {
	d := defaultLDAP()
	b1, _ := json.Marshal(ldapJSON(s))
	b2, _ := json.Marshal(ldapJSON(d))
	return string(b1) == string(b2)
}

// ldapStatusLocked is GET ldap/status: the job, or no response; a finished job once.
func (p *Portal) ldapStatusLocked(w http.ResponseWriter, r *http.Request) {
	j := p.ldapJob
	if j == nil {
		p.ok(w, r, nil)
		return
	}
	out := p.ldapStatusJSONLocked(j)
	if out["completed"] == true {
		p.ldapJob = nil
	}
	p.ok(w, r, out)
}

var ldapSteps = []struct {
	percents int
	status   string
}{{1, "Checking LDAP support settings"}, {5, "Loading LDAP base info"}, {10, "Saving settings"}, {50, "Importing users"}, {99, "LDAP disconnecting"}}

func (p *Portal) ldapStatusJSONLocked(j *ldapJob) map[string]any {
	out := map[string]any{"id": j.id, "completed": false, "percents": 0, "status": "", "error": "", "source": "", "operationType": j.kind}
	if p.ldapJobDoneLocked(j) {
		out["completed"], out["percents"], out["error"] = true, 100, j.failure
		return out
	}
	step := int(float64(len(ldapSteps)) * float64(p.opts.Now().Sub(j.started)) / float64(p.jobDuration()))
	step = min(step, len(ldapSteps)-1)
	out["percents"], out["status"] = ldapSteps[step].percents, ldapSteps[step].status
	if step == 3 {
		out["source"] = "(1/1): Directory User"
	}
	return out
}

// postLDAPCronLocked is POST ldap/cron {cron}: a Quartz expression (6 or 7 fields)
// needs LDAP on; empty or null switches auto-sync off.
func (p *Portal) postLDAPCronLocked(w http.ResponseWriter, r *http.Request) {
	var b struct {
		Cron *string `json:"cron"`
	}
	raw, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	_ = json.Unmarshal(raw, &b)
	cron := ""
	if b.Cron != nil {
		cron = strings.TrimSpace(*b.Cron)
	}
	switch fields := len(strings.Fields(cron)); {
	case cron == "":
		p.ldapCron = ""
	case fields < 6 || fields > 7:
		fail(w, http.StatusInternalServerError, "Unexpected end of expression.", "System.FormatException")
		return
	case !p.ldapLocked().Enabled:
		fail(w, http.StatusInternalServerError, "The server could not save settings.", "System.Exception")
		return
	default:
		p.ldapCron = cron
	}
	p.ok(w, r, nil)
}
