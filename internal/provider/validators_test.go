package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// A bad quota gets exactly one error that says what is allowed; good ones none.
func TestQuotaBytesValidator(t *testing.T) {
	for q, wantErrors := range map[int64]int{-5: 1, 0: 1, -2: 1, -1: 0, 1: 0, 1 << 40: 0} {
		resp := &validator.Int64Response{}
		quotaBytesValidator().ValidateInt64(context.Background(), validator.Int64Request{Path: path.Root("quota"), ConfigValue: types.Int64Value(q)}, resp)
		if got := resp.Diagnostics.ErrorsCount(); got != wantErrors {
			t.Errorf("quota %d: %d errors %v, want %d", q, got, resp.Diagnostics, wantErrors)
		}
	}
	resp := &validator.Int64Response{}
	quotaBytesValidator().ValidateInt64(context.Background(), validator.Int64Request{Path: path.Root("quota"), ConfigValue: types.Int64Unknown()}, resp)
	if resp.Diagnostics.HasError() {
		t.Errorf("an unknown quota is checked at apply, not refused: %v", resp.Diagnostics)
	}
}
