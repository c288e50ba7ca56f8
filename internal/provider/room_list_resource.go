package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

var _ list.ListResourceWithConfigure = (*roomListResource)(nil)

func newRoomListResource() list.ListResource { return &roomListResource{} }

// roomListResource lists rooms as docspace_room instances, for terraform query.
type roomListResource struct {
	data *providerData
}

func (l *roomListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_room"
}

func (l *roomListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Lists the rooms the API key's user can see as `docspace_room` resources, so `terraform query " +
			"-generate-config-out=rooms.tf` can write their import blocks and configuration.",
		Attributes: map[string]schema.Attribute{
			"room_type":      schema.StringAttribute{Optional: true, Description: roomTypeFilterDescription},
			"archived":       schema.BoolAttribute{Optional: true, Description: archivedFilterDescription},
			"title_contains": schema.StringAttribute{Optional: true, Description: titleContainsFilterDescription},
			"owner":          schema.StringAttribute{Optional: true, Description: ownerFilterDescription},
		},
	}
}

func (l *roomListResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (l *roomListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var cfg roomFilterModel
	diags := req.Config.Get(ctx, &cfg)
	if !cfg.RoomType.IsNull() {
		if _, err := docspace.ParseRoomType(cfg.RoomType.ValueString()); err != nil {
			diags.AddError("Invalid room_type", err.Error())
		}
	}
	if diags.HasError() || !requireClient(l.data, &diags) {
		stream.Results = listError(diags)
		return
	}
	rooms, err := l.data.client.Rooms(ctx, cfg.filter())
	if err != nil {
		diags.Append(apiErrorDiagnostic(l.data.client.PortalURL(), "listing rooms", false, err))
		stream.Results = listError(diags)
		return
	}
	stream.Results = streamListResults(ctx, req, rooms, func(r docspace.Room) (string, any, any) {
		name := fmt.Sprintf("%s (%s)", r.Title, r.Type)
		return name, roomIdentity{ID: types.Int64Value(int64(r.ID))}, existingRoomModel(ctx, &r)
	})
}
