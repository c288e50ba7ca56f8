package docspace

import (
	"context"
	"errors"
	"net/http"
)

// Branding is the portal's white label that fits in text: the logo text shown in place of
// the product's name. Logos themselves are images and stay in DocSpace's settings page.
type Branding struct {
	LogoText string
}

// Branding reads the logo text (DocSpace's default when the portal has none of its own).
func (c *Client) Branding(ctx context.Context) (*Branding, error) {
	var text string
	ok, err := c.callValue(ctx, http.MethodGet, "settings/whitelabel/logotext", nil, nil, &text)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, &DecodeError{Method: http.MethodGet, Path: apiPrefix + "settings/whitelabel/logotext", Err: errors.New("the portal answered without the logo text")}
	}
	return &Branding{LogoText: text}, nil
}

// SetBranding saves the logo text. DocSpace Cloud refuses it (402) on a plan without white
// labelling; WhiteLabelAvailable tells beforehand.
func (c *Client) SetBranding(ctx context.Context, b Branding) error {
	body := struct {
		LogoText string `json:"logoText"`
	}{b.LogoText}
	return c.callTrue(ctx, http.MethodPost, "settings/whitelabel/logotext/save", nil, body)
}

// ResetBranding restores DocSpace's default logo text (allowed on every plan).
func (c *Client) ResetBranding(ctx context.Context) error {
	return c.callTrue(ctx, http.MethodPut, "settings/whitelabel/logotext/restore", nil, nil)
}

// WhiteLabelAvailable says whether the portal may change its branding: always on a
// self-hosted server, on DocSpace Cloud only with a plan that includes it.
func (c *Client) WhiteLabelAvailable(ctx context.Context) (bool, error) {
	var ok bool
	_, err := c.callValue(ctx, http.MethodGet, "settings/enablewhitelabel", nil, nil, &ok)
	return ok, err
}
