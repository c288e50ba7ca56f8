package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

var _ datasource.DataSourceWithConfigure = (*roomsDataSource)(nil)

func newRoomsDataSource() datasource.DataSource { return &roomsDataSource{} }

// roomsDataSource lists rooms with filters, page by page until done.
type roomsDataSource struct {
	data *providerData
}

type roomsDataSourceModel struct {
	roomFilterModel
	Rooms []roomDataModel `tfsdk:"rooms"`
}

// roomFilterModel are the filters shared by the data source and the list resource.
type roomFilterModel struct {
	RoomType      types.String `tfsdk:"room_type"`
	Archived      types.Bool   `tfsdk:"archived"`
	TitleContains types.String `tfsdk:"title_contains"`
	Owner         types.String `tfsdk:"owner"`
}

const (
	roomTypeFilterDescription      = "Only rooms of this type: `custom`, `collaboration`, `public`, `form_filling` or `virtual_data`."
	archivedFilterDescription      = "true: only archived rooms; false: only active ones; unset: both."
	titleContainsFilterDescription = "Only rooms whose title contains this text, ignoring case."
	ownerFilterDescription         = "Only rooms owned by this user id."
)

// filter turns the configured filters into the client's.
func (f roomFilterModel) filter() docspace.RoomFilter {
	out := docspace.RoomFilter{Archived: f.Archived.ValueBoolPointer(), Title: f.TitleContains.ValueString(), OwnerID: f.Owner.ValueString()}
	if t, err := docspace.ParseRoomType(f.RoomType.ValueString()); err == nil {
		out.Types = []docspace.RoomType{t}
	}
	return out
}

func (d *roomsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_rooms"
}

func (d *roomsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "The rooms the API key's user can see (every room, for the Owner and DocSpace admins), filtered, in creation order.",
		Attributes: map[string]schema.Attribute{
			"room_type":      schema.StringAttribute{Optional: true, Description: roomTypeFilterDescription, Validators: []validator.String{stringvalidator.OneOf(docspace.RoomTypeNames()...)}},
			"archived":       schema.BoolAttribute{Optional: true, Description: archivedFilterDescription},
			"title_contains": schema.StringAttribute{Optional: true, Description: titleContainsFilterDescription},
			"owner":          schema.StringAttribute{Optional: true, Description: ownerFilterDescription},
			"rooms": schema.ListNestedAttribute{
				Computed: true, Description: "The rooms found.",
				NestedObject: schema.NestedAttributeObject{Attributes: roomDataAttributes()},
			},
		},
	}
}

func (d *roomsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *roomsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg roomsDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() || !requireClient(d.data, &resp.Diagnostics) {
		return
	}
	rooms, err := d.data.client.Rooms(ctx, cfg.filter())
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(d.data.client.PortalURL(), "listing rooms", err))
		return
	}
	cfg.Rooms = make([]roomDataModel, 0, len(rooms))
	for _, r := range rooms {
		cfg.Rooms = append(cfg.Rooms, newRoomDataModel(ctx, r))
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
