package docspace

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
)

// CSPSettings are the external domains the portal's Content Security Policy trusts (for
// embedding DocSpace in other sites, and other sites in DocSpace), and the policy header
// the portal builds from them.
type CSPSettings struct {
	Domains []string `json:"domains"`
	Header  string   `json:"header"`
}

// CSPSettings reads the trusted domains and the header.
func (c *Client) CSPSettings(ctx context.Context) (*CSPSettings, error) {
	s, err := readSetting[CSPSettings](ctx, c, "security/csp")
	if err != nil {
		return nil, err
	}
	s.Domains = nonNilStrings(s.Domains)
	return s, nil
}

// SetCSPDomains replaces the trusted domains; an empty list goes back to the portal's own
// policy.
func (c *Client) SetCSPDomains(ctx context.Context, domains []string) error {
	body := struct {
		Domains []string `json:"domains"`
	}{nonNilStrings(domains)}
	_, err := c.call(ctx, http.MethodPost, "security/csp", nil, body)
	return err
}

// CheckCSPDomain applies DocSpace's rule for a trusted domain: a host, a host with a
// scheme, or a wildcard host (*.example.com), forming an absolute address, ASCII only.
func CheckCSPDomain(domain string) error {
	for _, r := range domain {
		if r > 127 {
			return errors.New("only ASCII characters are allowed (write an internationalised name in its xn-- form)")
		}
	}
	s := strings.Replace(domain, "://*.", "://", 1)
	s = strings.TrimPrefix(s, "*.")
	if !strings.Contains(s, "://") {
		s = "http://" + s
	}
	if u, err := url.Parse(s); err != nil || u.Host == "" {
		return errors.New("it is not a host, a host with a scheme, or a wildcard host such as *.example.com")
	}
	return nil
}
