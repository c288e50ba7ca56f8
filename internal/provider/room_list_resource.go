package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

// newRoomListResource lists rooms as docspace_room instances, for terraform query.
func newRoomListResource() list.ListResource {
	return &listResource[roomFilterModel, docspace.Room]{spec: listSpec[roomFilterModel, docspace.Room]{
		name: "room",
		description: "Lists the rooms the API key's user can see as `docspace_room` resources, so `terraform query " +
			"-generate-config-out=rooms.tf` can write their import blocks and configuration.",
		attributes: map[string]schema.Attribute{
			"room_type":      schema.StringAttribute{Optional: true, Description: roomTypeFilterDescription},
			"archived":       schema.BoolAttribute{Optional: true, Description: archivedFilterDescription},
			"title_contains": schema.StringAttribute{Optional: true, Description: titleContainsFilterDescription},
			"owner":          schema.StringAttribute{Optional: true, Description: ownerFilterDescription},
		},
		doing: "listing rooms",
		check: func(cfg roomFilterModel, diags *diag.Diagnostics) {
			if _, err := docspace.ParseRoomType(cfg.RoomType.ValueString()); !cfg.RoomType.IsNull() && err != nil {
				diags.AddError("Invalid room_type", err.Error())
			}
		},
		fetch: func(ctx context.Context, client *docspace.Client, cfg roomFilterModel) ([]docspace.Room, error) {
			return client.Rooms(ctx, cfg.filter())
		},
		describe: func(ctx context.Context, _ roomFilterModel, r docspace.Room) (string, any, any) {
			return fmt.Sprintf("%s (%s)", r.Title, r.Type), roomIdentity{ID: types.Int64Value(int64(r.ID))}, existingRoomModel(ctx, &r)
		},
	}}
}
