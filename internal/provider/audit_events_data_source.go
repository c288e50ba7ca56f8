package provider

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

var _ datasource.DataSourceWithConfigure = (*auditEventsDataSource)(nil)

func newAuditEventsDataSource() datasource.DataSource { return &auditEventsDataSource{} }

// auditEventsDataSource reads the audit trail.
type auditEventsDataSource struct {
	data *providerData
}

// eventFilterModel is the filter the audit and login event data sources share.
type eventFilterModel struct {
	From   types.String `tfsdk:"from"`
	To     types.String `tfsdk:"to"`
	UserID types.String `tfsdk:"user_id"`
	Action types.Int64  `tfsdk:"action"`
	Limit  types.Int64  `tfsdk:"limit"`
}

type auditEventModel struct {
	ID     types.Int64  `tfsdk:"id"`
	Date   types.String `tfsdk:"date"`
	UserID types.String `tfsdk:"user_id"`
	User   types.String `tfsdk:"user"`
	Action types.Int64  `tfsdk:"action"`
	Text   types.String `tfsdk:"text"`
}

type auditEventsModel struct {
	eventFilterModel
	Events []auditEventModel `tfsdk:"events"`
}

// eventFilterAttributes are the filter attributes; what names the events.
func eventFilterAttributes(what string) map[string]schema.Attribute {
	timeValidator := []validator.String{rfc3339Validator()}
	return map[string]schema.Attribute{
		"from":    schema.StringAttribute{Optional: true, Validators: timeValidator, Description: "Only " + what + " at or after this time (RFC 3339, such as 2026-11-01T00:00:00Z)."},
		"to":      schema.StringAttribute{Optional: true, Validators: timeValidator, Description: "Only " + what + " at or before this time (RFC 3339)."},
		"user_id": schema.StringAttribute{Optional: true, Validators: subjectIDValidators(), Description: "Only " + what + " of this user id."},
		"action":  schema.Int64Attribute{Optional: true, Validators: []validator.Int64{int64validator.AtLeast(1)}, Description: "Only " + what + " of this DocSpace action id (MessageAction), such as 6004 for a password policy change or 1002 for a failed sign-in."},
		"limit": schema.Int64Attribute{Optional: true, Validators: []validator.Int64{int64validator.Between(1, 10000)},
			Description: "At most this many " + what + ", newest first. Default 100."},
	}
}

// rfc3339Validator checks a time in RFC 3339.
func rfc3339Validator() validator.String {
	return stringCheck{
		description: "must be a time in RFC 3339, such as 2026-11-01T00:00:00Z",
		summary:     "Invalid time",
		check: func(s string) error {
			_, err := time.Parse(time.RFC3339, s)
			return err
		},
	}
}

// filter turns the attributes into the client's filter.
func (f eventFilterModel) filter() (docspace.EventFilter, diag.Diagnostics) {
	var diags diag.Diagnostics
	out := docspace.EventFilter{UserID: lowerAll([]string{f.UserID.ValueString()})[0], ActionID: int(f.Action.ValueInt64()), Limit: 100}
	if !f.Limit.IsNull() {
		out.Limit = int(f.Limit.ValueInt64())
	}
	for at, v := range map[string]types.String{"from": f.From, "to": f.To} {
		if v.IsNull() {
			continue
		}
		t, err := time.Parse(time.RFC3339, v.ValueString())
		if err != nil {
			diags.AddAttributeError(path.Root(at), "Invalid time", err.Error())
		}
		if at == "from" {
			out.From = t
		} else {
			out.To = t
		}
	}
	return out, diags
}

func (d *auditEventsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_audit_events"
}

func (d *auditEventsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := eventFilterAttributes("events")
	attrs["events"] = schema.ListNestedAttribute{Computed: true, Description: "The events, newest first.",
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"id":      schema.Int64Attribute{Computed: true, Description: "Event id."},
			"date":    schema.StringAttribute{Computed: true, Description: "When, RFC 3339 UTC."},
			"user_id": schema.StringAttribute{Computed: true, Description: "Who (user id)."},
			"user":    schema.StringAttribute{Computed: true, Description: "Who (display name)."},
			"action":  schema.Int64Attribute{Computed: true, Description: "DocSpace action id (MessageAction)."},
			"text":    schema.StringAttribute{Computed: true, Description: "What happened, in words."},
		}}}
	resp.Schema = schema.Schema{
		Description: "The portal's audit trail, filtered. Needs the key of the Owner or a DocSpace admin. On DocSpace Cloud " +
			"plans without the audit trail the portal returns only its newest 20 events, whatever the filter says (the " +
			"provider filters them, so fewer may come back).",
		Attributes: attrs,
	}
}

func (d *auditEventsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *auditEventsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg auditEventsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	f, diags := cfg.filter()
	if resp.Diagnostics.Append(diags...); resp.Diagnostics.HasError() || !requireClient(d.data, &resp.Diagnostics) {
		return
	}
	events, err := d.data.client.AuditEvents(ctx, f)
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(d.data.client.PortalURL(), "reading the audit trail", false, err))
		return
	}
	cfg.Events = make([]auditEventModel, 0, len(events))
	for _, e := range events {
		cfg.Events = append(cfg.Events, auditEventModel{ID: types.Int64Value(int64(e.ID)), Date: types.StringValue(e.Date.UTC().Format(time.RFC3339)),
			UserID: types.StringValue(e.UserID), User: types.StringValue(e.User), Action: types.Int64Value(int64(e.ActionID)), Text: types.StringValue(e.Action)})
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
