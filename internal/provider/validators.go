package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

// stringCheck turns a check function into a plan-time validator: the same rule the client
// or the apply would enforce, reported early and on the attribute. Unknown and null values
// are left alone.
type stringCheck struct {
	description string
	summary     string
	check       func(string) error
	// detail words the error for the diagnostic; the error text followed by a full stop
	// when nil.
	detail func(err error) string
}

func (v stringCheck) Description(context.Context) string { return v.description }

func (v stringCheck) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v stringCheck) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	err := v.check(req.ConfigValue.ValueString())
	if err == nil {
		return
	}
	detail := err.Error() + "."
	if v.detail != nil {
		detail = v.detail(err)
	}
	resp.Diagnostics.AddAttributeError(req.Path, v.summary, detail)
}

// portalURLValidator checks portal_url with the rules the client applies.
func portalURLValidator() validator.String {
	return stringCheck{
		description: "must be an absolute http(s) URL without query or fragment",
		summary:     "Invalid DocSpace portal URL",
		check: func(s string) error {
			_, err := docspace.NormalizePortalURL(s)
			return err
		},
		detail: func(err error) string {
			return "portal_url " + err.Error() + ". Use the portal's root URL, for example https://example.onlyoffice.com."
		},
	}
}

// caCertificateValidator checks that ca_certificate holds PEM certificates.
func caCertificateValidator() validator.String {
	return stringCheck{
		description: "must hold one or more PEM-encoded certificates",
		summary:     "Invalid CA certificate",
		check:       func(s string) error { return docspace.ParseCACertificates([]byte(s)) },
		detail:      func(err error) string { return "ca_certificate: " + err.Error() + "." },
	}
}

// durationValidator checks a Go duration string with a lower bound.
func durationValidator(least time.Duration) validator.String {
	return stringCheck{
		description: fmt.Sprintf("must be a duration such as 2s or 1m, at least %s", least),
		summary:     "Invalid duration",
		check: func(s string) error {
			if d, err := time.ParseDuration(s); err != nil || d < least {
				return fmt.Errorf("%q is not a duration such as 2s or 1m of at least %s", s, least)
			}
			return nil
		},
	}
}

// ageValidator checks older_than: a positive duration or number of days.
func ageValidator() validator.String {
	return stringCheck{
		description: "must be a positive duration (720h) or number of days (30d)",
		summary:     "Invalid older_than",
		check: func(s string) error {
			_, err := parseAge(s)
			return err
		},
	}
}

// roomTitleValidator checks a room title the way DocSpace will: 1 to 170 characters once
// trimmed.
func roomTitleValidator() validator.String {
	return stringCheck{
		description: fmt.Sprintf("must be 1 to %d characters after trimming", docspace.MaxRoomTitleLength),
		summary:     "Invalid room title",
		check: func(s string) error {
			n := utf8.RuneCountInString(strings.TrimSpace(s))
			if n == 0 || n > docspace.MaxRoomTitleLength {
				return fmt.Errorf("title has %d characters after trimming; DocSpace takes 1 to %d", n, docspace.MaxRoomTitleLength)
			}
			return nil
		},
	}
}

// guidPattern matches the ids DocSpace gives users and groups.
var guidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)
