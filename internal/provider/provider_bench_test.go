package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

// BenchmarkGetProviderSchema is what Terraform asks first of a fresh provider process.
func BenchmarkGetProviderSchema(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		server, err := providerserver.NewProtocol6WithError(New("bench")())()
		if err != nil {
			b.Fatal(err)
		}
		resp, err := server.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
		if err != nil || len(resp.ResourceSchemas) == 0 {
			b.Fatal(err)
		}
	}
}

// BenchmarkPurgeRoundTrip is the resource's create work (DELETE + verify GET) against the
// mock portal over loopback.
func BenchmarkPurgeRoundTrip(b *testing.B) {
	srv := mockportal.StartTest(b, mockportal.Options{})
	client, err := docspace.New(docspace.Config{PortalURL: srv.URL, APIKey: srv.Key(mockportal.Owner)})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, diags := runPurge(context.Background(), client, purgeRequest{verify: true}, func(string) {}); diags.HasError() {
			b.Fatal(diags)
		}
		srv.ResetRequests()
	}
}
