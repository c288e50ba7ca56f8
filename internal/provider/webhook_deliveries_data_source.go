package provider

import (
	"context"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

var _ datasource.DataSourceWithConfigure = (*webhookDeliveriesDataSource)(nil)

func newWebhookDeliveriesDataSource() datasource.DataSource { return &webhookDeliveriesDataSource{} }

// webhookDeliveriesDataSource reads the webhook delivery log.
type webhookDeliveriesDataSource struct {
	data *providerData
}

type webhookDeliveryModel struct {
	ID        types.Int64  `tfsdk:"id"`
	Webhook   types.String `tfsdk:"webhook_name"`
	Trigger   types.String `tfsdk:"trigger"`
	Status    types.Int64  `tfsdk:"status"`
	Created   types.String `tfsdk:"created"`
	Delivered types.String `tfsdk:"delivered"`
}

type webhookDeliveriesModel struct {
	WebhookID  types.Int64            `tfsdk:"webhook_id"`
	Deliveries []webhookDeliveryModel `tfsdk:"deliveries"`
}

func (d *webhookDeliveriesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_webhook_deliveries"
}

func (d *webhookDeliveriesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "The webhook delivery log, newest first: what DocSpace sent and what the receiver answered. Admins see every webhook's deliveries, others their own webhooks'.",
		Attributes: map[string]schema.Attribute{
			"webhook_id": schema.Int64Attribute{Optional: true, Description: "Only the deliveries of this webhook."},
			"deliveries": schema.ListNestedAttribute{Computed: true, Description: "The deliveries.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id":           schema.Int64Attribute{Computed: true, Description: "Delivery id."},
					"webhook_name": schema.StringAttribute{Computed: true, Description: "Name of the webhook."},
					"trigger":      schema.StringAttribute{Computed: true, Description: "The event, such as `file.created`."},
					"status":       schema.Int64Attribute{Computed: true, Description: "HTTP status the receiver answered; 0 not sent yet, 500 when it could not be reached."},
					"created":      schema.StringAttribute{Computed: true, Description: "When the event happened, RFC 3339 UTC."},
					"delivered":    schema.StringAttribute{Computed: true, Description: "When it was delivered, RFC 3339 UTC; empty when not yet."},
				}}},
		},
	}
}

func (d *webhookDeliveriesDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (d *webhookDeliveriesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var cfg webhookDeliveriesModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() || !requireClient(d.data, &resp.Diagnostics) {
		return
	}
	list, err := d.data.client.WebhookDeliveries(ctx, int(cfg.WebhookID.ValueInt64()))
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(d.data.client.PortalURL(), "reading the webhook delivery log", err))
		return
	}
	cfg.Deliveries = make([]webhookDeliveryModel, 0, len(list))
	for _, e := range list {
		delivered := ""
		if !e.Delivered.IsZero() {
			delivered = e.Delivered.UTC().Format(time.RFC3339)
		}
		cfg.Deliveries = append(cfg.Deliveries, webhookDeliveryModel{ID: types.Int64Value(int64(e.ID)), Webhook: types.StringValue(e.ConfigName),
			Trigger: types.StringValue(strings.Join(docspace.TriggerNames(e.Trigger), ",")), Status: types.Int64Value(int64(e.Status)),
			Created: types.StringValue(e.Created.UTC().Format(time.RFC3339)), Delivered: types.StringValue(delivered)})
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &cfg)...)
}
