// Package docspace is a small client for the ONLYOFFICE DocSpace backup API. It knows
// nothing about Terraform: every call takes a context, and every failure is a typed error.
package docspace

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

const (
	apiPrefix = "/api/2.0/"

	DefaultMaxRetries    = 4
	DefaultRetryWaitMin  = 1 * time.Second
	DefaultRetryWaitMax  = 30 * time.Second
	DefaultMaxRetryAfter = 2 * time.Minute
	// DefaultMaxBodyBytes bounds what is read of any answer; a history of tens of
	// thousands of records still fits.
	DefaultMaxBodyBytes = 16 << 20
)

// Config holds what a Client needs. PortalURL must already be normalised
// (NormalizePortalURL).
type Config struct {
	PortalURL string
	APIKey    string
	UserAgent string

	MaxRetries    int
	RetryWaitMin  time.Duration
	RetryWaitMax  time.Duration
	MaxRetryAfter time.Duration
	MaxBodyBytes  int64

	// Hosting authenticates the hosting API of a self-hosted server (spaces.go); API keys
	// do not work there.
	Hosting HostingCredentials

	// AllowInsecureHTTP permits http:// to hosts other than this machine.
	AllowInsecureHTTP bool

	// HTTPClient supplies the transport (TLS, proxies, timeouts). Its redirect policy is
	// replaced: API calls never follow redirects. Nil means NewTransport's defaults.
	HTTPClient *http.Client

	// Log, when set, receives one line per attempt and per answer. Fields never hold the
	// API key.
	Log func(ctx context.Context, msg string, fields map[string]any)
}

// Client talks to one portal. It is safe for concurrent use and reuses connections.
type Client struct {
	base         string
	apiKey       string
	hosting      HostingCredentials
	userAgent    string
	maxBodyBytes int64
	http         *retryablehttp.Client
	log          func(ctx context.Context, msg string, fields map[string]any)
	// restored is set once a restore this client waited for completed: the portal's API
	// keys are gone from then on.
	restored atomic.Bool
	// signatures is the identity service's signature, reused while it is valid.
	signatures signatureCache
}

// New builds a Client. It makes no network call.
func New(cfg Config) (*Client, error) {
	base, err := NormalizePortalURL(cfg.PortalURL)
	if err != nil {
		return nil, fmt.Errorf("portal URL: %w", err)
	}
	if err := CheckTransportSecurity(base, cfg.AllowInsecureHTTP); err != nil {
		return nil, fmt.Errorf("portal URL %w", err)
	}
	if cfg.APIKey == "" {
		return nil, errors.New("API key is empty")
	}
	if cfg.MaxRetries < 0 {
		return nil, errors.New("MaxRetries must not be negative")
	}
	httpClient := cfg.HTTPClient
	if httpClient == nil {
		transport, err := NewTransport(TransportOptions{})
		if err != nil {
			return nil, err
		}
		httpClient = &http.Client{Transport: transport}
	} else {
		copied := *httpClient
		httpClient = &copied
	}
	httpClient.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

	c := &Client{
		base:         base,
		apiKey:       cfg.APIKey,
		hosting:      cfg.Hosting,
		userAgent:    cfg.UserAgent,
		maxBodyBytes: orDefault(cfg.MaxBodyBytes, DefaultMaxBodyBytes),
		log:          cfg.Log,
	}
	if c.userAgent == "" {
		c.userAgent = "terraform-provider-docspace"
	}
	c.http = &retryablehttp.Client{
		HTTPClient:   httpClient,
		RetryMax:     cfg.MaxRetries,
		RetryWaitMin: orDefault(cfg.RetryWaitMin, DefaultRetryWaitMin),
		RetryWaitMax: orDefault(cfg.RetryWaitMax, DefaultRetryWaitMax),
		CheckRetry:   checkRetry,
		Backoff:      backoff(orDefault(cfg.MaxRetryAfter, DefaultMaxRetryAfter)),
		// Hand the last answer back to do(), which turns it into a typed error that says
		// how many attempts were made.
		ErrorHandler: func(resp *http.Response, err error, attempts int) (*http.Response, error) {
			return resp, &exhaustedError{attempts: attempts, err: err}
		},
		RequestLogHook: func(_ retryablehttp.Logger, req *http.Request, retry int) {
			c.logf(req.Context(), "DocSpace API request", map[string]any{
				"method": req.Method, "url": req.URL.Redacted(), "attempt": retry + 1,
			})
		},
	}
	return c, nil
}

// PortalURL is the normalised portal URL this client talks to.
func (c *Client) PortalURL() string { return c.base }

func (c *Client) logf(ctx context.Context, msg string, fields map[string]any) {
	if c.log != nil {
		c.log(ctx, msg, fields)
	}
}

type exhaustedError struct {
	attempts int
	err      error
}

func (e *exhaustedError) Error() string {
	return fmt.Sprintf("giving up after %d attempts: %v", e.attempts, e.err)
}

// envelope is DocSpace's success (and error) body. Response stays raw: its type depends on
// the endpoint, and some endpoints leave it out entirely.
type envelope struct {
	Response   json.RawMessage `json:"response"`
	Count      *int            `json:"count"`
	Total      *int            `json:"total"`
	Status     int             `json:"status"`
	StatusCode int             `json:"statusCode"`
	Error      *struct {
		Message string `json:"message"`
	} `json:"error"`
}

// hasResponse reports whether the response member was present and not null.
func (e *envelope) hasResponse() bool {
	return len(e.Response) > 0 && !bytes.Equal(e.Response, []byte("null"))
}

// call sends one API request (with retries) and returns the decoded envelope of a 2xx
// answer. Every other outcome is an *APIError, *RedirectError, *TransportError or
// *DecodeError.
func (c *Client) call(ctx context.Context, method, endpoint string, query url.Values, body any) (*envelope, error) {
	req, err := c.newRequest(ctx, method, endpoint, query, body)
	if err != nil {
		return nil, err
	}
	ans, err := c.send(ctx, req)
	if err != nil {
		return nil, err
	}
	return c.classify(req, ans)
}

// callAnyAnswer is for the few endpoints that answer success with plain text instead of
// the envelope (the greeting settings): any 2xx is success; errors are classified as usual.
func (c *Client) callAnyAnswer(ctx context.Context, method, endpoint string, body any) error {
	req, err := c.newRequest(ctx, method, endpoint, nil, body)
	if err != nil {
		return err
	}
	ans, err := c.send(ctx, req)
	if err != nil || (ans.status >= 200 && ans.status < 300) {
		return err
	}
	_, err = c.classify(req, ans)
	return err
}

// answer is what send read: the status, the headers, the body (nil when an error answer
// could not be read whole), where the request went and how many attempts it took.
type answer struct {
	status   int
	header   http.Header
	url      *url.URL
	raw      []byte
	attempts int
}

// newRequest builds the request: the API path below the portal URL, the JSON body, the
// key (unless the context says anonymous) and the headers every call sends.
func (c *Client) newRequest(ctx context.Context, method, endpoint string, query url.Values, body any) (*retryablehttp.Request, error) {
	path := apiPrefix + endpoint
	target := c.base + path
	if len(query) > 0 {
		target += "?" + query.Encode()
	}
	var payload any
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return nil, fmt.Errorf("%s %s: encoding request: %w", method, path, err)
		}
		payload = b
	}
	req, err := retryablehttp.NewRequestWithContext(ctx, method, target, payload)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", method, path, err)
	}
	if anonymous, _ := ctx.Value(anonymousKey{}).(bool); !anonymous {
		req.Header.Set("Authorization", "Bearer "+c.apiKey)
	}
	if origin, _ := ctx.Value(originKey{}).(string); origin != "" {
		req.Header.Set("Origin", origin)
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return req, nil
}

// send sends the request with retries and reads the answer (size-capped). A request that
// got no answer is a *TransportError; an answer whose body could not be read whole keeps
// its status (raw nil) unless it was a success, which is a *DecodeError.
func (c *Client) send(ctx context.Context, req *retryablehttp.Request) (*answer, error) {
	method, path := req.Method, c.apiPath(req)
	started := time.Now()
	resp, err := c.http.Do(req)
	attempts := 1
	var exhausted *exhaustedError
	if errors.As(err, &exhausted) {
		attempts, err = exhausted.attempts, exhausted.err
	}
	if err != nil || resp == nil {
		if resp != nil {
			_ = resp.Body.Close()
		}
		if err == nil {
			err = errors.New("no response")
		}
		if ctxErr := ctx.Err(); ctxErr != nil && !errors.Is(err, ctxErr) {
			err = fmt.Errorf("%w: %w", ctxErr, err)
		}
		return nil, &TransportError{Method: method, Path: path, Attempts: attempts, Err: err}
	}
	defer func() { _ = resp.Body.Close() }()
	raw, readErr := readCapped(resp.Body, c.maxBodyBytes)
	c.logf(ctx, "DocSpace API response", map[string]any{
		"method": method, "path": path, "status": resp.StatusCode, "attempts": attempts,
		"duration_ms": time.Since(started).Milliseconds(), "body_bytes": len(raw),
	})
	if readErr != nil {
		if resp.StatusCode >= 200 && resp.StatusCode < 300 {
			return nil, &DecodeError{Method: method, Path: path, Err: readErr}
		}
		raw = nil // an error answer we could not read whole still has a status worth reporting
	}
	return &answer{status: resp.StatusCode, header: resp.Header, url: resp.Request.URL, raw: raw, attempts: attempts}, nil
}

// classify turns an answer into the envelope of a success or a typed error: a redirect,
// an error status (with DocSpace's message, or a snippet of whatever else answered), a
// body that is no envelope, or a 200 that carries an error.
func (c *Client) classify(req *retryablehttp.Request, a *answer) (*envelope, error) {
	method, path := req.Method, c.apiPath(req)
	switch {
	case a.status >= 300 && a.status < 400:
		return nil, &RedirectError{Method: method, Path: path, StatusCode: a.status, Location: redirectTarget(a)}
	case a.status < 200 || a.status >= 300:
		message, fromPortal := errorMessage(a.raw)
		apiErr := &APIError{Method: method, Path: path, StatusCode: a.status, Attempts: a.attempts, Message: c.redact(message), FromPortal: fromPortal}
		apiErr.RetryAfter, _ = ParseRetryAfter(a.header.Get("Retry-After"), time.Now())
		apiErr.AfterRestore = a.status == http.StatusUnauthorized && c.restored.Load()
		return nil, apiErr
	case a.status == http.StatusNoContent:
		return &envelope{}, nil // DELETE group answers 204 with no body at all
	}
	env, err := decodeEnvelope(a.raw)
	if err != nil {
		return nil, &DecodeError{Method: method, Path: path, Snippet: c.redact(snippet(a.raw)), Err: err}
	}
	if env.Error != nil && env.Error.Message != "" {
		// A 200 that carries an error body: trust the body.
		code := env.StatusCode
		if code == 0 {
			code = a.status
		}
		return nil, &APIError{Method: method, Path: path, StatusCode: code, Attempts: a.attempts, Message: c.redact(sanitizeMessage(env.Error.Message)), FromPortal: true}
	}
	return env, nil
}

// apiPath is the request's path from /api/2.0/ on (without the portal's own prefix), as
// errors name it.
func (c *Client) apiPath(req *retryablehttp.Request) string {
	path := req.URL.EscapedPath()
	if i := strings.Index(path, apiPrefix); i >= 0 {
		return path[i:]
	}
	return path
}

func decodeEnvelope(raw []byte) (*envelope, error) {
	var env envelope
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(&env); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errors.New("empty body, expected a JSON envelope")
		}
		return nil, fmt.Errorf("not a JSON envelope: %w", err)
	}
	if dec.More() {
		return nil, errors.New("trailing data after the JSON envelope")
	}
	return &env, nil
}

// callTrue is for endpoints whose only success answer is response: true.
func (c *Client) callTrue(ctx context.Context, method, endpoint string, query url.Values, body any) error {
	env, err := c.call(ctx, method, endpoint, query, body)
	if err != nil {
		return err
	}
	var ok bool
	if !env.hasResponse() || json.Unmarshal(env.Response, &ok) != nil || !ok {
		got := "nothing"
		if env.hasResponse() {
			got = truncate(string(env.Response), 60)
		}
		return &DecodeError{Method: method, Path: apiPrefix + endpoint, Err: fmt.Errorf("the portal answered %s where it should answer true, so the operation did not happen", got)}
	}
	return nil
}

// callValue decodes the response member into out. It reports false, without error, when
// the portal left the member out (the API does that for "nothing to report").
func (c *Client) callValue(ctx context.Context, method, endpoint string, query url.Values, body, out any) (bool, error) {
	env, err := c.call(ctx, method, endpoint, query, body)
	if err != nil {
		return false, err
	}
	if !env.hasResponse() {
		return false, nil
	}
	if err := json.Unmarshal(env.Response, out); err != nil {
		return false, &DecodeError{Method: method, Path: apiPrefix + endpoint, Snippet: truncate(string(env.Response), 60), Err: err}
	}
	return true, nil
}

// redact removes the API key from text the portal sent back: some proxies and error pages
// echo request headers.
func (c *Client) redact(s string) string {
	if len(c.apiKey) < 4 {
		return s
	}
	return strings.ReplaceAll(s, c.apiKey, "[redacted]")
}

func readCapped(r io.Reader, limit int64) ([]byte, error) {
	raw, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return raw, fmt.Errorf("reading the answer: %w", err)
	}
	if int64(len(raw)) > limit {
		return raw[:limit], fmt.Errorf("the answer is larger than %d bytes; refusing to read more", limit)
	}
	return raw, nil
}

func redirectTarget(a *answer) string {
	loc := a.header.Get("Location")
	if loc == "" {
		return "(no Location header)"
	}
	if u, err := a.url.Parse(loc); err == nil {
		u.RawQuery, u.Fragment = "", ""
		return u.Redacted()
	}
	return truncate(loc, 200)
}

func orDefault[T int64 | time.Duration](v, def T) T {
	if v <= 0 {
		return def
	}
	return v
}

func dumpQuery(dump bool) url.Values {
	return url.Values{"Dump": []string{fmt.Sprint(dump)}}
}

// listAll reads a paged list endpoint (response an array, total the whole count) page by
// page until it has every item.
func listAll[T any](ctx context.Context, c *Client, endpoint string, q url.Values) ([]T, error) {
	var all []T
	for {
		q.Set("startIndex", strconv.Itoa(len(all)))
		env, err := c.call(ctx, http.MethodGet, endpoint, q, nil)
		if err != nil {
			return nil, err
		}
		var page []T
		if env.hasResponse() {
			if err := json.Unmarshal(env.Response, &page); err != nil {
				return nil, &DecodeError{Method: http.MethodGet, Path: apiPrefix + endpoint, Snippet: truncate(string(env.Response), 60), Err: err}
			}
		}
		all = append(all, page...)
		if len(page) == 0 || env.Total == nil || len(all) >= *env.Total {
			return all, nil
		}
	}
}
