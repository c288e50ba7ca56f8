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

// maxPersonField is the longest name or email DocSpace stores.
const maxPersonField = 255

// personNameRE is DocSpace's default rule for first and last names: letters, combining
// marks, apostrophes, spaces and hyphens.
var personNameRE = regexp.MustCompile(`^[\p{L}\p{M}' \-]+$`)

// personNameValidator checks a first or last name the way DocSpace will.
func personNameValidator() validator.String {
	return stringCheck{
		description: "must be 1 to 255 letters, spaces, apostrophes or hyphens",
		summary:     "Invalid name",
		check: func(s string) error {
			if utf8.RuneCountInString(s) > maxPersonField || !personNameRE.MatchString(s) {
				return fmt.Errorf("%q is not a name DocSpace accepts: 1 to %d letters, spaces, apostrophes or hyphens (no digits or other signs)", s, maxPersonField)
			}
			return nil
		},
	}
}

// emailRE is the shape of an address DocSpace accepts.
var emailRE = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)

// emailValidator checks an email address.
func emailValidator() validator.String {
	return stringCheck{
		description: "must be an email address",
		summary:     "Invalid email address",
		check: func(s string) error {
			if utf8.RuneCountInString(s) > maxPersonField || !emailRE.MatchString(s) {
				return fmt.Errorf("%q is not an email address of at most %d characters", s, maxPersonField)
			}
			return nil
		},
	}
}

// guidValidator checks a user or group id.
func guidValidator() validator.String {
	return stringCheck{
		description: "must be a GUID",
		summary:     "Invalid id",
		check: func(s string) error {
			if !guidPattern.MatchString(s) {
				return fmt.Errorf("%q is not a DocSpace user or group id (a GUID such as 3f1c2b7e-8d2a-4c55-9a41-0b6c5d7e9f10)", s)
			}
			return nil
		},
	}
}

// subjectIDValidators check a user or group id: a GUID.
func subjectIDValidators() []validator.String { return []validator.String{guidValidator()} }

// maxGroupName is the longest group name DocSpace takes.
const maxGroupName = 128

// groupNameValidator checks a group name: 1 to 128 characters, not only spaces.
func groupNameValidator() validator.String {
	return stringCheck{
		description: fmt.Sprintf("must be 1 to %d characters, not only spaces", maxGroupName),
		summary:     "Invalid group name",
		check: func(s string) error {
			if n := utf8.RuneCountInString(s); strings.TrimSpace(s) == "" || n > maxGroupName {
				return fmt.Errorf("the name has %d characters; DocSpace takes 1 to %d, not only spaces", n, maxGroupName)
			}
			return nil
		},
	}
}

// quotaValidator checks a storage quota in bytes: -1 (unlimited) or a positive number, in
// one sentence (two validators joined with Any would report two contradictory errors).
type quotaValidator struct{}

func quotaBytesValidator() validator.Int64 { return quotaValidator{} }

func (quotaValidator) Description(context.Context) string {
	return "must be -1 (unlimited) or a positive number of bytes"
}

func (v quotaValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (quotaValidator) ValidateInt64(_ context.Context, req validator.Int64Request, resp *validator.Int64Response) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if q := req.ConfigValue.ValueInt64(); q != docspace.QuotaUnlimited && q < 1 {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid quota",
			fmt.Sprintf("%s is %d: a quota is -1 for unlimited or a positive number of bytes (1 GiB is 1073741824). Leave it unset for the portal's default.", req.Path, q))
	}
}
