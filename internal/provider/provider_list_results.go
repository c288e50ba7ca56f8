package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
)

// streamListResults is how every list resource answers: one result per item, in order,
// with the identity always and the full resource when Terraform asks for it
// (terraform query -generate-config-out). It stops at Terraform's limit.
//
// describe names the item for people (DisplayName) and returns its identity and its
// resource state.
func streamListResults[T any](ctx context.Context, req list.ListRequest, items []T, describe func(T) (name string, identity, state any)) func(func(list.ListResult) bool) {
	return func(push func(list.ListResult) bool) {
		for i, item := range items {
			if req.Limit > 0 && int64(i) >= req.Limit {
				return
			}
			name, identity, state := describe(item)
			result := req.NewListResult(ctx)
			result.DisplayName = name
			result.Diagnostics.Append(result.Identity.Set(ctx, identity)...)
			if req.IncludeResource {
				result.Diagnostics.Append(result.Resource.Set(ctx, state)...)
			}
			if !push(result) {
				return
			}
		}
	}
}

// listError is a list stream that reports one error.
func listError(diags diag.Diagnostics) func(func(list.ListResult) bool) {
	return list.ListResultsStreamDiagnostics(diags)
}
