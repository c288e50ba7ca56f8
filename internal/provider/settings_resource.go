package provider

import (
	"context"
	"fmt"
	"net/http"
	"reflect"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

// The portal's settings are singletons: one per portal, always there. Every settings
// resource is a settingResource, told by a settingSpec how to read, write and reset its
// setting and how its model maps onto the client's type S. The engine gives them the same
// behaviour: create adopts the setting and writes only if the portal differs; update
// writes what the plan says (never when nothing changed); read shows drift attribute by
// attribute; destroy restores DocSpace's default; import takes the id "portal".

// settingID is the id (and import id) of every settings resource.
const settingID = "portal"

// settingSpec describes one setting. M is the resource's model (with an `id` attribute),
// S the client's value.
type settingSpec[M any, S any] struct {
	name        string // the type name after "docspace_"
	description string
	attributes  map[string]schema.Attribute // without id
	// read, write and reset take the client first, so client methods fit as they are.
	read  func(*docspace.Client, context.Context) (*S, error)
	write func(*docspace.Client, context.Context, S) error
	reset func(*docspace.Client, context.Context) error
	// toModel maps the portal's value onto the model; known is the prior state or plan
	// (nil on import), for what DocSpace does not report.
	toModel   func(s S, known *M) M
	fromModel func(context.Context, M) (S, diag.Diagnostics)
	// validate checks a plan beyond single attributes (may be nil).
	validate func(ctx context.Context, planned S, diags *diag.Diagnostics)
	// warning words what a write of planned (over prior, nil on create) does to users;
	// "" for nothing (may be nil).
	warning func(prior *S, planned S) string
	// equal says two values are the same setting (reflect.DeepEqual when nil).
	equal func(a, b S) bool
	// available checks that the portal can take a write at all (its plan); it warns at
	// plan and refuses at apply before anything is written (may be nil).
	available func(context.Context, *docspace.Client) diag.Diagnostics
	// secret names a write-only attribute (`…_wo`): only the configuration holds it, and
	// withSecret puts it into the value written. With one, every save writes, since the
	// portal's copy cannot be compared ("" for none).
	secret     string
	withSecret func(s S, secret string) S
	// configValidators check attributes against each other (may be nil).
	configValidators []resource.ConfigValidator
}

type settingResource[M any, S any] struct {
	spec settingSpec[M, S]
	data *providerData
}

var (
	_ resource.ResourceWithConfigure        = (*settingResource[struct{}, struct{}])(nil)
	_ resource.ResourceWithModifyPlan       = (*settingResource[struct{}, struct{}])(nil)
	_ resource.ResourceWithImportState      = (*settingResource[struct{}, struct{}])(nil)
	_ resource.ResourceWithConfigValidators = (*settingResource[struct{}, struct{}])(nil)
)

func (r *settingResource[M, S]) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + r.spec.name
}

func (r *settingResource[M, S]) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attrs := map[string]schema.Attribute{
		"id": schema.StringAttribute{Computed: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			Description: settingIDDescription},
	}
	for k, v := range r.spec.attributes {
		attrs[k] = v
	}
	resp.Schema = schema.Schema{Description: r.spec.description, Attributes: attrs}
}

func (r *settingResource[M, S]) ConfigValidators(context.Context) []resource.ConfigValidator {
	return r.spec.configValidators
}

func (r *settingResource[M, S]) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

func (r *settingResource[M, S]) sameSetting(a, b S) bool {
	if r.spec.equal != nil {
		return r.spec.equal(a, b)
	}
	return reflect.DeepEqual(a, b)
}

// ModifyPlan checks the planned setting as a whole and warns about side effects.
func (r *settingResource[M, S]) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || !req.Config.Raw.IsFullyKnown() {
		return
	}
	var plan M
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	planned, diags := r.spec.fromModel(ctx, plan)
	if resp.Diagnostics.Append(diags...); resp.Diagnostics.HasError() {
		return
	}
	if r.spec.validate != nil {
		r.spec.validate(ctx, planned, &resp.Diagnostics)
	}
	if (r.spec.warning == nil && r.spec.available == nil) || resp.Diagnostics.HasError() {
		return // an invalid plan never reaches the portal
	}
	prior := r.priorSetting(ctx, req, resp)
	if prior != nil && r.sameSetting(*prior, planned) {
		return // nothing will be written
	}
	if r.spec.available != nil && r.data != nil && r.data.client != nil {
		resp.Diagnostics.Append(warnAtPlan(r.spec.available(ctx, r.data.client))...)
	}
	if r.spec.warning == nil {
		return
	}
	if w := r.spec.warning(prior, planned); w != "" {
		resp.Diagnostics.AddWarning("Applying docspace_"+r.spec.name+" affects people signed in to the portal", w)
	}
}

// priorSetting is the setting before the apply: the state's, or on create the portal's
// (read when the provider can already call it), so adopting a setting that is already as
// planned warns about nothing. nil when unknown.
func (r *settingResource[M, S]) priorSetting(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) *S {
	if !req.State.Raw.IsNull() {
		var state M
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
		s, diags := r.spec.fromModel(ctx, state)
		resp.Diagnostics.Append(diags...)
		return &s
	}
	if r.data == nil || r.data.client == nil {
		return nil
	}
	current, err := r.spec.read(r.data.client, ctx)
	if err != nil {
		return nil // the apply reports it; the plan just warns
	}
	return current
}

func (r *settingResource[M, S]) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.save(ctx, req.Plan, req.Config, &resp.State, &resp.Diagnostics)
}

func (r *settingResource[M, S]) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.save(ctx, req.Plan, req.Config, &resp.State, &resp.Diagnostics)
}

// save writes the planned setting, unless the portal already has it, then reads it back.
func (r *settingResource[M, S]) save(ctx context.Context, planData planGetter, config attributeGetter, state stateSetter, diags *diag.Diagnostics) {
	var plan M
	diags.Append(planData.Get(ctx, &plan)...)
	if diags.HasError() || !requireClient(r.data, diags) {
		return
	}
	planned, d := r.spec.fromModel(ctx, plan)
	if diags.Append(d...); diags.HasError() {
		return
	}
	client := r.data.client
	current, err := r.spec.read(client, ctx)
	if err != nil {
		// A setting the plan lacks may not even be readable: say that rather than "read failed".
		if r.spec.available != nil {
			if d := r.spec.available(ctx, client); d.HasError() {
				diags.Append(d...)
				return
			}
		}
		diags.Append(apiErrorDiagnostic(client.PortalURL(), "reading the "+r.label(), err))
		return
	}
	// Writes can log everyone out: never send what the portal already has.
	if r.spec.secret != "" || !r.sameSetting(*current, planned) {
		if r.spec.available != nil {
			if diags.Append(r.spec.available(ctx, client)...); diags.HasError() {
				return
			}
		}
		written := planned
		if r.spec.secret != "" {
			var secret types.String
			diags.Append(config.GetAttribute(ctx, path.Root(r.spec.secret), &secret)...)
			written = r.spec.withSecret(planned, secret.ValueString())
		}
		if err := r.spec.write(client, ctx, written); err != nil {
			diags.Append(apiErrorDiagnostic(client.PortalURL(), "saving the "+r.label(), err))
			return
		}
		if current, err = r.spec.read(client, ctx); err != nil {
			diags.Append(apiErrorDiagnostic(client.PortalURL(), "reading the "+r.label()+" back", err))
			return
		}
	}
	got := r.spec.toModel(*current, &plan)
	if gotS, _ := r.spec.fromModel(ctx, got); !r.sameSetting(gotS, planned) {
		diags.AddError("DocSpace did not store the "+r.label()+" as planned",
			fmt.Sprintf("The portal answered success, but reading the setting back gives %+v instead of %+v. Apply again; if it persists, the portal rewrites the value (check the limits in the documentation).", gotS, planned))
	}
	diags.Append(state.Set(ctx, got)...)
}

func (r *settingResource[M, S]) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state M
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	current, err := r.spec.read(r.data.client, ctx)
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(r.data.client.PortalURL(), "reading the "+r.label(), err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, r.spec.toModel(*current, &state))...)
}

// Delete restores DocSpace's default.
func (r *settingResource[M, S]) Delete(ctx context.Context, _ resource.DeleteRequest, resp *resource.DeleteResponse) {
	if !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	if err := r.spec.reset(r.data.client, ctx); err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(r.data.client.PortalURL(), "restoring the default "+r.label(), err))
	}
}

func (r *settingResource[M, S]) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if req.ID != settingID {
		resp.Diagnostics.AddError("Invalid import id for docspace_"+r.spec.name,
			fmt.Sprintf("Got %q. A portal has one %s: import it with the id %q.", req.ID, r.label(), settingID))
		return
	}
	if !requireClient(r.data, &resp.Diagnostics) {
		return
	}
	current, err := r.spec.read(r.data.client, ctx)
	if err != nil {
		resp.Diagnostics.Append(apiErrorDiagnostic(r.data.client.PortalURL(), "importing the "+r.label(), err))
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, r.spec.toModel(*current, nil))...)
}

// label is the setting's name in prose ("password policy").
func (r *settingResource[M, S]) label() string {
	out := []rune(r.spec.name)
	for i, c := range out {
		if c == '_' {
			out[i] = ' '
		}
	}
	return string(out)
}

// planFeatureRefusal words err, the answer to reading a setting, when the portal's plan
// lacks the feature (HTTP 402): what, and what to do. Other errors are worded as usual.
func planFeatureRefusal(c *docspace.Client, err error, feature, short, resourceType string) diag.Diagnostics {
	var diags diag.Diagnostics
	switch {
	case docspace.StatusCode(err) == http.StatusPaymentRequired:
		diags.AddError(feature+" is not part of this portal's plan",
			"The portal at "+c.PortalURL()+" answered HTTP 402 to its "+short+" settings: DocSpace Cloud includes "+short+" on plans with it only "+
				"(a self-hosted server always has it). Upgrade the plan in DocSpace's Payments settings, or remove "+resourceType+
				" from this portal's configuration.")
	case err != nil:
		diags.Append(apiErrorDiagnostic(c.PortalURL(), "reading the "+short+" settings", err))
	}
	return diags
}
