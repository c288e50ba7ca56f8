package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

// protocolHarness drives the provider over the plugin protocol in process, sending what
// Terraform core sends (null configs, unknown values). The real-CLI tests
// (terraformCLI) cover actions end to end on Terraform 1.14+; these cover the action
// engine's cases quickly and on every CI leg.
type protocolHarness struct {
	t       *testing.T
	server  tfprotov6.ProviderServer
	actions tfprotov6.ActionServer
	schemas *tfprotov6.GetProviderSchemaResponse
}

func newProtocolHarness(t *testing.T) *protocolHarness {
	t.Helper()
	server, err := providerserver.NewProtocol6WithError(New("test")())()
	if err != nil {
		t.Fatal(err)
	}
	schemas, err := server.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || len(schemas.Diagnostics) > 0 {
		t.Fatalf("GetProviderSchema: %v %v", err, schemas.Diagnostics)
	}
	actions, ok := server.(tfprotov6.ActionServer)
	if !ok {
		t.Fatal("the provider server does not serve actions")
	}
	return &protocolHarness{t: t, server: server, actions: actions, schemas: schemas}
}

// value builds a config object for schema: attributes not given are null.
func (h *protocolHarness) value(schema *tfprotov6.Schema, given map[string]tftypes.Value) *tfprotov6.DynamicValue {
	h.t.Helper()
	typ := schema.ValueType().(tftypes.Object)
	vals := map[string]tftypes.Value{}
	for name, attrType := range typ.AttributeTypes {
		if v, ok := given[name]; ok {
			vals[name] = v
		} else {
			vals[name] = tftypes.NewValue(attrType, nil)
		}
	}
	for name := range given {
		if _, ok := typ.AttributeTypes[name]; !ok {
			h.t.Fatalf("attribute %q is not in the schema", name)
		}
	}
	dv, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, vals))
	if err != nil {
		h.t.Fatal(err)
	}
	return &dv
}

func (h *protocolHarness) configure(srv *mockportal.Server, role mockportal.Role) {
	h.t.Helper()
	resp, err := h.server.ConfigureProvider(context.Background(), &tfprotov6.ConfigureProviderRequest{
		TerraformVersion: "1.14.0",
		Config: h.value(h.schemas.Provider, map[string]tftypes.Value{
			"portal_url": tftypes.NewValue(tftypes.String, srv.URL),
			"api_key":    tftypes.NewValue(tftypes.String, srv.Key(role)),
		}),
	})
	if err != nil || hasErrors(resp.Diagnostics) {
		h.t.Fatalf("ConfigureProvider: %v %s", err, diagsText(resp.Diagnostics))
	}
}

// actionConfig builds an action's config the way the CLI sends it: a null object for an
// action block without a config block (given == nil), otherwise an object with the given
// attributes and every other attribute null.
func (h *protocolHarness) actionConfig(actionType string, given map[string]tftypes.Value) *tfprotov6.DynamicValue {
	h.t.Helper()
	s, ok := h.schemas.ActionSchemas[actionType]
	if !ok {
		h.t.Fatalf("no action %s in the schema", actionType)
	}
	if given == nil {
		typ := s.Schema.ValueType()
		dv, err := tfprotov6.NewDynamicValue(typ, tftypes.NewValue(typ, nil))
		if err != nil {
			h.t.Fatal(err)
		}
		return &dv
	}
	return h.value(s.Schema, given)
}

func (h *protocolHarness) validateAction(actionType string, given map[string]tftypes.Value) []*tfprotov6.Diagnostic {
	h.t.Helper()
	resp, err := h.actions.ValidateActionConfig(context.Background(), &tfprotov6.ValidateActionConfigRequest{ActionType: actionType, Config: h.actionConfig(actionType, given)})
	if err != nil {
		h.t.Fatal(err)
	}
	return resp.Diagnostics
}

// invokeResult is what an InvokeAction stream delivered.
type invokeResult struct {
	progress []string
	diags    []*tfprotov6.Diagnostic
}

// invoke plans and invokes an action, collecting its events. onProgress, when set, sees
// each progress message as it arrives (to cancel mid-run, say).
func (h *protocolHarness) invoke(ctx context.Context, actionType string, given map[string]tftypes.Value, onProgress func(string)) invokeResult {
	h.t.Helper()
	cfg := h.actionConfig(actionType, given)
	plan, err := h.actions.PlanAction(ctx, &tfprotov6.PlanActionRequest{ActionType: actionType, Config: cfg})
	if err != nil || hasErrors(plan.Diagnostics) {
		h.t.Fatalf("PlanAction: %v %s", err, diagsText(plan.Diagnostics))
	}
	stream, err := h.actions.InvokeAction(ctx, &tfprotov6.InvokeActionRequest{ActionType: actionType, Config: cfg})
	if err != nil {
		h.t.Fatal(err)
	}
	var res invokeResult
	completed := 0
	for ev := range stream.Events {
		switch e := ev.Type.(type) {
		case tfprotov6.ProgressInvokeActionEventType:
			res.progress = append(res.progress, e.Message)
			if onProgress != nil {
				onProgress(e.Message)
			}
		case tfprotov6.CompletedInvokeActionEventType:
			completed++
			res.diags = e.Diagnostics
		}
	}
	if completed != 1 {
		h.t.Fatalf("%d completed events, want 1", completed)
	}
	return res
}

func hasErrors(diags []*tfprotov6.Diagnostic) bool {
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			return true
		}
	}
	return false
}

func diagsText(diags []*tfprotov6.Diagnostic) string {
	var b strings.Builder
	for _, d := range diags {
		sev := "warning"
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			sev = "error"
		}
		b.WriteString(sev + ": " + d.Summary + ": " + d.Detail)
		if d.Attribute != nil {
			b.WriteString(" [" + d.Attribute.String() + "]")
		}
		b.WriteString("\n")
	}
	return b.String()
}

func strVal(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }
func boolVal(b bool) tftypes.Value  { return tftypes.NewValue(tftypes.Bool, b) }
func mapVal(m map[string]string) tftypes.Value {
	vals := map[string]tftypes.Value{}
	for k, v := range m {
		vals[k] = strVal(v)
	}
	return tftypes.NewValue(tftypes.Map{ElementType: tftypes.String}, vals)
}

// protoDiags turns framework diagnostics into protocol ones, for diagsText.
func protoDiags(diags diag.Diagnostics) []*tfprotov6.Diagnostic {
	out := make([]*tfprotov6.Diagnostic, 0, len(diags))
	for _, d := range diags {
		sev := tfprotov6.DiagnosticSeverityWarning
		if d.Severity() == diag.SeverityError {
			sev = tfprotov6.DiagnosticSeverityError
		}
		out = append(out, &tfprotov6.Diagnostic{Severity: sev, Summary: d.Summary(), Detail: d.Detail()})
	}
	return out
}
