package provider

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ datasource.DataSourceWithConfigure = (*loginEventsDataSource)(nil)

func newLoginEventsDataSource() datasource.DataSource { return &loginEventsDataSource{} }

// loginEventsDataSource reads the login history.
type loginEventsDataSource struct {
	data *providerData
}

type loginEventModel struct {
	ID     types.Int64  `tfsdk:"id"`
	Date   types.String `tfsdk:"date"`
	UserID types.String `tfsdk:"user_id"`
	User   types.String `tfsdk:"user"`
	Login  types.String `tfsdk:"login"`
	Action types.Int64  `tfsdk:"action"`
	Text   types.String `tfsdk:"text"`
	IP     types.String `tfsdk:"ip"`
}

type loginEventsModel struct {
	eventFilterModel
	Events []loginEventModel `tfsdk:"events"`
}

func (d *loginEventsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_login_events"
}

func (d *loginEventsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := eventFilterAttributes("sign-ins")
	attrs["events"] = schema.ListNestedAttribute{Computed: true, Description: "The sign-ins, newest first.",
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"id":      schema.Int64Attribute{Computed: true, Description: "Event id."},
			"date":    schema.StringAttribute{Computed: true, Description: "When, RFC 3339 UTC."},
			"user_id": schema.StringAttribute{Computed: true, Description: "Whose account (empty when the login matched none)."},
			"user":    schema.StringAttribute{Computed: true, Description: "Whose account (display name)."},
			"login":   schema.StringAttribute{Computed: true, Description: "The login that was typed (useful for failures)."},
			"action":  schema.Int64Attribute{Computed: true, Description: "DocSpace action id: 1000 and 1010 succeeded, 1002, 1005, 1013 and 1023 failed, among others."},
			"text":    schema.StringAttribute{Computed: true, Description: "What happened, in words."},
			"ip":      schema.StringAttribute{Computed: true, Description: "The address the attempt came from."},
		}}}
	resp.Schema = schema.Schema{
		Description: "The portal's login history, filtered. Needs the key of the Owner or a DocSpace admin. The provider reads " +
			"page by page and filters itself, because DocSpace cuts each page before filtering.",
		Attributes: attrs,
	}
}

func (d *loginEventsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *loginEventsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg loginEventsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	f, diags := cfg.filter()
	if resp.Diagnostics.Append(diags...); resp.Diagnostics.HasError() || !requireClient(d.data, &resp.Diagnostics) {
		return
	}
	events, err := d.data.client.LoginEvents(ctx, f)
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(d.data.client.PortalURL(), "reading the login history", false, err))
		return
	}
	cfg.Events = make([]loginEventModel, 0, len(events))
	for _, e := range events {
		cfg.Events = append(cfg.Events, loginEventModel{ID: types.Int64Value(int64(e.ID)), Date: types.StringValue(e.Date.UTC().Format(time.RFC3339)),
			UserID: types.StringValue(e.UserID), User: types.StringValue(e.User), Login: types.StringValue(e.Login),
			Action: types.Int64Value(int64(e.ActionID)), Text: types.StringValue(e.Action), IP: types.StringValue(e.IP)})
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
