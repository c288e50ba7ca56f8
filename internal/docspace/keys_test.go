package docspace_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestAPIKeys_Lifecycle(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{}, mockportal.DocSpaceAdmin)
	ctx := context.Background()
	k, err := client.CreateAPIKey(ctx, docspace.NewAPIKey{Name: "ci", Permissions: []string{"rooms:write"}, ExpiresInDays: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(k.Secret) != 67 || k.Expires == "" {
		t.Errorf("created: %+v", k)
	}
	got, err := client.APIKeyByID(ctx, k.ID)
	if err != nil || got.Secret == k.Secret || !slices.Equal(got.Permissions, []string{"rooms:write"}) {
		t.Errorf("read: %+v %v", got, err)
	}
	if err := client.UpdateAPIKey(ctx, k.ID, docspace.APIKeyUpdate{Name: "ci-2", Active: false}); err != nil {
		t.Fatal(err)
	}
	if got, _ := client.APIKeyByID(ctx, k.ID); got.Name != "ci-2" || got.Active || len(got.Permissions) != 0 {
		t.Errorf("after update (no permissions: unrestricted): %+v", got)
	}
	if err := client.DeleteAPIKey(ctx, k.ID); err != nil {
		t.Fatal(err)
	}
	if err := client.DeleteAPIKey(ctx, k.ID); err != nil {
		t.Errorf("deleting a deleted key: %v", err)
	}
	if _, err := client.APIKeyByID(ctx, k.ID); !docspace.IsNotFound(err) {
		t.Errorf("a deleted key: %v", err)
	}
	if len(srv.APIKeys()) != 0 {
		t.Error("the key is still on the portal")
	}
}

func TestAPIKeys_ExpiredKeyIsNotChanged(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{}, mockportal.Owner)
	ctx := context.Background()
	k, err := client.CreateAPIKey(ctx, docspace.NewAPIKey{Name: "old", ExpiresInDays: 1})
	if err != nil {
		t.Fatal(err)
	}
	srv.ExpireAPIKey(k.ID)
	if err := client.UpdateAPIKey(ctx, k.ID, docspace.APIKeyUpdate{Name: "x", Active: true}); !errors.Is(err, docspace.ErrAPIKeyNotChanged) {
		t.Errorf("updating an expired key: %v", err)
	}
}
