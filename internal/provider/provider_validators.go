package provider

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"time"

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

// guidPattern matches the ids DocSpace gives users and groups.
var guidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// maxPersonField is the longest name or email DocSpace stores.
const maxPersonField = 255

// personNameRE is DocSpace's default rule for first and last names: letters, combining
// marks, apostrophes, spaces and hyphens.
var personNameRE = regexp.MustCompile(`^[\p{L}\p{M}' \-]+$`)

// emailRE is the shape of an address DocSpace accepts.
var emailRE = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)

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

// absoluteURLValidator checks an absolute http(s) URL.
func absoluteURLValidator() validator.String {
	return stringCheck{
		description: "must be an absolute http or https URL",
		summary:     "Invalid URL",
		check: func(s string) error {
			if u, err := url.Parse(s); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				return fmt.Errorf("%q is not an absolute http or https URL", s)
			}
			return nil
		},
	}
}

// pemCertificateValidator checks that a value holds a PEM certificate.
func pemCertificateValidator() validator.String {
	return stringCheck{
		description: "must hold one or more PEM-encoded certificates",
		summary:     "Invalid certificate",
		check:       func(s string) error { return docspace.ParseCACertificates([]byte(s)) },
	}
}
