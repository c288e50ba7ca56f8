package provider

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// An action block without a config block is the usual way to write an action, and for it
// Terraform sends a null config object. Every action is registered through
// withEmptyConfigForNull, so each one sees that as an object whose attributes are all null
// (every attribute unset), the same as an empty config block, and reads it into its model
// like any other config.

// withEmptyConfigForNull wraps an action factory.
func withEmptyConfigForNull(factory func() action.Action) func() action.Action {
	return func() action.Action { return &emptyConfigForNull{inner: factory()} }
}

var (
	_ action.ActionWithConfigure        = (*emptyConfigForNull)(nil)
	_ action.ActionWithConfigValidators = (*emptyConfigForNull)(nil)
	_ action.ActionWithValidateConfig   = (*emptyConfigForNull)(nil)
	_ action.ActionWithModifyPlan       = (*emptyConfigForNull)(nil)
)

type emptyConfigForNull struct {
	inner action.Action
}

func (a *emptyConfigForNull) Metadata(ctx context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	a.inner.Metadata(ctx, req, resp)
}

func (a *emptyConfigForNull) Schema(ctx context.Context, req action.SchemaRequest, resp *action.SchemaResponse) {
	a.inner.Schema(ctx, req, resp)
}

func (a *emptyConfigForNull) Configure(ctx context.Context, req action.ConfigureRequest, resp *action.ConfigureResponse) {
	if inner, ok := a.inner.(action.ActionWithConfigure); ok {
		inner.Configure(ctx, req, resp)
	}
}

func (a *emptyConfigForNull) ConfigValidators(ctx context.Context) []action.ConfigValidator {
	if inner, ok := a.inner.(action.ActionWithConfigValidators); ok {
		return inner.ConfigValidators(ctx)
	}
	return nil
}

func (a *emptyConfigForNull) ValidateConfig(ctx context.Context, req action.ValidateConfigRequest, resp *action.ValidateConfigResponse) {
	if inner, ok := a.inner.(action.ActionWithValidateConfig); ok {
		req.Config = emptyIfNull(ctx, req.Config)
		inner.ValidateConfig(ctx, req, resp)
	}
}

func (a *emptyConfigForNull) ModifyPlan(ctx context.Context, req action.ModifyPlanRequest, resp *action.ModifyPlanResponse) {
	if inner, ok := a.inner.(action.ActionWithModifyPlan); ok {
		req.Config = emptyIfNull(ctx, req.Config)
		inner.ModifyPlan(ctx, req, resp)
	}
}

func (a *emptyConfigForNull) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	req.Config = emptyIfNull(ctx, req.Config)
	a.inner.Invoke(ctx, req, resp)
}

// emptyIfNull turns a null config object into one with every attribute null.
func emptyIfNull(ctx context.Context, cfg tfsdk.Config) tfsdk.Config {
	if !cfg.Raw.IsNull() || cfg.Schema == nil {
		return cfg
	}
	typ, ok := cfg.Schema.Type().TerraformType(ctx).(tftypes.Object)
	if !ok {
		return cfg
	}
	attrs := make(map[string]tftypes.Value, len(typ.AttributeTypes))
	for name, t := range typ.AttributeTypes {
		attrs[name] = tftypes.NewValue(t, nil)
	}
	cfg.Raw = tftypes.NewValue(typ, attrs)
	return cfg
}

// pollOnlyConfig is the config of an action whose one setting is how often it polls
// DocSpace's job (docspace_smtp_test, docspace_ldap_sync).
type pollOnlyConfig struct {
	PollInterval types.String `tfsdk:"poll_interval"`
}

// pollIntervalActionAttribute is such an action's poll_interval; what names the job.
func pollIntervalActionAttribute(what string) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, Validators: []validator.String{durationValidator(100 * time.Millisecond)},
		Description: "How often to ask for the " + what + "'s progress, as a duration (`1s`, `5s`). Default `" + defaultPollIntervalText + "`."}
}

// readPollOnlyConfig reads a pollOnlyConfig action's interval; false when it cannot run.
func readPollOnlyConfig(ctx context.Context, data *providerData, req action.InvokeRequest, resp *action.InvokeResponse) (time.Duration, bool) {
	var cfg pollOnlyConfig
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() || !requireClient(data, &resp.Diagnostics) {
		return 0, false
	}
	interval, diags := parsePollInterval(cfg.PollInterval)
	resp.Diagnostics.Append(diags...)
	return interval, !resp.Diagnostics.HasError()
}
