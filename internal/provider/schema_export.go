package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/zclconf/go-cty/cty"
)

// ProvidersSchemaJSON renders the provider's schema the way `terraform providers schema
// -json` does, straight from the provider server. No CLI available here exports action
// schemas, so tfplugindocs is fed this instead. The schema is keyed by the provider's
// short name, one of the two keys tfplugindocs looks up (the other assumes the hashicorp
// namespace).
func ProvidersSchemaJSON(ctx context.Context) ([]byte, error) {
	server, err := providerserver.NewProtocol6WithError(New("docs")())()
	if err != nil {
		return nil, err
	}
	resp, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		return nil, err
	}
	for _, d := range resp.Diagnostics {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			return nil, fmt.Errorf("provider schema: %s: %s", d.Summary, d.Detail)
		}
	}
	ps := &tfjson.ProviderSchema{
		ResourceSchemas:   map[string]*tfjson.Schema{},
		DataSourceSchemas: map[string]*tfjson.Schema{},
		ActionSchemas:     map[string]*tfjson.ActionSchema{},
	}
	if ps.ConfigSchema, err = convertSchema(resp.Provider); err != nil {
		return nil, err
	}
	for name, s := range resp.ResourceSchemas {
		if ps.ResourceSchemas[name], err = convertSchema(s); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	for name, s := range resp.DataSourceSchemas {
		if ps.DataSourceSchemas[name], err = convertSchema(s); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	for name, s := range resp.ActionSchemas {
		converted, err := convertSchema(s.Schema)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		ps.ActionSchemas[name] = &tfjson.ActionSchema{Block: converted.Block}
	}
	out := &tfjson.ProviderSchemas{
		FormatVersion: "1.0",
		Schemas:       map[string]*tfjson.ProviderSchema{"docspace": ps},
	}
	return json.MarshalIndent(out, "", "  ")
}

func convertSchema(s *tfprotov6.Schema) (*tfjson.Schema, error) {
	if s == nil {
		return nil, nil
	}
	block, err := convertBlock(s.Block)
	if err != nil {
		return nil, err
	}
	return &tfjson.Schema{Version: uint64(s.Version), Block: block}, nil //nolint:gosec // schema versions are small
}

func convertBlock(b *tfprotov6.SchemaBlock) (*tfjson.SchemaBlock, error) {
	out := &tfjson.SchemaBlock{
		Description:     b.Description,
		DescriptionKind: descriptionKind(b.DescriptionKind),
		Deprecated:      b.Deprecated,
	}
	if len(b.Attributes) > 0 {
		attrs, err := convertAttributes(b.Attributes)
		if err != nil {
			return nil, err
		}
		out.Attributes = attrs
	}
	for _, nb := range b.BlockTypes {
		inner, err := convertBlock(nb.Block)
		if err != nil {
			return nil, err
		}
		if out.NestedBlocks == nil {
			out.NestedBlocks = map[string]*tfjson.SchemaBlockType{}
		}
		out.NestedBlocks[nb.TypeName] = &tfjson.SchemaBlockType{
			NestingMode: nestingMode(nb.Nesting.String()),
			Block:       inner,
			MinItems:    uint64(max(nb.MinItems, 0)),
			MaxItems:    uint64(max(nb.MaxItems, 0)),
		}
	}
	return out, nil
}

func convertAttributes(in []*tfprotov6.SchemaAttribute) (map[string]*tfjson.SchemaAttribute, error) {
	out := make(map[string]*tfjson.SchemaAttribute, len(in))
	for _, a := range in {
		attr := &tfjson.SchemaAttribute{
			Description:     a.Description,
			DescriptionKind: descriptionKind(a.DescriptionKind),
			Deprecated:      a.Deprecated,
			Required:        a.Required,
			Optional:        a.Optional,
			Computed:        a.Computed,
			Sensitive:       a.Sensitive,
			WriteOnly:       a.WriteOnly,
		}
		if a.NestedType != nil {
			nested, err := convertAttributes(a.NestedType.Attributes)
			if err != nil {
				return nil, err
			}
			attr.AttributeNestedType = &tfjson.SchemaNestedAttributeType{
				Attributes:  nested,
				NestingMode: nestingMode(a.NestedType.Nesting.String()),
			}
		} else {
			t, err := ctyType(a.Type)
			if err != nil {
				return nil, fmt.Errorf("attribute %s: %w", a.Name, err)
			}
			attr.AttributeType = t
		}
		out[a.Name] = attr
	}
	return out, nil
}

// ctyType maps a protocol type to the cty type the JSON schema format is written in.
func ctyType(t tftypes.Type) (cty.Type, error) {
	switch {
	case t.Is(tftypes.String):
		return cty.String, nil
	case t.Is(tftypes.Number):
		return cty.Number, nil
	case t.Is(tftypes.Bool):
		return cty.Bool, nil
	case t.Is(tftypes.DynamicPseudoType):
		return cty.DynamicPseudoType, nil
	}
	switch tt := t.(type) {
	case tftypes.List:
		elem, err := ctyType(tt.ElementType)
		return cty.List(elem), err
	case tftypes.Set:
		elem, err := ctyType(tt.ElementType)
		return cty.Set(elem), err
	case tftypes.Map:
		elem, err := ctyType(tt.ElementType)
		return cty.Map(elem), err
	case tftypes.Object:
		attrs := make(map[string]cty.Type, len(tt.AttributeTypes))
		for name, at := range tt.AttributeTypes {
			ct, err := ctyType(at)
			if err != nil {
				return cty.NilType, err
			}
			attrs[name] = ct
		}
		return cty.Object(attrs), nil
	case tftypes.Tuple:
		elems := make([]cty.Type, len(tt.ElementTypes))
		for i, et := range tt.ElementTypes {
			ct, err := ctyType(et)
			if err != nil {
				return cty.NilType, err
			}
			elems[i] = ct
		}
		return cty.Tuple(elems), nil
	}
	return cty.NilType, fmt.Errorf("unsupported type %s", t)
}

func descriptionKind(k tfprotov6.StringKind) tfjson.SchemaDescriptionKind {
	if k == tfprotov6.StringKindMarkdown {
		return tfjson.SchemaDescriptionKindMarkdown
	}
	return tfjson.SchemaDescriptionKindPlain
}

// nestingMode maps the protocol's upper-case enum names ("LIST") to the JSON names.
func nestingMode(protocolName string) tfjson.SchemaNestingMode {
	modes := map[string]tfjson.SchemaNestingMode{
		"SINGLE": tfjson.SchemaNestingModeSingle, "GROUP": tfjson.SchemaNestingModeGroup,
		"LIST": tfjson.SchemaNestingModeList, "SET": tfjson.SchemaNestingModeSet, "MAP": tfjson.SchemaNestingModeMap,
	}
	return modes[protocolName]
}

// schemaNames lists the resource, data source and action names in a schema, for tests.
func schemaNames(ps *tfjson.ProviderSchema) []string {
	var names []string
	for n := range ps.ResourceSchemas {
		names = append(names, "resource."+n)
	}
	for n := range ps.DataSourceSchemas {
		names = append(names, "data."+n)
	}
	for n := range ps.ActionSchemas {
		names = append(names, "action."+n)
	}
	sort.Strings(names)
	return names
}
