package docspace

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"

	"github.com/hashicorp/go-retryablehttp"
)

// plainRequest is one request to a service beside the portal API that answers plain JSON,
// without DocSpace's envelope: the hosting API (spaces.go) and the identity service
// (oauth_clients.go). Each has its own credentials and its own error shape.
type plainRequest struct {
	method, path string // path from the host's root, e.g. /apisystem/portal/get
	query        url.Values
	body         any
	// authorize sets the service's credentials; it is skipped for anonymous calls.
	authorize func(*retryablehttp.Request) error
	// failure reads the service's error answer.
	failure func(method, path string, a *answer) error
}

// plainCall sends the request (with retries) and decodes a 2xx answer into out (may be
// nil: the answer is not read then).
func (c *Client) plainCall(ctx context.Context, r plainRequest, out any) error {
	target := strings.TrimSuffix(c.base, "/") + r.path
	if len(r.query) > 0 {
		target += "?" + r.query.Encode()
	}
	var payload any
	if r.body != nil {
		b, err := json.Marshal(r.body)
		if err != nil {
			return fmt.Errorf("%s %s: encoding request: %w", r.method, r.path, err)
		}
		payload = b
	}
	req, err := retryablehttp.NewRequestWithContext(ctx, r.method, target, payload)
	if err != nil {
		return fmt.Errorf("%s %s: %w", r.method, r.path, err)
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	if r.body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if anonymous, _ := ctx.Value(anonymousKey{}).(bool); !anonymous {
		if err := r.authorize(req); err != nil {
			return err
		}
	}
	ans, err := c.send(ctx, req)
	if err != nil {
		return err
	}
	switch {
	case ans.status >= 300 && ans.status < 400:
		return &RedirectError{Method: r.method, Path: r.path, StatusCode: ans.status, Location: redirectTarget(ans)}
	case ans.status < 200 || ans.status >= 300:
		return r.failure(r.method, r.path, ans)
	case out == nil:
		return nil
	}
	if err := json.Unmarshal(ans.raw, out); err != nil {
		return &DecodeError{Method: r.method, Path: r.path, Snippet: c.redact(snippet(ans.raw)), Err: err}
	}
	return nil
}
