package docspace_test

import (
	"context"
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

// The room quota switch reads and writes through the quota settings.
func TestQuotaSettings_ReadWrite(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{}, mockportal.DocSpaceAdmin)
	ctx := context.Background()
	q, err := client.QuotaSettings(ctx)
	if err != nil || *q != (docspace.QuotaSettings{}) {
		t.Fatalf("a new portal has quotas off: %+v %v", q, err)
	}
	want := docspace.QuotaSettings{Rooms: docspace.EntityQuota{Enabled: true, Default: 1 << 30}, Users: docspace.EntityQuota{Enabled: true}}
	if err := client.SetQuotaSettings(ctx, want); err != nil {
		t.Fatal(err)
	}
	if q, err = client.QuotaSettings(ctx); err != nil || *q != want {
		t.Errorf("read back %+v %v", q, err)
	}
	if got := srv.QuotaSettings(); !got.Rooms.Enabled || got.Rooms.Default != 1<<30 {
		t.Errorf("on the portal: %+v", got)
	}
}
