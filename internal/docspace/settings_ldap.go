package docspace

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// LDAP: /api/2.0/settings/ldap. Saving and syncing are jobs; their errors come in the
// operation status, never as HTTP errors. GET never returns the password, nor the type
// given to imported users, and every save with authentication needs the password again.

// LDAPSettings are the directory settings.
type LDAPSettings struct {
	Enabled                  bool              `json:"enableLdapAuthentication"`
	StartTLS                 bool              `json:"startTls"`
	SSL                      bool              `json:"ssl"`
	SendWelcomeEmail         bool              `json:"sendWelcomeEmail"`
	DisableEmailVerification bool              `json:"disableEmailVerification"`
	Server                   string            `json:"server"`
	UserDN                   string            `json:"userDN"`
	Port                     int               `json:"portNumber"`
	UserFilter               string            `json:"userFilter"`
	LoginAttribute           string            `json:"loginAttribute"`
	Mapping                  map[string]string `json:"ldapMapping"`
	GroupMembership          bool              `json:"groupMembership"`
	GroupDN                  string            `json:"groupDN"`
	UserAttribute            string            `json:"userAttribute"`
	GroupFilter              string            `json:"groupFilter"`
	GroupAttribute           string            `json:"groupAttribute"`
	GroupNameAttribute       string            `json:"groupNameAttribute"`
	Authentication           bool              `json:"authentication"`
	Login                    string            `json:"login,omitempty"`
	Password                 string            `json:"password,omitempty"`  // write only
	UsersType                string            `json:"usersType,omitempty"` // write only
	// AutoSyncCron is the Quartz schedule of automatic syncs ("" for none); it has an
	// endpoint of its own.
	AutoSyncCron string `json:"-"`
}

// LDAPStatus is an LDAP job's state.
type LDAPStatus struct {
	ID            string `json:"id"`
	Completed     bool   `json:"completed"`
	Percents      int    `json:"percents"`
	Status        string `json:"status"`
	Error         string `json:"error"`
	Warning       string `json:"warning"`
	Source        string `json:"source"`
	OperationType string `json:"operationType"`
	// CertificateConfirmRequest is set when the server's certificate needs approval.
	CertificateConfirmRequest string `json:"certificateConfirmRequest"`
}

// LDAPOperationError is a save or sync the portal ran and that failed.
type LDAPOperationError struct {
	Operation, Message string
}

func (e *LDAPOperationError) Error() string {
	return fmt.Sprintf("the LDAP %s failed: %s", strings.ToLower(e.Operation), e.Message)
}

// LDAPSettings reads the settings and the auto-sync schedule.
func (c *Client) LDAPSettings(ctx context.Context) (*LDAPSettings, error) {
	s, err := readSetting[LDAPSettings](ctx, c, "settings/ldap")
	if err != nil {
		return nil, err
	}
	var cron struct {
		Cron string `json:"cron"`
	}
	if _, err := c.callValue(ctx, http.MethodGet, "settings/ldap/cron", nil, nil, &cron); err != nil {
		return nil, err
	}
	s.AutoSyncCron = cron.Cron
	return s, nil
}

// ldapPollInterval is how often a save waits on its job.
const ldapPollInterval = 500 * time.Millisecond

// SetLDAPSettings saves the settings, waits for the save job, then sets the schedule.
func (c *Client) SetLDAPSettings(ctx context.Context, s LDAPSettings) error {
	if _, err := c.runLDAPJob(ctx, http.MethodPost, "settings/ldap", s, ldapPollInterval, func(LDAPStatus) {}); err != nil {
		return err
	}
	var cron *string
	if s.AutoSyncCron != "" {
		cron = &s.AutoSyncCron
	}
	if !s.Enabled {
		return nil // switching LDAP off clears the schedule
	}
	_, err := c.call(ctx, http.MethodPost, "settings/ldap/cron", nil, map[string]*string{"cron": cron})
	return err
}

// DisableLDAP switches LDAP off with DocSpace's default settings (every LDAP user stays an
// ordinary account); the portal then reports the defaults.
func (c *Client) DisableLDAP(ctx context.Context) error {
	d, err := readSetting[LDAPSettings](ctx, c, "settings/ldap/default")
	if err != nil {
		return err
	}
	d.Enabled = false
	_, err = c.runLDAPJob(ctx, http.MethodPost, "settings/ldap", d, ldapPollInterval, func(LDAPStatus) {})
	return err
}

// SyncLDAP imports users and groups with the stored settings, reporting each step.
func (c *Client) SyncLDAP(ctx context.Context, interval time.Duration, progress func(LDAPStatus)) (*LDAPStatus, error) {
	return c.runLDAPJob(ctx, http.MethodGet, "settings/ldap/sync", nil, interval, progress)
}

// runLDAPJob starts a job and polls its status until it completes; a job error is an
// *LDAPOperationError.
func (c *Client) runLDAPJob(ctx context.Context, method, endpoint string, body any, interval time.Duration, progress func(LDAPStatus)) (*LDAPStatus, error) {
	var st LDAPStatus
	ok, err := c.callValue(withoutReplay(ctx), method, endpoint, nil, body, &st)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, &DecodeError{Method: method, Path: apiPrefix + endpoint, Err: errors.New("the portal started no LDAP job")}
	}
	operation := st.OperationType
	if operation == "" {
		operation = map[string]string{http.MethodPost: "Save", http.MethodGet: "Sync"}[method]
	}
	last := -1
	err = pollEvery(ctx, interval, func() (bool, error) {
		if st.Percents != last {
			last = st.Percents
			progress(st)
		}
		if st.Completed {
			return true, nil
		}
		var next LDAPStatus
		found, err := c.callValue(ctx, http.MethodGet, "settings/ldap/status", nil, nil, &next)
		if err == nil && !found {
			err = fmt.Errorf("the LDAP %s job %s disappeared before it finished", strings.ToLower(operation), st.ID)
		}
		st = next
		return false, err
	})
	switch {
	case err != nil:
		return nil, err
	case st.CertificateConfirmRequest != "":
		return &st, &LDAPOperationError{Operation: operation, Message: "the LDAP server's certificate needs approval in DocSpace's LDAP settings page (" + st.Error + ")"}
	case st.Error != "":
		return &st, &LDAPOperationError{Operation: operation, Message: st.Error}
	}
	return &st, nil
}
