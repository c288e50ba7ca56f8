package mockportal

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"time"
)

// The portal's SMTP server: /api/2.0/smtpsettings/smtp (README.md, "SMTP"). Admins only.
// GET never returns the password. The test job sends a message to the caller with the
// stored settings and moves through DocSpace's steps over JobDuration.

// SMTPSettings are the stored settings; Host "" is DocSpace's default (none).
type SMTPSettings struct {
	Host, SenderAddress, SenderDisplayName, UserName, Password string
	Port                                                       int
	EnableSSL, EnableAuth                                      bool
}

// smtpTestSteps are the test job's steps: percentage and status text.
var smtpTestSteps = []struct {
	percents int
	status   string
}{{5, "Setup tenant"}, {10, "Setup user"}, {15, "Find user data"}, {20, "Create mime message"}, {40, "Connect to host"}, {60, "Authenticate"}, {80, "Send test message"}, {100, ""}}

// smtpState is the SMTP area's store.
type smtpState struct {
	smtp        SMTPSettings
	smtpTest    *smtpTestJob
	smtpFailure string // what the next test job fails with ("" succeeds)
	smtpTests   []string
}

type smtpTestJob struct {
	id      string
	started time.Time
	failure string
	read    bool // the finished status was read once
}

// SMTP reports the stored settings.
func (p *Portal) SMTP() SMTPSettings {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.smtp
}

// SetSMTP changes them out of band, as in the UI.
func (p *Portal) SetSMTP(s SMTPSettings) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.smtp = s
}

// FailNextSMTPTest makes the next test job fail with message, as an unreachable server would.
func (p *Portal) FailNextSMTPTest(message string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.smtpFailure = message
}

// SMTPTestsSent lists the addresses test messages went to.
func (p *Portal) SMTPTestsSent() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.smtpTests...)
}

func (p *Portal) serveSMTPAPI(w http.ResponseWriter, r *http.Request, rest string) {
	u, ok := p.authenticated(w, r)
	if !ok {
		return
	}
	sub := strings.TrimPrefix(rest, "/")
	if r.Method == http.MethodPost && sub == "smtp" {
		p.postSMTP(w, r, u) // validation comes before the permission check
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	switch {
	case !u.isAdmin():
		forbidden(w, msgAccessDenied)
	case sub == "smtp" && r.Method == http.MethodGet:
		p.ok(w, r, smtpJSON(p.smtp))
	case sub == "smtp" && r.Method == http.MethodDelete:
		p.smtp = SMTPSettings{}
		p.ok(w, r, smtpJSON(p.smtp))
	case sub == "smtp/test" && r.Method == http.MethodGet:
		p.startSMTPTestLocked(w, r, u)
	case sub == "smtp/test/status" && r.Method == http.MethodGet:
		p.smtpTestStatusLocked(w, r)
	default:
		notFoundPage(w)
	}
}

// smtpJSON is the settings DTO; the password is always "". The defaults leave the
// strings out (null) and report port 0.
func smtpJSON(s SMTPSettings) map[string]any {
	out := map[string]any{"port": s.Port, "credentialsUserPassword": "", "enableSSL": s.EnableSSL, "enableAuth": s.EnableAuth,
		"useNtlm": false, "isDefaultSettings": s.Host == ""}
	if s.Host != "" {
		out["host"], out["senderAddress"], out["senderDisplayName"] = s.Host, s.SenderAddress, s.SenderDisplayName
		if s.EnableAuth {
			out["credentialsUserName"] = s.UserName
		}
	}
	return out
}

// postSMTP is POST smtp: data annotations (400 problem), then the permission (403), then
// the constructor's checks (400 with the exception text). A full replace.
func (p *Portal) postSMTP(w http.ResponseWriter, r *http.Request, u *Person) {
	var b struct {
		Host                    *string `json:"host"`
		Port                    *int    `json:"port"`
		SenderAddress           *string `json:"senderAddress"`
		SenderDisplayName       *string `json:"senderDisplayName"`
		CredentialsUserName     *string `json:"credentialsUserName"`
		CredentialsUserPassword *string `json:"credentialsUserPassword"`
		EnableSSL               bool    `json:"enableSSL"`
		EnableAuth              bool    `json:"enableAuth"`
	}
	raw, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err := json.Unmarshal(raw, &b); err != nil {
		p.invalid(w, r, "$", "The JSON value could not be converted.")
		return
	}
	str := func(s *string) string {
		if s == nil {
			return ""
		}
		return *s
	}
	for field, v := range map[string]string{"Host": str(b.Host), "SenderAddress": str(b.SenderAddress), "SenderDisplayName": str(b.SenderDisplayName), "CredentialsUserName": str(b.CredentialsUserName)} {
		if len(v) > 255 {
			p.invalid(w, r, field, "The field "+field+" must be a string with a maximum length of 255.")
			return
		}
	}
	if b.Port != nil && (*b.Port < 1 || *b.Port > 65535) {
		p.invalid(w, r, "Port", "The field Port must be between 1 and 65535.")
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	arg := func(message string) { fail(w, http.StatusBadRequest, message, "System.ArgumentException") }
	switch {
	case !u.isAdmin():
		forbidden(w, msgAccessDenied)
	case str(b.Host) == "":
		arg("Empty smtp host. (Parameter 'host')")
	case str(b.SenderAddress) == "":
		arg("Empty sender address. (Parameter 'senderAddress')")
	case b.SenderDisplayName == nil:
		fail(w, http.StatusBadRequest, "Value cannot be null. (Parameter 'senderDisplayName')", "System.ArgumentNullException")
	case b.EnableAuth && str(b.CredentialsUserName) == "":
		arg("Empty user name. (Parameter 'userName')")
	case b.EnableAuth && str(b.CredentialsUserPassword) == "":
		arg("Empty password. (Parameter 'password')")
	default:
		s := SMTPSettings{Host: *b.Host, Port: 25, SenderAddress: *b.SenderAddress, SenderDisplayName: *b.SenderDisplayName,
			EnableSSL: b.EnableSSL, EnableAuth: b.EnableAuth}
		if b.Port != nil {
			s.Port = *b.Port
		}
		if b.EnableAuth {
			s.UserName, s.Password = *b.CredentialsUserName, *b.CredentialsUserPassword
		}
		p.smtp = s
		p.ok(w, r, smtpJSON(s))
	}
}

// startSMTPTestLocked is GET smtp/test: a new job (or the unfinished one) that mails the
// caller with the stored settings.
func (p *Portal) startSMTPTestLocked(w http.ResponseWriter, r *http.Request, u *Person) {
	if j := p.smtpTest; j == nil || p.opts.Now().Sub(j.started) >= p.jobDuration() {
		failure := p.smtpFailure
		if p.smtp.Host == "" {
			failure = "The SMTP server is not configured."
		}
		p.smtpTest = &smtpTestJob{id: NewGUID(), started: p.opts.Now(), failure: failure}
		p.smtpFailure = ""
		if failure == "" {
			p.smtpTests = append(p.smtpTests, u.Email)
		}
	}
	p.ok(w, r, p.smtpTestJSONLocked())
}

// smtpTestStatusLocked is GET smtp/test/status: the job, or no response without one; a
// finished job is reported once.
func (p *Portal) smtpTestStatusLocked(w http.ResponseWriter, r *http.Request) {
	j := p.smtpTest
	if j == nil || j.read {
		p.ok(w, r, nil)
		return
	}
	out := p.smtpTestJSONLocked()
	if out["completed"] == true {
		j.read = true
	}
	p.ok(w, r, out)
}

func (p *Portal) smtpTestJSONLocked() map[string]any {
	j := p.smtpTest
	elapsed := p.opts.Now().Sub(j.started)
	step := int(float64(len(smtpTestSteps)-1) * float64(elapsed) / float64(p.jobDuration()))
	step = min(step, len(smtpTestSteps)-1)
	if !p.smtp.EnableAuth && smtpTestSteps[step].percents == 60 {
		step-- // no authentication step without credentials
	}
	out := map[string]any{"id": j.id, "completed": false, "percents": smtpTestSteps[step].percents, "status": smtpTestSteps[step].status, "error": ""}
	if step == len(smtpTestSteps)-1 {
		out["completed"], out["status"] = true, smtpTestSteps[step-1].status
		out["error"] = j.failure
	}
	return out
}
