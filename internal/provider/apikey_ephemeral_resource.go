package provider

import (
	"context"
	"encoding/json"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

// The ephemeral docspace_api_key: a key made for one Terraform run (plan or apply) and
// deleted when the run is done with it. It never reaches plan or state, so a pipeline can
// hand a narrowly scoped key to another provider block, a provisioner or a check without
// a long-lived secret anywhere. Its expiry (a day by default) bounds its life even when
// Terraform is killed before it can close it.

type apiKeyEphemeralModel struct {
	Name          types.String `tfsdk:"name"`
	Permissions   types.Set    `tfsdk:"permissions"`
	ExpiresInDays types.Int64  `tfsdk:"expires_in_days"`
	ID            types.String `tfsdk:"id"`
	Key           types.String `tfsdk:"key"`
	ExpiresAt     types.String `tfsdk:"expires_at"`
}

// apiKeyPrivateKey names the private data that tells Close which key to delete.
const apiKeyPrivateKey = "api_key"

type apiKeyPrivate struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

type apiKeyEphemeralResource struct {
	data *providerData
}

var (
	_ ephemeral.EphemeralResourceWithConfigure = (*apiKeyEphemeralResource)(nil)
	_ ephemeral.EphemeralResourceWithClose     = (*apiKeyEphemeralResource)(nil)
)

func newAPIKeyEphemeralResource() ephemeral.EphemeralResource { return &apiKeyEphemeralResource{} }

func (e *apiKeyEphemeralResource) Metadata(_ context.Context, req ephemeral.MetadataRequest, resp *ephemeral.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_api_key"
}

// defaultEphemeralKeyDays bounds a key Terraform could not close (a killed run).
const defaultEphemeralKeyDays = 1

func (e *apiKeyEphemeralResource) Schema(_ context.Context, _ ephemeral.SchemaRequest, resp *ephemeral.SchemaResponse) {
	nameValidators, nameDescription := apiKeyNameAttribute()
	resp.Schema = schema.Schema{
		Description: "A short-lived API key for one Terraform run (Terraform 1.10+, OpenTofu 1.11+): created when the run needs it, " +
			"deleted on the portal when the run is done, and never written to plan or state. Give it to a provider block, a " +
			"provisioner or a check, narrowed by `permissions`. It acts as the user whose key the provider uses. A plan and an " +
			"apply each make one, and DocSpace lets a user create at most 5 keys in 15 minutes: run pipelines with it at most " +
			"twice in 15 minutes per user, or give each pipeline a user of its own.",
		Attributes: map[string]schema.Attribute{
			"name": schema.StringAttribute{Required: true, Validators: nameValidators, Description: nameDescription +
				" Name it after the pipeline and run, so a key left by a killed run is easy to find."},
			"permissions": schema.SetAttribute{Optional: true, ElementType: types.StringType, Validators: apiKeyPermissionsValidators(),
				Description: apiKeyPermissionsDescription},
			"expires_in_days": schema.Int64Attribute{Optional: true, Validators: []validator.Int64{int64validator.Between(1, 365)},
				Description: "Days until DocSpace expires the key even if Terraform never deletes it (a killed run), 1 to 365. Default 1."},
			"id":         schema.StringAttribute{Computed: true, Description: "The key's id."},
			"key":        schema.StringAttribute{Computed: true, Sensitive: true, Description: "The secret (`sk-…`), for `api_key` of another provider block."},
			"expires_at": schema.StringAttribute{Computed: true, Description: "When DocSpace expires the key (RFC 3339)."},
		},
	}
}

func (e *apiKeyEphemeralResource) Configure(_ context.Context, req ephemeral.ConfigureRequest, resp *ephemeral.ConfigureResponse) {
	e.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (e *apiKeyEphemeralResource) Open(ctx context.Context, req ephemeral.OpenRequest, resp *ephemeral.OpenResponse) {
	var cfg apiKeyEphemeralModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() || !requireClient(e.data, &resp.Diagnostics) {
		return
	}
	days := cfg.ExpiresInDays.ValueInt64()
	if cfg.ExpiresInDays.IsNull() {
		days = defaultEphemeralKeyDays
	}
	client := e.data.client
	k, err := client.CreateAPIKey(ctx, docspace.NewAPIKey{Name: cfg.Name.ValueString(),
		Permissions: setStrings(ctx, cfg.Permissions, &resp.Diagnostics), ExpiresInDays: int(days)})
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(client.PortalURL(), "creating the short-lived API key "+cfg.Name.ValueString(), err))
		return
	}
	private, _ := json.Marshal(apiKeyPrivate{ID: k.ID, Name: k.Name})
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, apiKeyPrivateKey, private)...)
	cfg.ID, cfg.Key, cfg.ExpiresAt = types.StringValue(k.ID), types.StringValue(k.Secret), nullIfEmpty(rfc3339(k.Expires))
	resp.Diagnostics.Append(resp.Result.Set(ctx, cfg)...)
}

// Close deletes the key on the portal.
func (e *apiKeyEphemeralResource) Close(ctx context.Context, req ephemeral.CloseRequest, resp *ephemeral.CloseResponse) {
	raw, diags := req.Private.GetKey(ctx, apiKeyPrivateKey)
	resp.Diagnostics.Append(diags...)
	var key apiKeyPrivate
	if resp.Diagnostics.HasError() || len(raw) == 0 || json.Unmarshal(raw, &key) != nil || !requireClient(e.data, &resp.Diagnostics) {
		return
	}
	client := e.data.client
	if err := client.DeleteAPIKey(ctx, key.ID); err != nil {
		d := apiErrorDiagnostic(client.PortalURL(), "deleting the short-lived API key "+key.Name+" ("+key.ID+")", err)
		resp.Diagnostics.AddError(d.Summary(), d.Detail()+" The key stays usable until it expires: delete it under Settings > Developer Tools > API keys.")
	}
}
