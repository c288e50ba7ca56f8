package docspace_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func newOAuthClient(name string) docspace.NewOAuthClient {
	return docspace.NewOAuthClient{
		Name: name, Logo: "data:image/png;base64,iVBORw0KGgo=", WebsiteURL: "https://app.example.com",
		TermsURL: "https://app.example.com/terms", PolicyURL: "https://app.example.com/privacy",
		LogoutRedirectURI: "https://app.example.com/bye", RedirectURIs: []string{"https://app.example.com/cb"},
		AllowedOrigins: []string{"https://app.example.com"}, Scopes: []string{"rooms:read"},
	}
}

// Create, read (with the secret), update, switch off, regenerate, delete; one signature
// serves every call.
func TestOAuthClients_Lifecycle(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{}, mockportal.DocSpaceAdmin)
	ctx := context.Background()
	n := newOAuthClient("Reporting")
	n.AllowPKCE = true
	created, err := client.CreateOAuthClient(ctx, n)
	if err != nil {
		t.Fatal(err)
	}
	got, err := client.OAuthClient(ctx, created.ID)
	if err != nil || got.Secret != created.Secret || !got.AllowsPKCE() || got.LogoutRedirectURI() != n.LogoutRedirectURI || !got.Enabled {
		t.Fatalf("read: %+v %v", got, err)
	}
	err = client.UpdateOAuthClient(ctx, created.ID, docspace.OAuthClientUpdate{Name: "Reports", Logo: n.Logo, AllowedOrigins: []string{"https://b.example.com"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := client.SetOAuthClientEnabled(ctx, created.ID, false); err != nil {
		t.Fatal(err)
	}
	secret, err := client.RegenerateOAuthClientSecret(ctx, created.ID)
	if err != nil || secret == created.Secret || len(secret) != 36 {
		t.Fatalf("regenerate: %q %v", secret, err)
	}
	got, _ = client.OAuthClient(ctx, created.ID)
	if got.Name != "Reports" || got.AllowsPKCE() || got.Enabled || got.Secret != secret || !slices.Equal(got.AllowedOrigins, []string{"https://b.example.com"}) {
		t.Errorf("after the changes: %+v", got)
	}
	if err := client.DeleteOAuthClient(ctx, created.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := client.OAuthClient(ctx, created.ID); !docspace.IsNotFound(err) {
		t.Errorf("a deleted client: %v", err)
	}
	if n := srv.SignaturesIssued(); n != 1 {
		t.Errorf("%d signatures for one run of calls, want 1", n)
	}
}

// A refused signature (the portal's clock ran past it) is renewed once, not reported.
func TestOAuthClients_RenewsARefusedSignature(t *testing.T) {
	var skew atomic.Int64
	srv, client := newPortal(t, mockportal.Options{Now: func() time.Time { return time.Now().Add(time.Duration(skew.Load())) }}, mockportal.Owner)
	ctx := context.Background()
	if _, err := client.OAuthScopeCatalogue(ctx); err != nil {
		t.Fatal(err)
	}
	skew.Store(int64(6 * time.Minute))
	scopes, err := client.OAuthScopeCatalogue(ctx)
	if err != nil || len(scopes) != len(docspace.OAuthScopes) || scopes[len(scopes)-1].Name != "openid" {
		t.Fatalf("scopes after the signature expired: %v %v", scopes, err)
	}
	for i, s := range scopes {
		if s.Name != docspace.OAuthScopes[i] {
			t.Errorf("scope %d: %s, the catalogue constant says %s", i, s.Name, docspace.OAuthScopes[i])
		}
	}
	if n := srv.SignaturesIssued(); n != 2 {
		t.Errorf("%d signatures, want 2", n)
	}
}

// Field errors come back in words; a 404 the identity service sent is "not found".
func TestOAuthClients_ProblemDetails(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{}, mockportal.DocSpaceAdmin)
	ctx := context.Background()
	bad := newOAuthClient("ab")
	bad.WebsiteURL = "http://localhost:8080"
	_, err := client.CreateOAuthClient(ctx, bad)
	if docspace.StatusCode(err) != 400 || !strings.Contains(err.Error(), "Validation failed; name: name length") ||
		!strings.Contains(err.Error(), "website_url: website url is expected to be passed as url") {
		t.Errorf("validation: %v", err)
	}
	if err := client.DeleteOAuthClient(ctx, mockportal.NewGUID()); !docspace.IsNotFound(err) {
		t.Errorf("deleting an unknown client: %v", err)
	}
	id := mockportal.NewGUID()
	srv.InjectFault(mockportal.Fault{Method: "GET", Path: "/api/2.0/clients/" + id, Status: 404, Body: "<html><title>nginx</title></html>"})
	if _, err := client.OAuthClient(ctx, id); err == nil || docspace.IsNotFound(err) {
		t.Errorf("a proxy's 404 is not the service's: %v", err)
	}
	srv.InjectFault(mockportal.Fault{Method: "GET", Path: "/api/2.0/clients/" + id, Status: 404,
		Body: `{"title":"Not Found","status":404,"detail":"No static resource api/2.0/clients/` + id + `."}`})
	if _, err := client.OAuthClient(ctx, id); err == nil || docspace.IsNotFound(err) {
		t.Errorf("a missing route's 404 says nothing about the client: %v", err)
	}
}

// Every page is read: more clients than fit a page.
func TestOAuthClients_ListsEveryPage(t *testing.T) {
	_, client := newPortal(t, mockportal.Options{}, mockportal.Owner)
	ctx := context.Background()
	for i := range 53 {
		if _, err := client.CreateOAuthClient(ctx, newOAuthClient(fmt.Sprintf("App %02d", i))); err != nil {
			t.Fatal(err)
		}
	}
	all, err := client.OAuthClients(ctx)
	if err != nil || len(all) != 53 {
		t.Fatalf("listed %d: %v", len(all), err)
	}
	seen := map[string]bool{}
	for _, c := range all {
		if c.Secret != "" || seen[c.ID] {
			t.Errorf("listed item: %+v", c)
		}
		seen[c.ID] = true
	}
}
