package provider

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

var (
	_ resource.ResourceWithConfigure        = (*webhookResource)(nil)
	_ resource.ResourceWithConfigValidators = (*webhookResource)(nil)
	_ resource.ResourceWithValidateConfig   = (*webhookResource)(nil)
	_ resource.ResourceWithModifyPlan       = (*webhookResource)(nil)
	_ resource.ResourceWithImportState      = (*webhookResource)(nil)
	_ resource.ResourceWithIdentity         = (*webhookResource)(nil)
)

func newWebhookResource() resource.Resource { return &webhookResource{} }

// webhookResource is one webhook: where DocSpace posts which events, signed with a secret
// DocSpace never gives back.
type webhookResource struct {
	data *providerData
}

type webhookModel struct {
	ID              types.Int64  `tfsdk:"id"`
	Name            types.String `tfsdk:"name"`
	URL             types.String `tfsdk:"url"`
	Enabled         types.Bool   `tfsdk:"enabled"`
	SSLVerification types.Bool   `tfsdk:"ssl_verification"`
	Triggers        types.Set    `tfsdk:"triggers"`
	TargetID        types.String `tfsdk:"target_id"`
	Secret          types.String `tfsdk:"secret"`
	SecretWO        types.String `tfsdk:"secret_wo"`
	SecretWOVersion types.Int64  `tfsdk:"secret_wo_version"`
}

type webhookIdentity struct {
	ID types.Int64 `tfsdk:"id"`
}

const webhookSecretRules = "It must meet the portal's password policy (by default 8 to 30 printable ASCII characters without spaces, " +
	"plus capitals, digits or special characters when the policy asks for them)."

// webhookURLValidator checks what the portal checks without a network call: an absolute
// http or https URL. Private and loopback addresses are the portal's to refuse: its list
// is configurable.
func webhookURLValidator() validator.String {
	return stringCheck{
		description: "must be an absolute http or https URL",
		summary:     "Invalid webhook URL",
		check: func(s string) error {
			u, err := url.Parse(s)
			if err != nil || !u.IsAbs() || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
				return fmt.Errorf("%q is not an absolute http or https URL such as https://hooks.example.com/docspace", s)
			}
			return nil
		},
	}
}

// webhookSecretValidator checks what every password policy demands.
func webhookSecretValidator() validator.String {
	return stringCheck{
		description: "must be 8 to 30 printable ASCII characters without spaces",
		summary:     "Invalid webhook secret",
		check: func(s string) error {
			for _, c := range s {
				if c < 0x21 || c > 0x7E {
					return fmt.Errorf("the secret has a space or a character outside printable ASCII. %s", webhookSecretRules)
				}
			}
			if n := len(s); n < 8 || n > 30 {
				return fmt.Errorf("the secret has %d characters. %s", n, webhookSecretRules)
			}
			return nil
		},
		detail: func(err error) string { return err.Error() }, // never echo the value
	}
}

func (r *webhookResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_webhook"
}

func (r *webhookResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "A webhook: DocSpace posts the chosen events to `url`, signed with the secret in the " +
			"`x-docspace-signature-256` header (`sha256=` and the HMAC-SHA256 of the body in hex). DocSpace checks the URL when " +
			"the webhook is saved (private and loopback addresses are refused, and it must answer a HEAD request with 2xx), and " +
			"may disable a webhook that keeps failing or delete one whose URL answers 410: the next plan shows it. " +
			"The secret is write-only with Terraform 1.11+ and OpenTofu 1.11+ (`secret_wo`); `secret` keeps it, sensitive, in state for older CLIs.",
		Attributes: map[string]schema.Attribute{
			"id": schema.Int64Attribute{Computed: true, PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
				Description: "Webhook id (a number). Also the import id."},
			"name": schema.StringAttribute{Required: true, Validators: []validator.String{stringvalidator.LengthBetween(1, 50)},
				Description: "Name, 1 to 50 characters. Name and URL together are unique on the portal."},
			"url": schema.StringAttribute{Required: true, Validators: []validator.String{webhookURLValidator()},
				Description: "Where DocSpace posts the events: an absolute http or https URL that answers HEAD with 2xx."},
			"enabled": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(true),
				Description: "Deliver events. Default true (DocSpace's own default is off)."},
			"ssl_verification": schema.BoolAttribute{Optional: true, Computed: true, Default: booldefault.StaticBool(true),
				Description: "Require https and a valid certificate. Default true; set false for an http URL."},
			"triggers": schema.SetAttribute{Optional: true, ElementType: types.StringType,
				Validators:  []validator.Set{setvalidator.ValueStringsAre(stringvalidator.OneOf(docspace.WebhookTriggerNames()...))},
				Description: "Events to deliver, by name (" + quotedList(docspace.WebhookTriggerNames()) + "). Unset or empty: every event. Users (not admins or room admins) cannot subscribe to user, group, room creation and copy events."},
			"target_id": schema.StringAttribute{Optional: true, Validators: []validator.String{stringvalidator.LengthBetween(1, 255)},
				Description: "Deliver only events about this object (a room, folder, file or user id)."},
			"secret": schema.StringAttribute{Optional: true, Sensitive: true, Validators: []validator.String{webhookSecretValidator()},
				Description: "Signing secret, kept (sensitive) in state; for CLIs without write-only attributes. " + webhookSecretRules + " Not with secret_wo."},
			"secret_wo": schema.StringAttribute{Optional: true, Sensitive: true, WriteOnly: true, Validators: []validator.String{webhookSecretValidator()},
				Description: "Signing secret, write-only: never in state or plan (Terraform 1.11+, OpenTofu 1.11+). Sent when the webhook is created and whenever secret_wo_version changes. " + webhookSecretRules},
			"secret_wo_version": schema.Int64Attribute{Optional: true, Validators: []validator.Int64{int64validator.AlsoRequires(path.MatchRoot("secret_wo"))},
				Description: "Change it (1, 2, …) to send a new secret_wo: a write-only value never shows a change by itself."},
		},
	}
}

func (r *webhookResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{Attributes: map[string]identityschema.Attribute{
		"id": identityschema.Int64Attribute{RequiredForImport: true, Description: "Webhook id."},
	}}
}

func (r *webhookResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *webhookResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{resourcevalidator.Conflicting(path.MatchRoot("secret"), path.MatchRoot("secret_wo"))}
}

// ModifyPlan requires a secret for a new webhook; an adopted one keeps its stored secret
// until one is configured.
func (r *webhookResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || !req.State.Raw.IsNull() {
		return
	}
	var secret, secretWO types.String
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("secret"), &secret)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("secret_wo"), &secretWO)...)
	if secret.IsNull() && secretWO.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root("secret_wo"), "A new webhook needs a secret",
			"DocSpace signs every delivery with the webhook's secret and refuses a webhook without one. Set secret_wo (Terraform 1.11+, OpenTofu 1.11+) or secret.")
	}
}

func (r *webhookResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var cfg webhookModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	sslOff := !cfg.SSLVerification.IsNull() && !cfg.SSLVerification.ValueBool()
	if cfg.SSLVerification.IsUnknown() || cfg.URL.IsUnknown() || sslOff {
		return
	}
	if strings.HasPrefix(strings.ToLower(cfg.URL.ValueString()), "http://") {
		resp.Diagnostics.AddAttributeError(path.Root("url"), "An http webhook URL needs ssl_verification = false",
			"ssl_verification (default true) makes DocSpace require https. Use an https URL, or set ssl_verification = false to allow plain http.")
	}
}

// settings is what create and update send; secret is sent as given ("" keeps the stored one).
func (m webhookModel) settings(ctx context.Context, secret string) (docspace.WebhookSettings, diag.Diagnostics) {
	var names []string
	diags := m.Triggers.ElementsAs(ctx, &names, false)
	mask, ok := docspace.TriggerMask(names)
	if !ok {
		diags.AddAttributeError(path.Root("triggers"), "Unknown webhook event", "Use the names listed in the documentation.")
	}
	return docspace.WebhookSettings{ID: int(m.ID.ValueInt64()), Name: m.Name.ValueString(), URL: m.URL.ValueString(), Secret: secret,
		Enabled: m.Enabled.ValueBool(), SSL: m.SSLVerification.ValueBool(), Triggers: mask, TargetID: m.TargetID.ValueString()}, diags
}

// configSecretWO reads the write-only secret, which only the configuration holds.
func configSecretWO(ctx context.Context, cfg interface {
	GetAttribute(context.Context, path.Path, any) diag.Diagnostics
}, diags *diag.Diagnostics) string {
	var v types.String
	diags.Append(cfg.GetAttribute(ctx, path.Root("secret_wo"), &v)...)
	return v.ValueString()
}

func (r *webhookResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan webhookModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	secret := plan.Secret.ValueString()
	if plan.Secret.IsNull() {
		secret = configSecretWO(ctx, req.Config, &resp.Diagnostics)
	}
	s, diags := plan.settings(ctx, secret)
	if resp.Diagnostics.Append(diags...); resp.Diagnostics.HasError() {
		return
	}
	client := r.data.client
	w, err := client.CreateWebhook(ctx, s)
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(client.PortalURL(), "creating webhook "+strconv.Quote(s.Name), err))
		return
	}
	resp.Diagnostics.Append(resp.Identity.Set(ctx, webhookIdentity{ID: types.Int64Value(int64(w.ID))})...)
	r.readBack(ctx, w, plan, &resp.State, &resp.Diagnostics)
}

// findWebhook looks a webhook up in the list (there is no read by id); nil when gone.
func findWebhook(ctx context.Context, client *docspace.Client, id int64) (*docspace.Webhook, error) {
	list, err := client.Webhooks(ctx)
	if err != nil {
		return nil, err
	}
	for _, w := range list {
		if int64(w.ID) == id {
			return &w, nil
		}
	}
	return nil, nil
}

func (r *webhookResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state webhookModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	resp.Diagnostics.Append(resp.Identity.Set(ctx, webhookIdentity{ID: state.ID})...)
	w, err := findWebhook(ctx, r.data.client, state.ID.ValueInt64())
	switch {
	case err != nil:
		resp.Diagnostics.Append(apiErrorDiagnostic(r.data.client.PortalURL(), "reading webhook "+state.Name.ValueString(), err))
	case w == nil:
		resp.State.RemoveResource(ctx) // deleted (by hand, or by DocSpace after a 410): the next plan creates it again
	default:
		resp.Diagnostics.Append(resp.State.Set(ctx, webhookState(w, state))...)
	}
}

// Update sends every setting; the secret only when it changed (secret, or a new
// secret_wo_version).
func (r *webhookResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state webhookModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	secret := ""
	switch {
	case !plan.Secret.IsNull() && !plan.Secret.Equal(state.Secret):
		secret = plan.Secret.ValueString()
	case !plan.SecretWOVersion.Equal(state.SecretWOVersion) || (plan.Secret.IsNull() && !state.Secret.IsNull()):
		secret = configSecretWO(ctx, req.Config, &resp.Diagnostics)
	}
	plan.ID = state.ID
	s, diags := plan.settings(ctx, secret)
	if resp.Diagnostics.Append(diags...); resp.Diagnostics.HasError() {
		return
	}
	client := r.data.client
	w, err := client.UpdateWebhook(ctx, s)
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(client.PortalURL(), "updating webhook "+strconv.Quote(s.Name), err))
		return
	}
	resp.Diagnostics.Append(resp.Identity.Set(ctx, webhookIdentity{ID: state.ID})...)
	r.readBack(ctx, w, plan, &resp.State, &resp.Diagnostics)
}

// readBack reads the webhook back after a write (the write's answer echoes the request),
// records what the portal stores and names what it did not take. written is recorded when
// the read fails, so the webhook is never lost.
func (r *webhookResource) readBack(ctx context.Context, written *docspace.Webhook, plan webhookModel, state stateSetter, diags *diag.Diagnostics) {
	stored, err := findWebhook(ctx, r.data.client, int64(written.ID))
	switch {
	case err != nil:
		diags.Append(apiErrorDiagnostic(r.data.client.PortalURL(), "reading webhook "+strconv.Quote(written.Name)+" back", err))
		stored = written
	case stored == nil:
		diags.AddError("DocSpace did not keep the webhook", fmt.Sprintf("The portal saved webhook %d (%q) but does not list it any more: it was deleted right away, by someone else or by DocSpace. Apply again to create it again.", written.ID, written.Name))
		return
	}
	got := webhookState(stored, plan)
	diags.Append(verifyStored("webhook "+strconv.Quote(written.Name), plan, got)...)
	diags.Append(state.Set(ctx, got)...)
}

func (r *webhookResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state webhookModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	if err := r.data.client.DeleteWebhook(ctx, int(state.ID.ValueInt64())); err != nil && !docspace.IsNotFound(err) {
		resp.Diagnostics.Append(apiErrorDiagnostic(r.data.client.PortalURL(), "deleting webhook "+state.Name.ValueString(), err))
	}
}

func (r *webhookResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id := importedIntID(ctx, req, &resp.Diagnostics)
	if id <= 0 {
		resp.Diagnostics.AddError("Invalid import id for docspace_webhook", fmt.Sprintf("Got %q. Import a webhook by its id, a number (the docspace_webhook list resource or DocSpace's Developer Tools show it).", req.ID))
		return
	}
	if !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	w, err := findWebhook(ctx, r.data.client, id)
	if err == nil && w == nil {
		resp.Diagnostics.AddError("No such webhook", fmt.Sprintf("The portal has no webhook %d that this API key may see.", id))
		return
	}
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(r.data.client.PortalURL(), fmt.Sprintf("importing webhook %d", id), err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, existingWebhookModel(w))...)
	resp.Diagnostics.Append(resp.Identity.Set(ctx, webhookIdentity{ID: types.Int64Value(id)})...)
}

// webhookState maps the portal's webhook onto state, keeping the secret settings (never
// reported) and "every event" as configured (unset or empty).
func webhookState(w *docspace.Webhook, known webhookModel) webhookModel {
	out := existingWebhookModel(w)
	out.Secret, out.SecretWOVersion = known.Secret, known.SecretWOVersion
	if w.Triggers == 0 && !known.Triggers.IsNull() && !known.Triggers.IsUnknown() && len(known.Triggers.Elements()) == 0 {
		out.Triggers = known.Triggers
	}
	return out
}

// existingWebhookModel is the state of a webhook as the portal reports it. Its secret is
// unknown to anyone: an adopted webhook keeps its stored secret until secret, or
// secret_wo with a new secret_wo_version, is configured.
func existingWebhookModel(w *docspace.Webhook) webhookModel {
	m := webhookModel{ID: types.Int64Value(int64(w.ID)), Name: types.StringValue(w.Name), URL: types.StringValue(w.URL),
		Enabled: types.BoolValue(w.Enabled), SSLVerification: types.BoolValue(w.SSL), Triggers: types.SetNull(types.StringType),
		TargetID: types.StringNull()}
	if w.Triggers != 0 {
		m.Triggers = stringSet(docspace.TriggerNames(w.Triggers))
	}
	if w.TargetID != "" {
		m.TargetID = types.StringValue(w.TargetID)
	}
	return m
}
