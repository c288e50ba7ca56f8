package docspace

import (
	"errors"
	"fmt"
	"net/http"
	"time"
)

// APIError is a non-2xx answer from the portal, or a 2xx answer that does not say what the
// API promises. It never carries DocSpace's stack trace or a whole HTML page.
type APIError struct {
	Method     string
	Path       string
	StatusCode int
	// Message is DocSpace's error.message, or the title / first line of a non-JSON body.
	Message string
	// FromPortal is true when Message came from DocSpace's own JSON error body, false when
	// it came from something else (a proxy's HTML page).
	FromPortal bool
	// Code is the hosting API's error code (portalNameExist, tooMuchAttempts, ...); "" for
	// the portal API.
	Code string
	// RetryAfter is the server's Retry-After hint, zero when absent.
	RetryAfter time.Duration
	// Attempts is how many requests were sent before giving up (1 without retries).
	Attempts int
	// AfterRestore marks a 401 from a portal this client saw restored: the restore
	// removed every API key.
	AfterRestore bool
}

func (e *APIError) Error() string {
	s := fmt.Sprintf("%s %s: HTTP %d %s", e.Method, e.Path, e.StatusCode, http.StatusText(e.StatusCode))
	if e.Message != "" {
		s += ": " + e.Message
	}
	if e.Attempts > 1 {
		s += fmt.Sprintf(" (after %d attempts)", e.Attempts)
	}
	return s
}

// RedirectError reports a 3xx answer. API calls never follow redirects: Go would replay a
// redirected DELETE as a GET, and a redirect almost always means portal_url is wrong.
type RedirectError struct {
	Method     string
	Path       string
	StatusCode int
	Location   string
}

func (e *RedirectError) Error() string {
	return fmt.Sprintf("%s %s: the portal redirected (HTTP %d) to %q instead of answering", e.Method, e.Path, e.StatusCode, e.Location)
}

// TransportError is a request that never got an HTTP answer (connection refused, reset,
// TLS failure, timeout), after all retries.
type TransportError struct {
	Method   string
	Path     string
	Attempts int
	Err      error
}

func (e *TransportError) Error() string {
	s := fmt.Sprintf("%s %s: %v", e.Method, e.Path, e.Err)
	if e.Attempts > 1 {
		s += fmt.Sprintf(" (after %d attempts)", e.Attempts)
	}
	return s
}

func (e *TransportError) Unwrap() error { return e.Err }

// DecodeError is a 2xx answer whose body is not the DocSpace envelope the endpoint promises
// (an HTML login page from a misconfigured proxy, truncated JSON, a wrong type).
type DecodeError struct {
	Method string
	Path   string
	// Snippet is the title / first line of the body, never the whole body.
	Snippet string
	Err     error
}

func (e *DecodeError) Error() string {
	s := fmt.Sprintf("%s %s: unexpected response body: %v", e.Method, e.Path, e.Err)
	if e.Snippet != "" {
		s += fmt.Sprintf(" (body starts with %q)", e.Snippet)
	}
	return s
}

func (e *DecodeError) Unwrap() error { return e.Err }

// IsNotFound reports whether err is DocSpace's own "not found": HTTP 404 with DocSpace's
// JSON error envelope (the hosting API's and the identity service's own error bodies
// count too). Only that answer means the object is gone. A 404 from anything else
// (a reverse proxy's HTML page, an empty body, a path outside the portal because portal_url
// is wrong, an endpoint an older server lacks) says nothing about the object, and treating
// it as "gone" would make Terraform forget, or report destroyed, objects that still exist.
func IsNotFound(err error) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusNotFound && apiErr.FromPortal
}

// StatusCode returns the HTTP status of an *APIError anywhere in err's chain, or 0.
func StatusCode(err error) int {
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		return apiErr.StatusCode
	}
	return 0
}
