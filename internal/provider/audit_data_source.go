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

// The audit trail and the login history are event lists read the same way: the same
// filter, the same common columns, newest first. Each is an eventsDataSource told by an
// eventSpec how to read its events (E) and map one onto its model (M).

// eventSpec describes one event data source.
type eventSpec[E any, M any] struct {
	name        string // the type name after "docspace_"
	description string
	what        string // the events in words ("events", "sign-ins")
	doing       string // for diagnostics ("reading the audit trail")
	// columns are the event attributes beyond eventColumns (may be nil).
	columns map[string]schema.Attribute
	read    func(*docspace.Client, context.Context, docspace.EventFilter) ([]E, error)
	toModel func(E) M
}

type eventsDataSource[E any, M any] struct {
	spec eventSpec[E, M]
	data *providerData
}

var _ datasource.DataSourceWithConfigure = (*eventsDataSource[struct{}, struct{}])(nil)

// eventsModel is an event data source's state: the filter and the events.
type eventsModel[M any] struct {
	eventFilterModel
	Events []M `tfsdk:"events"`
}

// eventModel holds the columns every event has.
type eventModel struct {
	ID     types.Int64  `tfsdk:"id"`
	Date   types.String `tfsdk:"date"`
	UserID types.String `tfsdk:"user_id"`
	User   types.String `tfsdk:"user"`
	Action types.Int64  `tfsdk:"action"`
	Text   types.String `tfsdk:"text"`
}

func newEventModel(id int, date time.Time, userID, user string, action int, text string) eventModel {
	return eventModel{ID: types.Int64Value(int64(id)), Date: types.StringValue(date.UTC().Format(time.RFC3339)),
		UserID: types.StringValue(userID), User: types.StringValue(user), Action: types.Int64Value(int64(action)), Text: types.StringValue(text)}
}

// eventColumns are the attributes of eventModel.
func eventColumns() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id":      schema.Int64Attribute{Computed: true, Description: "Event id."},
		"date":    schema.StringAttribute{Computed: true, Description: "When, RFC 3339 UTC."},
		"user_id": schema.StringAttribute{Computed: true, Description: "Who: the account's id (empty when the event matched no account)."},
		"user":    schema.StringAttribute{Computed: true, Description: "Who: the account's display name."},
		"action":  schema.Int64Attribute{Computed: true, Description: "DocSpace action id (MessageAction)."},
		"text":    schema.StringAttribute{Computed: true, Description: "What happened, in words."},
	}
}

func (d *eventsDataSource[E, M]) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + d.spec.name
}

func (d *eventsDataSource[E, M]) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	columns := eventColumns()
	for name, a := range d.spec.columns {
		columns[name] = a
	}
	attrs := eventFilterAttributes(d.spec.what)
	attrs["events"] = schema.ListNestedAttribute{Computed: true, Description: "The " + d.spec.what + ", newest first.",
		NestedObject: schema.NestedAttributeObject{Attributes: columns}}
	resp.Schema = schema.Schema{Description: d.spec.description, Attributes: attrs}
}

func (d *eventsDataSource[E, M]) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *eventsDataSource[E, M]) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg eventsModel[M]
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	f, diags := cfg.filter()
	if resp.Diagnostics.Append(diags...); resp.Diagnostics.HasError() || !requireClient(d.data, &resp.Diagnostics) {
		return
	}
	events, err := d.spec.read(d.data.client, ctx, f)
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(d.data.client.PortalURL(), d.spec.doing, err))
		return
	}
	cfg.Events = make([]M, 0, len(events))
	for _, e := range events {
		cfg.Events = append(cfg.Events, d.spec.toModel(e))
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}

// eventFilterModel is the filter the audit and login event data sources share.
type eventFilterModel struct {
	From   types.String `tfsdk:"from"`
	To     types.String `tfsdk:"to"`
	UserID types.String `tfsdk:"user_id"`
	Action types.Int64  `tfsdk:"action"`
	Limit  types.Int64  `tfsdk:"limit"`
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
