package docspace

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha1" //nolint:gosec // DocSpace's hosting tokens are HMAC-SHA1
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/go-retryablehttp"
)

// Spaces are the portals (tenants) of one self-hosted DocSpace server, managed through the
// server's hosting API below /apisystem. It takes no API key: either a token signed with
// the server's machine key (core.machinekey), or the e-mail and password of the Owner or a
// DocSpace admin of the portal the client talks to. Its answers are plain JSON, no
// envelope; its errors are {error: <code>, message}.

// HostingCredentials authenticate the hosting API: MachineKey, or Email and Password.
type HostingCredentials struct {
	MachineKey string
	Email      string
	Password   string
}

// Configured says whether any hosting credential is set.
func (h HostingCredentials) Configured() bool {
	return h.MachineKey != "" || (h.Email != "" && h.Password != "")
}

// HostingConfigured says whether the client has credentials for the hosting API.
func (c *Client) HostingConfigured() bool { return c.hosting.Configured() }

// Space is one portal of the server (TenantResponseDto).
type Space struct {
	TenantID   int    `json:"tenantId"`
	Name       string `json:"portalName"`
	Domain     string `json:"domain"`
	Title      string `json:"name"`
	Status     string `json:"status"` // Active, Suspended, RemovePending
	Language   string `json:"language"`
	TimeZone   string `json:"timeZoneId"`
	OwnerID    string `json:"ownerId"`
	Created    string `json:"created"`
	QuotaBytes int64  `json:"customQuota"`
	Owner      struct {
		Email string `json:"email"`
	} `json:"owner"` // with statistics only
}

// SpaceRequest registers a space. Without a password the owner finishes the setup through
// the one-time link the registration returns, and until then the space can be removed at
// once; with one, removing it needs the owner to confirm by e-mail.
type SpaceRequest struct {
	Name               string `json:"portalName"`
	FirstName          string `json:"firstName"`
	LastName           string `json:"lastName"`
	Email              string `json:"email"`
	Password           string `json:"password,omitempty"`
	Language           string `json:"language,omitempty"`
	TimeZone           string `json:"timeZoneName,omitempty"`
	LimitedAccessSpace bool   `json:"limitedAccessSpace"`
}

// SpaceRegistration is what registering answers: the space and the owner's one-time
// sign-in link on its domain.
type SpaceRegistration struct {
	Space     Space  `json:"tenant"`
	SetupLink string `json:"reference"`
}

// Space status names, as the hosting API reports them.
const (
	SpaceActive        = "Active"
	SpaceSuspended     = "Suspended"
	SpaceRemovePending = "RemovePending"
)

// ErrSpaceNotListed is a space the hosting API does not list: it lists active spaces only,
// so the space may be suspended, removed, or not exist.
var ErrSpaceNotListed = errors.New("the server does not list the space (it lists active spaces only)")

// CheckSpaceName applies DocSpace's rule for a space's name (its subdomain): 3 to 63
// lower-case letters, digits and hyphens, starting and ending with a letter or digit.
func CheckSpaceName(name string) error {
	if len(name) < 3 || len(name) > 63 {
		return errors.New("a space's name is 3 to 63 characters long")
	}
	for i, r := range name {
		edge := i == 0 || i == len(name)-1
		letterOrDigit := r >= 'a' && r <= 'z' || r >= '0' && r <= '9'
		if !letterOrDigit && (r != '-' || edge) {
			return errors.New("a space's name has lower-case letters, digits and inner hyphens only (it becomes the portal's subdomain)")
		}
	}
	return nil
}

// ValidateSpaceName asks the server whether the name is free and allowed (register itself
// does not check it on a self-hosted server).
func (c *Client) ValidateSpaceName(ctx context.Context, name string) error {
	return c.hostingCall(withoutCredentials(ctx), http.MethodPost, "portal/validateportalname", nil, map[string]string{"portalName": name}, nil)
}

// RegisterSpace registers a space. It is never sent twice: a second registration would
// fail on the name, or count against the server's limit of ten a client per five minutes.
func (c *Client) RegisterSpace(ctx context.Context, r SpaceRequest) (*SpaceRegistration, error) {
	var out SpaceRegistration
	if err := c.hostingCall(withoutReplay(ctx), http.MethodPost, "portal/register", nil, r, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// SpaceByID reads an active space; ErrSpaceNotListed when the server does not list it.
func (c *Client) SpaceByID(ctx context.Context, id int) (*Space, error) {
	var out struct {
		Tenants []Space `json:"tenants"`
	}
	if err := c.hostingCall(ctx, http.MethodGet, "portal/get", url.Values{"tenantId": {strconv.Itoa(id)}, "statistics": {"true"}}, nil, &out); err != nil {
		return nil, err
	}
	for _, s := range out.Tenants {
		if s.TenantID == id {
			return &s, nil
		}
	}
	return nil, ErrSpaceNotListed
}

// SetSpaceSuspended suspends or resumes a space, addressed by id only: the server takes an
// unknown name for its first portal.
func (c *Client) SetSpaceSuspended(ctx context.Context, id int, suspended bool) (*Space, error) {
	status := 0
	if suspended {
		status = 1
	}
	var out struct {
		Tenant Space `json:"tenant"`
	}
	body := map[string]int{"tenantId": id, "status": status}
	if err := c.hostingCall(ctx, http.MethodPut, "portal/status", nil, body, &out); err != nil {
		return nil, err
	}
	return &out.Tenant, nil
}

// RemoveSpace removes a space by id. removed is false when the owner had finished the
// setup: the server then only e-mails the owner removal instructions.
func (c *Client) RemoveSpace(ctx context.Context, id int) (removed bool, err error) {
	var out struct {
		Removed bool `json:"removed"`
	}
	err = c.hostingCall(withoutReplay(ctx), http.MethodDelete, "portal/remove", url.Values{"tenantId": {strconv.Itoa(id)}}, nil, &out)
	return out.Removed, err
}

// SpaceSettings reads a space's anonymous settings through this client's portal, naming
// the space in the Origin header as DocSpace resolves it: its status and its name, which
// is another portal's when the server does not know the space.
func (c *Client) SpaceSettings(ctx context.Context, domain string) (*SpaceSettings, error) {
	var s SpaceSettings
	ctx = context.WithValue(withoutCredentials(ctx), originKey{}, strings.SplitN(c.base, "://", 2)[0]+"://"+domain)
	if _, err := c.callValue(ctx, http.MethodGet, "settings", nil, nil, &s); err != nil {
		return nil, err
	}
	return &s, nil
}

// SpaceSettings is what a space's anonymous settings tell about it.
type SpaceSettings struct {
	TenantStatus int    `json:"tenantStatus"` // 0 active, 1 suspended
	TenantAlias  string `json:"tenantAlias"`
}

type originKey struct{}

// hostingCall sends one hosting API request and decodes its answer into out (may be nil).
func (c *Client) hostingCall(ctx context.Context, method, endpoint string, query url.Values, body, out any) error {
	return c.plainCall(ctx, plainRequest{
		method: method, path: "/apisystem/" + endpoint, query: query, body: body,
		authorize: func(req *retryablehttp.Request) error {
			if !c.hosting.Configured() {
				return ErrNoHostingCredentials
			}
			req.Header.Set("Authorization", c.hosting.authorization(time.Now()))
			return nil
		},
		failure: c.hostingError,
	}, out)
}

// ErrNoHostingCredentials is a hosting call without a machine key or admin login.
var ErrNoHostingCredentials = errors.New("no credentials for the hosting API: set a machine key, or the e-mail and password of the Owner or a DocSpace admin")

// hostingError reads {error, message}; anything else (an empty 500, a proxy's page) is an
// APIError that did not come from the hosting API.
func (c *Client) hostingError(method, path string, a *answer) error {
	var e struct {
		Code    string `json:"error"`
		Message string `json:"message"`
	}
	apiErr := &APIError{Method: method, Path: path, StatusCode: a.status, Attempts: a.attempts}
	if json.NewDecoder(bytes.NewReader(a.raw)).Decode(&e) == nil && (e.Code != "" || e.Message != "") {
		apiErr.Code, apiErr.Message, apiErr.FromPortal = e.Code, c.redact(sanitizeMessage(e.Message)), true
	} else {
		apiErr.Message = c.redact(snippet(a.raw))
	}
	return apiErr
}

// authorization is the Authorization header: an "ASC" token when there is a machine key
// (HMAC-SHA1 of "<timestamp>\n<pkey>", base64url without padding, valid five minutes),
// else Basic.
func (h HostingCredentials) authorization(now time.Time) string {
	if h.MachineKey == "" {
		return "Basic " + base64.StdEncoding.EncodeToString([]byte(h.Email+":"+h.Password))
	}
	const pkey = "terraform"
	stamp := now.UTC().Format("20060102150405")
	mac := hmac.New(sha1.New, []byte(h.MachineKey))
	mac.Write([]byte(stamp + "\n" + pkey))
	return "ASC " + pkey + ":" + stamp + ":" + base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}
