package docspace_test

import (
	"strings"
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

func TestNormalizePortalURL(t *testing.T) {
	good := map[string]string{
		"https://example.onlyoffice.com":         "https://example.onlyoffice.com",
		"https://example.onlyoffice.com/":        "https://example.onlyoffice.com",
		"  HTTPS://Example.OnlyOffice.com//  ":   "https://example.onlyoffice.com",
		"http://127.0.0.1:8080":                  "http://127.0.0.1:8080",
		"https://intranet.example.com/docspace/": "https://intranet.example.com/docspace",
		"https://intranet.example.com/a%20b/":    "https://intranet.example.com/a%20b",
		"https://[::1]:8443/docspace":            "https://[::1]:8443/docspace",
	}
	for in, want := range good {
		got, err := docspace.NormalizePortalURL(in)
		if err != nil || got != want {
			t.Errorf("docspace.NormalizePortalURL(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	bad := map[string]string{
		"":                            "empty",
		"example.onlyoffice.com":      "https://",
		"ftp://example.com":           "https://",
		"https://":                    "no host",
		"https://example.com?x=1":     "query",
		"https://example.com/?":       "query",
		"https://example.com/#top":    "fragment",
		"https://user:pw@example.com": "password",
		"https://exa mple.com":        "not a valid URL",
		"https://example.com:":        "empty port",
		"mailto:admin@example.com":    "https://",
		"https:example.com":           "no host",
		// No scheme: one plain sentence, never url.Parse's "first path segment" jargon.
		"127.0.0.1:8092/docspace": "must start with https:// (or http://): write https://127.0.0.1:8092/docspace",
		"portal.example.com:8443": "write https://portal.example.com:8443",
	}
	for in, want := range bad {
		_, err := docspace.NormalizePortalURL(in)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("docspace.NormalizePortalURL(%q) error = %v; want one mentioning %q", in, err, want)
		}
	}
}
