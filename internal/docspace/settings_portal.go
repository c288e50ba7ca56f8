package docspace

import (
	"context"
	"fmt"
	"net/http"
	"strings"
)

// PortalSettings are the portal's language (a culture name such as en-US), time zone (an
// IANA name such as Europe/Berlin) and title, the name shown on its pages.
type PortalSettings struct {
	Language string
	TimeZone string
	Title    string
}

// DefaultPortalLanguage and DefaultPortalTimeZone are what a reset writes.
const (
	DefaultPortalLanguage = "en-US"
	DefaultPortalTimeZone = "UTC"
)

// UnsupportedLanguageError is a language the portal does not offer: DocSpace would keep
// the current one without a word, so the client refuses before writing.
type UnsupportedLanguageError struct {
	Language  string
	Supported []string
}

func (e *UnsupportedLanguageError) Error() string {
	return fmt.Sprintf("the portal does not offer the language %q (it offers %s), and DocSpace would silently keep the current one", e.Language, strings.Join(e.Supported, ", "))
}

// PortalSettings reads the language, time zone and title from the portal settings.
func (c *Client) PortalSettings(ctx context.Context) (*PortalSettings, error) {
	s, err := readSetting[struct {
		Culture  string `json:"culture"`
		TimeZone string `json:"timezone"`
		Title    string `json:"greetingSettings"`
	}](ctx, c, "settings")
	if err != nil {
		return nil, err
	}
	return &PortalSettings{Language: s.Culture, TimeZone: s.TimeZone, Title: s.Title}, nil
}

// Cultures lists the languages the portal offers.
func (c *Client) Cultures(ctx context.Context) ([]string, error) {
	var out []string
	_, err := c.callValue(ctx, http.MethodGet, "settings/cultures", nil, nil, &out)
	return out, err
}

// SetPortalSettings writes the language and time zone together, then the title. A
// language the portal does not offer is refused first (*UnsupportedLanguageError).
func (c *Client) SetPortalSettings(ctx context.Context, s PortalSettings) error {
	cultures, err := c.Cultures(ctx)
	if err != nil {
		return err
	}
	if !containsFold(cultures, s.Language) {
		return &UnsupportedLanguageError{Language: s.Language, Supported: cultures}
	}
	body := struct {
		Language string `json:"lng"`
		TimeZone string `json:"timeZoneID"`
	}{s.Language, s.TimeZone}
	if _, err := c.call(ctx, http.MethodPut, "settings/timeandlanguage", nil, body); err != nil {
		return err
	}
	return c.callAnyAnswer(ctx, http.MethodPost, "settings/greetingsettings", struct {
		Title string `json:"title"`
	}{s.Title})
}

// ResetPortalSettings writes the default language and time zone and restores DocSpace's
// default title.
func (c *Client) ResetPortalSettings(ctx context.Context) error {
	body := struct {
		Language string `json:"lng"`
		TimeZone string `json:"timeZoneID"`
	}{DefaultPortalLanguage, DefaultPortalTimeZone}
	if _, err := c.call(ctx, http.MethodPut, "settings/timeandlanguage", nil, body); err != nil {
		return err
	}
	return c.callAnyAnswer(ctx, http.MethodPost, "settings/greetingsettings/restore", nil)
}

func containsFold(list []string, s string) bool {
	for _, v := range list {
		if strings.EqualFold(v, s) {
			return true
		}
	}
	return false
}
