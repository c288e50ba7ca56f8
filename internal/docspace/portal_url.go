package docspace

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// NormalizePortalURL checks that raw is an absolute http(s) URL with a host, no query, no
// fragment and no credentials, and returns it without trailing slashes. A path prefix (a
// self-hosted portal behind a reverse proxy) is kept.
func NormalizePortalURL(raw string) (string, error) {
	trimmed := strings.TrimSpace(raw)
	if trimmed == "" {
		return "", errors.New("the URL is empty")
	}
	lower := strings.ToLower(trimmed)
	if !strings.Contains(trimmed, "://") && !strings.HasPrefix(lower, "http:") && !strings.HasPrefix(lower, "https:") {
		// Without a scheme url.Parse reads "host:port" as a scheme or fails with parser
		// jargon ("first path segment in URL cannot contain colon"): say what to write.
		return "", fmt.Errorf("the URL must start with https:// (or http://): write https://%s", truncate(trimmed, 80))
	}
	u, err := url.Parse(trimmed)
	if err != nil {
		return "", fmt.Errorf("not a valid URL: %w", unwrapURLError(err))
	}
	scheme := strings.ToLower(u.Scheme)
	if scheme != "http" && scheme != "https" {
		return "", fmt.Errorf("the URL must start with https:// (or http://), got %q", truncate(trimmed, 80))
	}
	if u.Opaque != "" || u.Host == "" || u.Hostname() == "" {
		return "", fmt.Errorf("the URL has no host name; write it like https://example.onlyoffice.com")
	}
	if u.User != nil {
		return "", errors.New("the URL must not contain a user name or password; put the API key in api_key")
	}
	if u.RawQuery != "" || u.ForceQuery {
		return "", errors.New("the URL must not contain a query string (the part after ?)")
	}
	if u.Fragment != "" || strings.Contains(trimmed, "#") {
		return "", errors.New("the URL must not contain a fragment (the part after #)")
	}
	if port := u.Port(); port == "" && strings.HasSuffix(u.Host, ":") {
		return "", errors.New("the URL has an empty port after the colon")
	}
	path := strings.TrimRight(u.EscapedPath(), "/")
	// url.Parse unescapes an IPv6 zone ("%25en0" becomes "%en0"); escape it again so the
	// result parses back to the same URL.
	host := strings.ReplaceAll(strings.ToLower(u.Host), "%", "%25")
	return scheme + "://" + host + path, nil
}

func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
