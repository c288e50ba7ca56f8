package docspace_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestErrors_PerStatus(t *testing.T) {
	cases := []struct {
		name    string
		opts    mockportal.Options
		role    mockportal.Role
		badKey  bool
		dump    bool
		status  int
		message string
	}{
		{name: "unknown key", role: mockportal.Owner, badKey: true, status: 401, message: "Unauthorized"},
		{name: "room admin", role: mockportal.RoomAdmin, status: 403, message: "Access denied"},
		{name: "user", role: mockportal.User, status: 403, message: "Access denied"},
		{name: "guest", role: mockportal.Guest, status: 403, message: "Access denied"},
		{name: "backup disabled", opts: mockportal.Options{BackupDisabled: true}, role: mockportal.DocSpaceAdmin, status: 402, message: "Your pricing plan does not support this option"},
		{name: "dump on SaaS", role: mockportal.Owner, dump: true, status: 403, message: "Access denied"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv, client := newPortal(t, tc.opts, tc.role, func(c *docspace.Config) {
				if tc.badKey {
					c.APIKey = "sk-not-a-key"
				}
			})
			err := client.DeleteBackupHistory(context.Background(), tc.dump)
			var apiErr *docspace.APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("err = %v, want an APIError", err)
			}
			if apiErr.StatusCode != tc.status || apiErr.Message != tc.message || apiErr.Attempts != 1 {
				t.Errorf("got %d %q after %d attempts, want %d %q after 1", apiErr.StatusCode, apiErr.Message, apiErr.Attempts, tc.status, tc.message)
			}
			if strings.Contains(err.Error(), "ASC.") || strings.Contains(err.Error(), " at ") {
				t.Errorf("error leaks the stack trace: %v", err)
			}
			if len(srv.Requests()) != 1 {
				t.Errorf("a %d was retried: %v", tc.status, requestLines(srv))
			}
		})
	}
}

func TestErrors_NotFoundHTML(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{PathPrefix: "/docspace"})
	client, err := docspace.New(docspace.Config{PortalURL: strings.TrimSuffix(srv.URL, "/docspace"), APIKey: srv.Key(mockportal.Owner)})
	if err != nil {
		t.Fatal(err)
	}
	err = client.DeleteBackupHistory(context.Background(), false)
	if docspace.StatusCode(err) != 404 || !strings.Contains(err.Error(), "404 - Page not found") || strings.Contains(err.Error(), "<") {
		t.Fatalf("err = %v", err)
	}
}

// Only DocSpace's own JSON 404 means an object is gone. The same room read outside the
// portal's path (portal_url without its prefix) is a 404 too, but not the portal's.
func TestErrors_IsNotFoundOnlyForThePortals404(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{PathPrefix: "/docspace"})
	right, err := docspace.New(docspace.Config{PortalURL: srv.URL, APIKey: srv.Key(mockportal.Owner)})
	if err != nil {
		t.Fatal(err)
	}
	wrong, err := docspace.New(docspace.Config{PortalURL: strings.TrimSuffix(srv.URL, "/docspace"), APIKey: srv.Key(mockportal.Owner)})
	if err != nil {
		t.Fatal(err)
	}
	_, err = right.Room(context.Background(), 987654)
	if !docspace.IsNotFound(err) {
		t.Errorf("an unknown room on the portal is not IsNotFound: %v", err)
	}
	_, err = wrong.Room(context.Background(), 987654)
	if docspace.IsNotFound(err) || docspace.StatusCode(err) != 404 {
		t.Errorf("a room read outside the portal's path: IsNotFound %v, status %d (%v)", docspace.IsNotFound(err), docspace.StatusCode(err), err)
	}
	if docspace.IsNotFound(errors.New("404")) || docspace.IsNotFound(nil) {
		t.Error("errors that are no API answer are not IsNotFound")
	}
}
