package docspace_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestDeleteBackupHistory(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{Backups: 3, Standalone: true, DumpBackups: 2}, mockportal.Owner)
	if err := client.DeleteBackupHistory(context.Background(), false); err != nil {
		t.Fatal(err)
	}
	if n := len(srv.Records(false)); n != 0 {
		t.Errorf("%d portal records left", n)
	}
	if n := len(srv.Records(true)); n != 2 {
		t.Errorf("dump records touched: %d left, want 2", n)
	}
	if err := client.DeleteBackupHistory(context.Background(), true); err != nil {
		t.Fatal(err)
	}
	if n := len(srv.Records(true)); n != 0 {
		t.Errorf("%d dump records left", n)
	}
	assertRequests(t, srv, "DELETE /api/2.0/backup/deletebackuphistory?Dump=false", "DELETE /api/2.0/backup/deletebackuphistory?Dump=true")
}

func TestDeleteBackupHistory_ResponseMustBeTrue(t *testing.T) {
	for name, body := range map[string]string{
		"false":          `{"response":false,"count":1,"status":0,"statusCode":200}`,
		"missing":        `{"count":0,"status":0,"statusCode":200}`,
		"not a bool":     `{"response":"ok","count":1,"status":0,"statusCode":200}`,
		"truncated JSON": `{"response":tr`,
		"HTML login":     "<!DOCTYPE html><html><head><title>Sign in - Corporate SSO</title></head><body>secret-page-body</body></html>",
		"empty":          ``,
	} {
		t.Run(name, func(t *testing.T) {
			srv, client := newPortal(t, mockportal.Options{}, mockportal.Owner)
			srv.InjectFault(mockportal.Fault{Path: "deletebackuphistory", Status: 200, Body: body})
			err := client.DeleteBackupHistory(context.Background(), false)
			var decodeErr *docspace.DecodeError
			if !errors.As(err, &decodeErr) {
				t.Fatalf("err = %v, want a DecodeError", err)
			}
			if strings.Contains(err.Error(), "secret-page-body") {
				t.Errorf("error dumps the page: %v", err)
			}
			if name == "HTML login" && !strings.Contains(err.Error(), "Sign in - Corporate SSO") {
				t.Errorf("error does not name the page title: %v", err)
			}
			assertRequests(t, srv, "DELETE /api/2.0/backup/deletebackuphistory?Dump=false")
		})
	}
}

func TestDeleteBackup_IDs(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{}, mockportal.Owner)
	if err := client.DeleteBackup(context.Background(), "not-a-guid"); err == nil {
		t.Error("non-GUID id sent")
	}
	if err := client.DeleteBackup(context.Background(), mockportal.NewGUID()); err != nil {
		t.Errorf("unknown id: %v (DocSpace answers true)", err)
	}
	assertRequests(t, srv, "DELETE /api/2.0/backup/deletebackup/"+srv.Requests()[0].Path[len("/api/2.0/backup/deletebackup/"):])
}

func TestDeleteBackups_StopsAtFirstFailure(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{Backups: 10}, mockportal.Owner)
	var ids []string
	for _, r := range srv.Records(false) {
		ids = append(ids, r.ID)
	}
	srv.InjectFault(mockportal.Fault{Method: "DELETE", Path: "deletebackup/" + ids[2], Status: 403, Body: `{"error":{"message":"Access denied"},"status":1,"statusCode":403}`})
	deleted, err := client.DeleteBackups(context.Background(), ids, 1)
	var partial *docspace.PartialDeleteError
	if !errors.As(err, &partial) || partial.FailedID != ids[2] || docspace.StatusCode(err) != 403 {
		t.Fatalf("err = %v", err)
	}
	if fmt.Sprint(deleted) != fmt.Sprint(ids[:2]) || fmt.Sprint(partial.Deleted) != fmt.Sprint(ids[:2]) {
		t.Errorf("deleted %v, want %v", deleted, ids[:2])
	}
	if n := len(srv.Requests()); n != 3 {
		t.Errorf("%d requests after the failure stopped the run, want 3", n)
	}
}

func TestDeleteBackups_Concurrency(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{Backups: 12}, mockportal.Owner)
	var ids []string
	for _, r := range srv.Records(false) {
		ids = append(ids, r.ID)
	}
	srv.InjectFault(mockportal.Fault{Method: "DELETE", Times: -1, Delay: mockportal.Duration(50 * time.Millisecond)})
	deleted, err := client.DeleteBackups(context.Background(), ids, 4)
	if err != nil || fmt.Sprint(deleted) != fmt.Sprint(ids) {
		t.Fatalf("deleted %v, %v", deleted, err)
	}
	if stats := srv.ConnStats(); stats.MaxActive > 4 {
		t.Errorf("%d connections open at once, want at most 4", stats.MaxActive)
	}
	if len(srv.Records(false)) != 0 {
		t.Error("records left")
	}
}
