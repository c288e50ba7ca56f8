package docspace

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/http/httpproxy"
)

// MaxConnsPerPortal bounds the connections the provider opens to a portal: Terraform's
// default -parallelism. More parallel requests wait for a free connection, which also keeps
// the provider polite towards the portal's rate limits.
const MaxConnsPerPortal = 10

// TransportOptions are the TLS and proxy settings of the connection to the portal.
type TransportOptions struct {
	// CACertificatesPEM are extra certificate authorities to trust (self-hosted portals
	// often use a private CA), added to the system pool.
	CACertificatesPEM []byte
	// InsecureSkipVerify turns TLS certificate verification off. For emergencies only.
	InsecureSkipVerify bool
}

// NewTransport builds a pooled transport with enough idle connections per host for
// Terraform's parallelism. Proxies come from HTTPS_PROXY / HTTP_PROXY / NO_PROXY, read when
// the transport is built (net/http reads them once per process, which would ignore a
// change between provider configurations).
func NewTransport(opts TransportOptions) (*http.Transport, error) {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns = 100
	t.MaxIdleConnsPerHost = MaxConnsPerPortal
	// A hard cap, not only an idle one: net/http dials a fresh connection when a request
	// starts while the previous response's connection is still on its way back to the
	// pool, so without it parallel resources open a few more connections than they use.
	t.MaxConnsPerHost = MaxConnsPerPortal
	t.IdleConnTimeout = 90 * time.Second
	proxy := httpproxy.FromEnvironment().ProxyFunc()
	t.Proxy = func(req *http.Request) (*url.URL, error) { return proxy(req.URL) }

	tlsConfig := &tls.Config{MinVersion: tls.VersionTLS12}
	if len(opts.CACertificatesPEM) > 0 {
		pool, err := x509.SystemCertPool()
		if err != nil || pool == nil {
			pool = x509.NewCertPool()
		}
		if err := ParseCACertificates(opts.CACertificatesPEM); err != nil {
			return nil, err
		}
		pool.AppendCertsFromPEM(opts.CACertificatesPEM)
		tlsConfig.RootCAs = pool
	}
	tlsConfig.InsecureSkipVerify = opts.InsecureSkipVerify //nolint:gosec // an explicit, warned-about user choice
	t.TLSClientConfig = tlsConfig
	return t, nil
}

// ParseCACertificates checks that pem holds at least one parseable certificate.
func ParseCACertificates(pem []byte) error {
	if !x509.NewCertPool().AppendCertsFromPEM(pem) {
		return errors.New("no PEM-encoded certificate found; expected one or more blocks starting with -----BEGIN CERTIFICATE-----")
	}
	return nil
}

// IsLoopbackHost reports whether host (a name or IP, without port) is this machine.
func IsLoopbackHost(host string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

// CheckTransportSecurity refuses plain http:// to anything but this machine unless the user
// allowed it: the API key would cross the network in clear text.
func CheckTransportSecurity(portalURL string, allowInsecureHTTP bool) error {
	u, err := url.Parse(portalURL)
	if err != nil {
		return err
	}
	if !strings.EqualFold(u.Scheme, "http") || allowInsecureHTTP || IsLoopbackHost(u.Hostname()) {
		return nil
	}
	return fmt.Errorf("uses http:// to %s, so the API key would travel in clear text", u.Hostname())
}
