package provider

import (
	"context"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Small conversions between Terraform values and plain Go values, used across areas.

// stringOr is v, or def while v is null or unknown.
func stringOr(v types.String, def string) string {
	if v.IsNull() || v.IsUnknown() {
		return def
	}
	return v.ValueString()
}

// lowerAll lower-cases ids (DocSpace compares GUIDs in lower case).
func lowerAll(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = strings.ToLower(id)
	}
	return out
}

// without is the ids of a not in b, in a's order.
func without(a, b []string) []string {
	var out []string
	for _, id := range a {
		if id != "" && !slices.Contains(b, id) {
			out = append(out, id)
		}
	}
	return out
}

// stringOrEnv is v, or the environment variable env while v is null.
func stringOrEnv(v types.String, env string) string {
	if !v.IsNull() {
		return v.ValueString()
	}
	return os.Getenv(env)
}

// unknownToNull is v, or null while v is unknown (state cannot hold unknowns).
func unknownToNull(v types.String) types.String {
	if v.IsUnknown() {
		return types.StringNull()
	}
	return v
}

// stringSet is a set of strings.
func stringSet(values []string) types.Set {
	set, _ := types.SetValueFrom(context.Background(), types.StringType, values)
	return set
}

// nullIfEmpty is s, or null when empty (DocSpace reports "" for "none").
func nullIfEmpty(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

// parsePollInterval reads a poll_interval attribute (validated at plan), with the default
// when it is not set.
func parsePollInterval(v types.String) (time.Duration, diag.Diagnostics) {
	var diags diag.Diagnostics
	text := defaultPollIntervalText
	if !v.IsNull() && !v.IsUnknown() {
		text = v.ValueString()
	}
	d, err := time.ParseDuration(text)
	if err != nil {
		diags.AddAttributeError(path.Root("poll_interval"), "Invalid duration", err.Error())
	}
	return d, diags
}

// defaultPollIntervalText is how often asynchronous work is polled when poll_interval is unset.
const defaultPollIntervalText = "2s"

// stringList is a list of strings, in order.
func stringList(values []string) types.List {
	elems := make([]attr.Value, len(values))
	for i, v := range values {
		elems[i] = types.StringValue(v)
	}
	return types.ListValueMust(types.StringType, elems)
}
