package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

var (
	_ datasource.DataSourceWithConfigure        = (*roomDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*roomDataSource)(nil)
)

func newRoomDataSource() datasource.DataSource { return &roomDataSource{} }

// roomDataSource finds one room by id or by exact title.
type roomDataSource struct {
	data *providerData
}

// roomDataModel is a room as data sources report it.
type roomDataModel struct {
	ID           types.Int64  `tfsdk:"id"`
	Title        types.String `tfsdk:"title"`
	RoomType     types.String `tfsdk:"room_type"`
	Quota        types.Int64  `tfsdk:"quota"`
	Tags         types.Set    `tfsdk:"tags"`
	Color        types.String `tfsdk:"color"`
	Indexing     types.Bool   `tfsdk:"indexing"`
	DenyDownload types.Bool   `tfsdk:"deny_download"`
	Archived     types.Bool   `tfsdk:"archived"`
	Owner        types.String `tfsdk:"owner"`
}

func newRoomDataModel(ctx context.Context, r docspace.Room) roomDataModel {
	m := existingRoomModel(ctx, &r)
	if m.Tags.IsNull() {
		m.Tags = types.SetValueMust(types.StringType, []attr.Value{})
	}
	return roomDataModel{ID: m.ID, Title: m.Title, RoomType: m.RoomType, Quota: m.Quota, Tags: m.Tags, Color: m.Color,
		Indexing: m.Indexing, DenyDownload: m.DenyDownload, Archived: m.Archived, Owner: m.Owner}
}

// roomDataAttributes are the computed attributes of a room in data sources.
func roomDataAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id":            schema.Int64Attribute{Computed: true, Description: "Room id."},
		"title":         schema.StringAttribute{Computed: true, Description: "Title, as DocSpace stores it."},
		"room_type":     schema.StringAttribute{Computed: true, Description: roomTypeDescription},
		"quota":         schema.Int64Attribute{Computed: true, Description: "The room's own quota in bytes (-1 unlimited); null when the portal default applies or the key may not see it."},
		"tags":          schema.SetAttribute{Computed: true, ElementType: types.StringType, Description: "Tags."},
		"color":         schema.StringAttribute{Computed: true, Description: "Icon colour, six hex digits."},
		"indexing":      schema.BoolAttribute{Computed: true, Description: "Whether files and folders are numbered."},
		"deny_download": schema.BoolAttribute{Computed: true, Description: "Whether downloading, printing and copying are forbidden."},
		"archived":      schema.BoolAttribute{Computed: true, Description: "Whether the room is in the archive."},
		"owner":         schema.StringAttribute{Computed: true, Description: "Id of the room's owner."},
	}
}

func (d *roomDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_room"
}

func (d *roomDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := roomDataAttributes()
	attrs["id"] = schema.Int64Attribute{Optional: true, Computed: true, Description: "Room id to look up. Exactly one of id and title."}
	attrs["title"] = schema.StringAttribute{Optional: true, Computed: true, Description: "Exact title to look up (active and archived rooms); exactly one room must have it. Exactly one of id and title."}
	resp.Schema = schema.Schema{
		Description: "One room, by id or by exact title, as the API key's user sees it (DocSpace admins see every room).",
		Attributes:  attrs,
	}
}

func (d *roomDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return []datasource.ConfigValidator{datasourcevalidator.ExactlyOneOf(path.MatchRoot("id"), path.MatchRoot("title"))}
}

func (d *roomDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *roomDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg roomDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() || !requireClient(d.data, &resp.Diagnostics) {
		return
	}
	client := d.data.client
	if !cfg.ID.IsNull() {
		room, err := client.Room(ctx, int(cfg.ID.ValueInt64()))
		if err != nil {
			resp.Diagnostics.Append(apiErrorDiagnostic(client.PortalURL(), fmt.Sprintf("reading room %d", cfg.ID.ValueInt64()), err))
			return
		}
		resp.Diagnostics.Append(resp.State.Set(ctx, newRoomDataModel(ctx, *room))...)
		return
	}
	title := cfg.Title.ValueString()
	rooms, err := client.Rooms(ctx, docspace.RoomFilter{Title: title})
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(client.PortalURL(), "looking up room "+fmt.Sprintf("%q", title), err))
		return
	}
	var exact []docspace.Room
	for _, r := range rooms {
		if r.Title == title || r.Title == docspace.SanitizeRoomTitle(title) {
			exact = append(exact, r)
		}
	}
	if len(exact) != 1 {
		resp.Diagnostics.AddAttributeError(path.Root("title"), fmt.Sprintf("%d rooms are titled %q", len(exact), title),
			"Exactly one room the API key's user can see must have this title (DocSpace allows duplicates). Look the room up by id instead, or use docspace_rooms.")
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, newRoomDataModel(ctx, exact[0]))...)
}
