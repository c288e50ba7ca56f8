package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestTransport_InsecureSkipVerifyWarns(t *testing.T) {
	p := &docspaceProvider{}
	transport, diags := p.transport(providerModel{InsecureSkipVerify: types.BoolValue(true)})
	if diags.HasError() || len(diags.Warnings()) != 1 || diags.Warnings()[0].Summary() != "TLS certificate verification is off" {
		t.Fatalf("diags: %v", diags)
	}
	if !transport.TLSClientConfig.InsecureSkipVerify {
		t.Error("verification still on")
	}
	_, diags = p.transport(providerModel{InsecureSkipVerify: types.BoolValue(false)})
	if len(diags) != 0 {
		t.Errorf("warned without insecure_skip_verify: %v", diags)
	}
}
