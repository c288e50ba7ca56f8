package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ datasource.DataSourceWithConfigure = (*portalDataSource)(nil)

func newPortalDataSource() datasource.DataSource { return &portalDataSource{} }

// portalDataSource reports the portal: tenant, server, plan and quota.
type portalDataSource struct {
	data *providerData
}

type portalDataModel struct {
	TenantID      types.Int64  `tfsdk:"tenant_id"`
	Alias         types.String `tfsdk:"alias"`
	Name          types.String `tfsdk:"name"`
	OwnerID       types.String `tfsdk:"owner_id"`
	Version       types.String `tfsdk:"version"`
	Standalone    types.Bool   `tfsdk:"standalone"`
	Plan          types.String `tfsdk:"plan"`
	Free          types.Bool   `tfsdk:"free"`
	Audit         types.Bool   `tfsdk:"audit"`
	StorageQuota  types.Int64  `tfsdk:"storage_quota"`
	MaxRoomAdmins types.Int64  `tfsdk:"max_room_admins"`
	MaxRooms      types.Int64  `tfsdk:"max_rooms"`
}

func (d *portalDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_portal"
}

func (d *portalDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "The portal this provider talks to: its tenant, DocSpace version, whether it is self-hosted, and its plan " +
			"and quota (what it may do: `audit` says whether the audit trail settings can be changed). Needs the key of the Owner or a DocSpace admin.",
		Attributes: map[string]schema.Attribute{
			"tenant_id":       schema.Int64Attribute{Computed: true, Description: "Tenant id (it changes when a backup is restored)."},
			"alias":           schema.StringAttribute{Computed: true, Description: "Tenant alias (the portal's name in its address)."},
			"name":            schema.StringAttribute{Computed: true, Description: "Portal name."},
			"owner_id":        schema.StringAttribute{Computed: true, Description: "Id of the portal's owner."},
			"version":         schema.StringAttribute{Computed: true, Description: "DocSpace version of the server."},
			"standalone":      schema.BoolAttribute{Computed: true, Description: "Self-hosted (true) or DocSpace Cloud (false)."},
			"plan":            schema.StringAttribute{Computed: true, Description: "Name of the plan (quota), such as `startup` (free) or `admin`."},
			"free":            schema.BoolAttribute{Computed: true, Description: "Whether the plan is free."},
			"audit":           schema.BoolAttribute{Computed: true, Description: "Whether the plan includes the audit trail (needed to change docspace_audit_settings)."},
			"storage_quota":   schema.Int64Attribute{Computed: true, Description: "Storage quota in bytes."},
			"max_room_admins": schema.Int64Attribute{Computed: true, Description: "Paid seats: how many admins and room admins the plan allows (-1 unlimited)."},
			"max_rooms":       schema.Int64Attribute{Computed: true, Description: "How many rooms the plan allows (-1 unlimited)."},
		},
	}
}

func (d *portalDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *portalDataSource) Read(ctx context.Context, _ datasource.ReadRequest, resp *datasource.ReadResponse) {
	if !requireClient(d.data, &resp.Diagnostics) {
		return
	}
	p, err := d.data.client.PortalInfo(ctx)
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(d.data.client.PortalURL(), "reading the portal's information", err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, portalDataModel{
		TenantID: types.Int64Value(int64(p.TenantID)), Alias: types.StringValue(p.Alias), Name: types.StringValue(p.Name),
		OwnerID: types.StringValue(p.OwnerID), Version: types.StringValue(p.Version), Standalone: types.BoolValue(p.Standalone),
		Plan: types.StringValue(p.Plan), Free: types.BoolValue(p.Free), Audit: types.BoolValue(p.Audit),
		StorageQuota: types.Int64Value(p.MaxStorage), MaxRoomAdmins: types.Int64Value(int64(p.MaxRoomAdms)), MaxRooms: types.Int64Value(int64(p.MaxRooms)),
	})...)
}
