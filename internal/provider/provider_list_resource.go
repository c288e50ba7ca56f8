package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

// Every list resource is a listResource, told by a listSpec what to list: its filter
// attributes (read into C), how to check them and fetch the items (T), and how an item
// becomes a result. A new listable object is a spec, not a copy of the plumbing.

// listSpec describes one list resource.
type listSpec[C any, T any] struct {
	name        string // the type name after "docspace_" (the resource it lists)
	description string
	attributes  map[string]schema.Attribute
	// doing words the listing for diagnostics ("listing rooms").
	doing string
	// check validates the filters beyond single attributes (may be nil).
	check func(cfg C, diags *diag.Diagnostics)
	fetch func(ctx context.Context, client *docspace.Client, cfg C) ([]T, error)
	// dump says whether the listing is about the whole server (may be nil: never).
	dump func(cfg C) bool
	// describe names an item for people and returns its identity and resource state.
	describe func(ctx context.Context, cfg C, item T) (name string, identity, state any)
}

type listResource[C any, T any] struct {
	spec listSpec[C, T]
	data *providerData
}

var _ list.ListResourceWithConfigure = (*listResource[struct{}, struct{}])(nil)

func (l *listResource[C, T]) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + l.spec.name
}

func (l *listResource[C, T]) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{Description: l.spec.description, Attributes: l.spec.attributes}
}

func (l *listResource[C, T]) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (l *listResource[C, T]) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg C
	diags := req.Config.Get(ctx, &cfg)
	if l.spec.check != nil && !diags.HasError() {
		l.spec.check(cfg, &diags)
	}
	if diags.HasError() || !requireClient(l.data, &diags) {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	items, err := l.spec.fetch(ctx, l.data.client, cfg)
	if err != nil {
		dump := l.spec.dump != nil && l.spec.dump(cfg)
		diags.Append(backupErrorDiagnostic(l.data.client.PortalURL(), l.spec.doing, dump, err))
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	stream.Results = streamListResults(ctx, req, items, func(item T) (string, any, any) { return l.spec.describe(ctx, cfg, item) })
}

// streamListResults answers one result per item, in order, with the identity always and
// the full resource when Terraform asks for it (terraform query -generate-config-out). It
// stops at Terraform's limit.
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
