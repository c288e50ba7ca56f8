package docspace_test

import (
	"context"
	"testing"
	"time"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestInvitationLinks_Lifecycle(t *testing.T) {
	_, client := newPortal(t, mockportal.Options{}, mockportal.Owner)
	ctx := context.Background()
	if l, err := client.InvitationLink(ctx, docspace.TypeUser); err != nil || l != nil {
		t.Fatalf("no link yet: %+v %v", l, err)
	}
	ten, expires := 10, time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC)
	l, err := client.CreateInvitationLink(ctx, docspace.TypeUser, docspace.InvitationLinkLimits{Expiration: expires, MaxUses: &ten})
	if err != nil || l.ID == "" || l.URL == "" || *l.MaxUses != 10 || !l.Expiration.Equal(expires) {
		t.Fatalf("create: %+v %v", l, err)
	}
	read, err := client.InvitationLink(ctx, docspace.TypeUser)
	if err != nil || read.ID != l.ID || !read.Expiration.Equal(expires) {
		t.Errorf("read: %+v %v", read, err)
	}
	updated, err := client.UpdateInvitationLink(ctx, l.ID, docspace.TypeUser, docspace.InvitationLinkLimits{})
	if err != nil || updated.MaxUses != nil || !updated.Expiration.IsZero() {
		t.Errorf("update clears what it omits: %+v %v", updated, err)
	}
	if err := client.DeleteInvitationLink(ctx, l.ID); err != nil {
		t.Fatal(err)
	}
	if err := client.DeleteInvitationLink(ctx, l.ID); !docspace.IsNotFound(err) {
		t.Errorf("a second delete: %v", err)
	}
}
