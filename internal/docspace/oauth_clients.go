package docspace

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// OAuth clients live in DocSpace's identity service, a separate service on the portal's
// host below /api/2.0/clients and /api/2.0/scopes. It takes no API key: the client asks
// the portal for a signature (a JWT valid five minutes, GET security/oauth2/token) and
// sends it as the x-signature header. Answers are plain JSON; errors are RFC 7807 problem
// details.

// OAuthClient is a registered OAuth application.
type OAuthClient struct {
	ID                    string   `json:"client_id"`
	Secret                string   `json:"client_secret"`
	Name                  string   `json:"name"`
	Description           string   `json:"description"`
	Logo                  string   `json:"logo"`
	Scopes                []string `json:"scopes"`
	Enabled               bool     `json:"enabled"`
	WebsiteURL            string   `json:"website_url"`
	TermsURL              string   `json:"terms_url"`
	PolicyURL             string   `json:"policy_url"`
	AuthenticationMethods []string `json:"authentication_methods"`
	RedirectURIs          []string `json:"redirect_uris"`
	AllowedOrigins        []string `json:"allowed_origins"`
	LogoutRedirectURIs    []string `json:"logout_redirect_uris"`
	CreatedOn             string   `json:"created_on"`
	ModifiedOn            string   `json:"modified_on"`
	CreatedBy             string   `json:"created_by"`
	ModifiedBy            string   `json:"modified_by"`
}

// AllowsPKCE says whether public clients may authorize with PKCE (no secret).
func (c *OAuthClient) AllowsPKCE() bool {
	for _, m := range c.AuthenticationMethods {
		if m == "none" {
			return true
		}
	}
	return false
}

// LogoutRedirectURI is the one logout redirect a client is registered with.
func (c *OAuthClient) LogoutRedirectURI() string {
	if len(c.LogoutRedirectURIs) == 0 {
		return ""
	}
	return c.LogoutRedirectURIs[0]
}

// NewOAuthClient registers a client. Redirect URIs, the logout URI, the three links and
// the scopes cannot change afterwards.
type NewOAuthClient struct {
	Name              string   `json:"name"`
	Description       string   `json:"description"`
	Logo              string   `json:"logo"`
	WebsiteURL        string   `json:"website_url"`
	TermsURL          string   `json:"terms_url"`
	PolicyURL         string   `json:"policy_url"`
	LogoutRedirectURI string   `json:"logout_redirect_uri"`
	RedirectURIs      []string `json:"redirect_uris"`
	AllowedOrigins    []string `json:"allowed_origins"`
	Scopes            []string `json:"scopes"`
	AllowPKCE         bool     `json:"allow_pkce"`
}

// OAuthClientUpdate is what an update may change.
type OAuthClientUpdate struct {
	Name           string   `json:"name"`
	Description    string   `json:"description"`
	Logo           string   `json:"logo"`
	AllowPKCE      bool     `json:"allow_pkce"`
	AllowedOrigins []string `json:"allowed_origins"`
}

// OAuthScope is one scope a client may ask for.
type OAuthScope struct {
	Name  string `json:"name"`
	Group string `json:"group"`
	Type  string `json:"type"`
}

// OAuthScopes is the identity service's scope catalogue, as of DocSpace 3.x.
var OAuthScopes = []string{"accounts.self:read", "accounts.self:write", "accounts:read", "accounts:write",
	"files:read", "files:write", "rooms:read", "rooms:write", "openid"}

// Limits the identity service applies to a client.
const (
	MaxOAuthClientURIs        = 12
	MaxOAuthClientDescription = 255
	oauthClientsPage          = 50
	// signatureReuse is how long a signature is reused: it is valid five minutes.
	signatureReuse = 4 * time.Minute
)

// CreateOAuthClient registers a client; the answer carries its secret.
func (c *Client) CreateOAuthClient(ctx context.Context, n NewOAuthClient) (*OAuthClient, error) {
	var out OAuthClient
	if err := c.identityCall(withoutReplay(ctx), http.MethodPost, "clients", nil, n, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// OAuthClient reads one client, with its secret.
func (c *Client) OAuthClient(ctx context.Context, id string) (*OAuthClient, error) {
	var out OAuthClient
	if err := c.identityCall(ctx, http.MethodGet, "clients/"+url.PathEscape(id), nil, nil, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// OAuthClients lists every client the caller may see (all of the portal's for admins),
// newest first. List items carry the stored form of the secret: it is cleared.
func (c *Client) OAuthClients(ctx context.Context) ([]OAuthClient, error) {
	var all []OAuthClient
	q := url.Values{"limit": {strconv.Itoa(oauthClientsPage)}}
	for {
		var page struct {
			Data          []OAuthClient `json:"data"`
			LastClientID  string        `json:"last_client_id"`
			LastCreatedOn string        `json:"last_created_on"`
		}
		if err := c.identityCall(ctx, http.MethodGet, "clients", q, nil, &page); err != nil {
			return nil, err
		}
		for _, oc := range page.Data {
			oc.Secret = ""
			all = append(all, oc)
		}
		if len(page.Data) < oauthClientsPage || page.LastClientID == "" {
			return all, nil
		}
		q.Set("last_client_id", page.LastClientID)
		q.Set("last_created_on", page.LastCreatedOn)
	}
}

// UpdateOAuthClient changes a client's name, description, logo, PKCE and origins.
func (c *Client) UpdateOAuthClient(ctx context.Context, id string, u OAuthClientUpdate) error {
	return c.identityCall(ctx, http.MethodPut, "clients/"+url.PathEscape(id), nil, u, nil)
}

// SetOAuthClientEnabled switches a client on or off; tokens it issued stay valid.
func (c *Client) SetOAuthClientEnabled(ctx context.Context, id string, enabled bool) error {
	return c.identityCall(ctx, http.MethodPatch, "clients/"+url.PathEscape(id)+"/activation", nil, map[string]bool{"status": enabled}, nil)
}

// RegenerateOAuthClientSecret issues a new secret; the old one stops working at once. It
// is never sent twice: a replay would invalidate the secret the first answer carried.
func (c *Client) RegenerateOAuthClientSecret(ctx context.Context, id string) (string, error) {
	var out struct {
		Secret string `json:"client_secret"`
	}
	if err := c.identityCall(withoutReplay(ctx), http.MethodPatch, "clients/"+url.PathEscape(id)+"/regenerate", nil, nil, &out); err != nil {
		return "", err
	}
	if out.Secret == "" {
		return "", &DecodeError{Method: http.MethodPatch, Path: apiPrefix + "clients/" + id + "/regenerate", Err: errors.New("the answer carries no client_secret")}
	}
	return out.Secret, nil
}

// DeleteOAuthClient removes a client and, in the background, its consents.
func (c *Client) DeleteOAuthClient(ctx context.Context, id string) error {
	return c.identityCall(ctx, http.MethodDelete, "clients/"+url.PathEscape(id), nil, nil, nil)
}

// OAuthScopeCatalogue reads the scopes clients may ask for, sorted by name (openid last).
func (c *Client) OAuthScopeCatalogue(ctx context.Context) ([]OAuthScope, error) {
	var out []OAuthScope
	err := c.identityCall(ctx, http.MethodGet, "scopes", nil, nil, &out)
	return out, err
}

// signatureCache holds the last signature and when to stop reusing it.
type signatureCache struct {
	mu      sync.Mutex
	value   string
	renewAt time.Time
}

// signature returns a signature for the identity service, reusing one for four minutes.
func (c *Client) signature(ctx context.Context, fresh bool) (string, error) {
	c.signatures.mu.Lock()
	defer c.signatures.mu.Unlock()
	if !fresh && c.signatures.value != "" && time.Now().Before(c.signatures.renewAt) {
		return c.signatures.value, nil
	}
	var jwt string
	ok, err := c.callValue(ctx, http.MethodGet, "security/oauth2/token", nil, nil, &jwt)
	if err != nil {
		return "", err
	}
	if !ok || strings.Count(jwt, ".") != 2 {
		return "", &DecodeError{Method: http.MethodGet, Path: apiPrefix + "security/oauth2/token", Err: errors.New("the answer is not a signature (a JWT)")}
	}
	c.signatures.value, c.signatures.renewAt = jwt, time.Now().Add(signatureReuse)
	return jwt, nil
}

// identityCall sends one identity-service request signed with a signature. A 403 with an
// empty body is how the service refuses a signature: it is retried once with a fresh one
// (a clock that runs fast on the portal expires signatures early).
func (c *Client) identityCall(ctx context.Context, method, endpoint string, query url.Values, body, out any) error {
	var err error
	for _, fresh := range []bool{false, true} {
		var jwt string
		if jwt, err = c.signature(ctx, fresh); err != nil {
			return err
		}
		err = c.plainCall(ctx, plainRequest{
			method: method, path: apiPrefix + endpoint, query: query, body: body,
			authorize: func(req *retryablehttp.Request) error { req.Header.Set("x-signature", jwt); return nil },
			failure:   c.problemError,
		}, out)
		var apiErr *APIError
		if !errors.As(err, &apiErr) || apiErr.StatusCode != http.StatusForbidden || apiErr.FromPortal {
			return err
		}
	}
	return err
}

// problemError reads an RFC 7807 problem detail (detail, and each field error); anything
// else is an APIError that did not come from the identity service.
func (c *Client) problemError(method, path string, a *answer) error {
	var p struct {
		Title  string `json:"title"`
		Detail string `json:"detail"`
		Status int    `json:"status"`
		Errors []struct {
			Field   string `json:"field"`
			Message string `json:"message"`
		} `json:"errors"`
	}
	apiErr := &APIError{Method: method, Path: path, StatusCode: a.status, Attempts: a.attempts}
	if json.NewDecoder(bytes.NewReader(a.raw)).Decode(&p) != nil || p.Status == 0 || (p.Title == "" && p.Detail == "") {
		apiErr.Message = c.redact(snippet(a.raw))
		return apiErr
	}
	parts := []string{sanitizeMessage(p.Detail)}
	if p.Detail == "" {
		parts[0] = sanitizeMessage(p.Title)
	}
	for _, e := range p.Errors { // each one cut on its own: every field is named
		parts = append(parts, sanitizeMessage(e.Field+": "+e.Message))
	}
	// Spring's answer for a route the service lacks (an older server) is a problem detail
	// too, but it says nothing about the object: only the service's own "not found" does.
	apiErr.Message = c.redact(strings.Join(parts, "; "))
	apiErr.FromPortal = !strings.HasPrefix(p.Detail, "No static resource")
	return apiErr
}

// The identity service's rules for a client's fields, for checks before any request.
var (
	// OAuthClientURLPattern: website, terms, policy and logout URLs. An optional http(s)
	// scheme and a host with a top-level domain of two letters or more (or, with a scheme,
	// an IPv4 address); hosts without one, localhost among them, are refused.
	OAuthClientURLPattern = regexp.MustCompile(`^(?:(?:https?://)?(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}|https?://\d{1,3}(?:\.\d{1,3}){3})(?::\d{1,5})?(?:[/?#]\S*)?$`)
	// OAuthClientRedirectPattern: redirect URIs and allowed origins, http(s) URLs with a
	// host, or claude: URIs.
	OAuthClientRedirectPattern = regexp.MustCompile(`^(?:https?://[^/?#\s]+\S*|claude:\S+)$`)
	// OAuthClientLogoPattern: the logo, a base64 data URL of a PNG, JPEG or SVG image.
	OAuthClientLogoPattern = regexp.MustCompile(`^data:image/(?:png|jpeg|jpg|svg\+xml);base64,[A-Za-z0-9+/=]+$`)
)

// MaxOAuthClientLogo is the longest logo data URL the service takes (its image may be
// 256,000 bytes at most).
const MaxOAuthClientLogo = 2_000_000
