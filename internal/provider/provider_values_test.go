package provider

import (
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestValues(t *testing.T) {
	if stringOr(types.StringNull(), "d") != "d" || stringOr(types.StringUnknown(), "d") != "d" || stringOr(types.StringValue("v"), "d") != "v" {
		t.Error("stringOr")
	}
	t.Setenv("DOCSPACE_TEST_VALUE", "env")
	if stringOrEnv(types.StringNull(), "DOCSPACE_TEST_VALUE") != "env" || stringOrEnv(types.StringValue(""), "DOCSPACE_TEST_VALUE") != "" {
		t.Error("stringOrEnv: a set value wins, even an empty one")
	}
	if got := lowerAll([]string{"AbC", "d"}); !slices.Equal(got, []string{"abc", "d"}) {
		t.Errorf("lowerAll %v", got)
	}
	if got := without([]string{"a", "", "b", "c"}, []string{"b"}); !slices.Equal(got, []string{"a", "c"}) {
		t.Errorf("without %v", got)
	}
	if !unknownToNull(types.StringUnknown()).IsNull() || unknownToNull(types.StringValue("x")).ValueString() != "x" {
		t.Error("unknownToNull")
	}
	if set := stringSet([]string{"a", "b"}); len(set.Elements()) != 2 {
		t.Errorf("stringSet %v", set)
	}
	if !nullIfEmpty("").IsNull() || nullIfEmpty("x").ValueString() != "x" {
		t.Error("nullIfEmpty")
	}
}
