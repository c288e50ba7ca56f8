package provider

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

// The retention selectors are shared by the purge resource, the purge action and the
// history data source; these are their descriptions and validators.
const (
	keepLatestDescription = "Retention: always spare the newest N backups (among `storage_types`), whatever their age. At least 0."
	olderThanDescription  = "Retention: only backups created more than this long before the purge runs, as a duration " +
		"(`720h`, `90m`) or whole days (`30d`). The cutoff is computed when the purge runs (at apply), not at plan."

	defaultDeleteConcurrency = 4
)

func keepLatestValidators() []validator.Int64 { return []validator.Int64{int64validator.AtLeast(0)} }

func olderThanValidators() []validator.String { return []validator.String{ageValidator()} }

func storageTypesValidators() []validator.Set {
	return []validator.Set{
		setvalidator.SizeAtLeast(1),
		setvalidator.ValueStringsAre(stringvalidator.OneOf(docspace.StorageTypeNames()...)),
	}
}

var storageTypesDescription = "Retention: only backups in these storage types (" + storageTypeList() + "). All types when unset."

// retentionSelectors are the selector values as configured.
type retentionSelectors struct {
	KeepLatest   types.Int64
	OlderThan    types.String
	StorageTypes types.Set
}

// policy returns the retention policy, or nil when no selector is set (purge everything).
func (s retentionSelectors) policy(ctx context.Context) (*docspace.RetentionPolicy, diag.Diagnostics) {
	var diags diag.Diagnostics
	if s.KeepLatest.IsNull() && s.OlderThan.IsNull() && s.StorageTypes.IsNull() {
		return nil, diags
	}
	p := &docspace.RetentionPolicy{KeepLatest: int(s.KeepLatest.ValueInt64())}
	if !s.OlderThan.IsNull() {
		age, err := parseAge(s.OlderThan.ValueString())
		if err != nil {
			diags.AddError("Invalid older_than", err.Error())
			return nil, diags
		}
		p.OlderThan = age
	}
	if !s.StorageTypes.IsNull() {
		var names []string
		diags.Append(s.StorageTypes.ElementsAs(ctx, &names, false)...)
		for _, n := range names {
			st, err := docspace.ParseStorageType(n)
			if err != nil {
				diags.AddError("Invalid storage_types", err.Error())
				continue
			}
			p.StorageTypes = append(p.StorageTypes, st)
		}
	}
	return p, diags
}

// parseAge reads a Go duration or a whole number of days ("30d"); it must be positive.
func parseAge(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	var d time.Duration
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.ParseInt(days, 10, 64)
		if err != nil || n > 100*365 {
			return 0, fmt.Errorf("%q is not a number of days like \"30d\"", s)
		}
		d = time.Duration(n) * 24 * time.Hour
	} else {
		parsed, err := time.ParseDuration(s)
		if err != nil {
			return 0, fmt.Errorf("%q is not a duration: write it like \"720h\", \"90m\" or \"30d\"", s)
		}
		d = parsed
	}
	if d <= 0 {
		return 0, fmt.Errorf("%q must be longer than zero", s)
	}
	return d, nil
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
