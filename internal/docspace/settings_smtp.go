package docspace

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"
)

// The portal's SMTP server: /api/2.0/smtpsettings/smtp. DocSpace never returns the
// password, and a save replaces everything, so every save sends it again.

// SMTPSettings are the portal's mail server settings. Host "" means none (DocSpace's
// default: its own mail service). UserName "" means no authentication.
type SMTPSettings struct {
	Host              string
	Port              int
	SenderAddress     string
	SenderDisplayName string
	EnableSSL         bool
	UserName          string
	Password          string // never read back
}

type smtpDTO struct {
	Host              string `json:"host"`
	Port              int    `json:"port"`
	SenderAddress     string `json:"senderAddress"`
	SenderDisplayName string `json:"senderDisplayName"`
	UserName          string `json:"credentialsUserName,omitempty"`
	Password          string `json:"credentialsUserPassword,omitempty"`
	EnableSSL         bool   `json:"enableSSL"`
	EnableAuth        bool   `json:"enableAuth"`
	IsDefault         bool   `json:"isDefaultSettings"`
}

// SMTPSettings reads the settings (without the password).
func (c *Client) SMTPSettings(ctx context.Context) (*SMTPSettings, error) {
	d, err := readSetting[smtpDTO](ctx, c, "smtpsettings/smtp")
	if err != nil {
		return nil, err
	}
	if d.IsDefault {
		return &SMTPSettings{}, nil
	}
	s := &SMTPSettings{Host: d.Host, Port: d.Port, SenderAddress: d.SenderAddress, SenderDisplayName: d.SenderDisplayName, EnableSSL: d.EnableSSL}
	if d.EnableAuth {
		s.UserName = d.UserName
	}
	return s, nil
}

// SetSMTPSettings saves the settings, the password included (DocSpace replaces them all).
func (c *Client) SetSMTPSettings(ctx context.Context, s SMTPSettings) error {
	d := smtpDTO{Host: s.Host, Port: s.Port, SenderAddress: s.SenderAddress, SenderDisplayName: s.SenderDisplayName,
		EnableSSL: s.EnableSSL, EnableAuth: s.UserName != "", UserName: s.UserName, Password: s.Password}
	_, err := c.call(ctx, http.MethodPost, "smtpsettings/smtp", nil, d)
	return err
}

// ResetSMTPSettings removes the portal's own settings.
func (c *Client) ResetSMTPSettings(ctx context.Context) error {
	_, err := c.call(ctx, http.MethodDelete, "smtpsettings/smtp", nil, nil)
	return err
}

// SMTPTestStatus is the test job's state.
type SMTPTestStatus struct {
	ID        string `json:"id"`
	Completed bool   `json:"completed"`
	Percents  int    `json:"percents"`
	Status    string `json:"status"`
	Error     string `json:"error"`
}

// SMTPTestError is a test message the portal could not send.
type SMTPTestError struct{ Message string }

func (e *SMTPTestError) Error() string { return "the test message was not sent: " + e.Message }

// TestSMTP sends a test message to the API key's user with the stored settings and waits
// for the job, reporting each new step. A failed send is an *SMTPTestError.
func (c *Client) TestSMTP(ctx context.Context, interval time.Duration, progress func(SMTPTestStatus)) (*SMTPTestStatus, error) {
	var st SMTPTestStatus
	ok, err := c.callValue(ctx, http.MethodGet, "smtpsettings/smtp/test", nil, nil, &st)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, &DecodeError{Method: http.MethodGet, Path: apiPrefix + "smtpsettings/smtp/test", Err: errors.New("the portal started no test job")}
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
		var next SMTPTestStatus
		found, err := c.callValue(ctx, http.MethodGet, "smtpsettings/smtp/test/status", nil, nil, &next)
		if err == nil && !found {
			err = fmt.Errorf("the SMTP test job %s disappeared before it finished", st.ID)
		}
		st = next
		return false, err
	})
	if err != nil {
		return nil, err
	}
	if st.Error != "" {
		return &st, &SMTPTestError{Message: st.Error}
	}
	return &st, nil
}
