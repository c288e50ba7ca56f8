package provider

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestDescribeAPIError_NeverLeaksStackOrKey(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	for _, role := range []mockportal.Role{mockportal.RoomAdmin, mockportal.User, mockportal.Guest} {
		_, diags := runPurge(context.Background(), testClient(t, srv, role), purgeRequest{}, func(string) {})
		text := diagsText(protoDiags(diags))
		if !strings.Contains(text, "HTTP 403") || strings.Contains(text, "ASC.") || strings.Contains(text, srv.Key(role)) {
			t.Errorf("%s: %s", role, text)
		}
	}
}

// Every branch of describeAPIError, without a portal: the summary names what happened,
// the detail what to do.
func TestDescribeAPIError_EveryCase(t *testing.T) {
	const portal = "https://portal.example"
	api := func(status int, path, msg string, fromPortal bool, attempts int) error {
		return &docspace.APIError{Method: "GET", Path: path, StatusCode: status, Message: msg, FromPortal: fromPortal, Attempts: attempts}
	}
	hostnameErr := &url.Error{Op: "Get", URL: portal, Err: x509.HostnameError{Certificate: &x509.Certificate{}, Host: "portal.example"}}
	cases := []struct {
		name          string
		dump          bool
		err           error
		summary       string
		detailPattern string
	}{
		{"401", false, api(401, "/api/2.0/backup/getbackuphistory", "Unauthorized", true, 1), "DocSpace rejected the API key (HTTP 401)", `unknown, revoked or expired\. The portal said: "Unauthorized"\..*API keys`},
		{"402 free backups", false, api(402, "/api/2.0/backup/startbackup", "The free backups for this month are used up", true, 1), "No free backups left this month (HTTP 402)", "Wait for next month"},
		{"402 schedule", false, api(402, "/api/2.0/backup/createbackupschedule", "plan", true, 1), "Scheduled backups are not part of this portal's plan (HTTP 402)", "docspace_backup instead"},
		{"402 other", false, api(402, "/api/2.0/backup/getbackuphistory", "plan", true, 1), "DocSpace backups are not available on this portal's plan (HTTP 402)", "Renew or upgrade"},
		{"403", false, api(403, "/api/2.0/backup/getbackuphistory", "Access denied", true, 1), "DocSpace refused the backup operation (HTTP 403)", `Owner or a DocSpace admin.*being restored`},
		{"403 dump", true, api(403, "/api/2.0/backup/getbackuphistory", "Access denied", true, 1), "DocSpace refused the backup operation (HTTP 403)", `on DocSpace Cloud set dump = false`},
		{"400 folder", false, api(400, "/api/2.0/backup/startbackup", "wrong folder type", true, 1), "DocSpace refused the backup storage (HTTP 400 wrong folder type)", "Documents takes the number"},
		{"400 dump", false, api(400, "/api/2.0/backup/startbackup", "backup can't start as dump", true, 1), "DocSpace cannot make a server-wide (dump) backup here (HTTP 400)", "Set dump = false"},
		{"400 other", false, api(400, "/api/2.0/backup/startbackup", "bad", true, 1), "DocSpace rejected the request (HTTP 400)", `The portal said: "bad"`},
		{"404 empty body", false, api(404, "/api/2.0/backup/deletebackup/x", "", false, 1), "The DocSpace API is not at portal_url (HTTP 404)", `GET https://portal\.example/api/2\.0/backup/deletebackup/x answered HTTP 404 with a page that is not DocSpace's API\. Terraform keeps its state`},
		{"404 from portal", false, api(404, "/api/2.0/backup/startbackup", "The required folder was not found", true, 1), "DocSpace could not find what the backup request names (HTTP 404)", "folderId is an existing folder"},
		{"404 no API", false, api(404, "/api/2.0/backup/getbackuphistory", "404 - Page not found", false, 1), "The DocSpace API is not at portal_url (HTTP 404)", `"404 - Page not found"\).*Check portal_url \(https://portal\.example\)`},
		{"404 restore", false, api(404, "/api/2.0/backup/startrestore", "The record could not be found", true, 1), "Backup to restore not found (HTTP 404)", "docspace_backup_history"},
		{"404 other area", false, api(404, "/api/2.0/files/fileops", "The record could not be found", true, 1), "DocSpace room not found (HTTP 404)", "Check the room id"},
		{"room 404 not the portal's", false, api(404, "/api/2.0/files/rooms/7", "404 - Page not found", false, 1), "The DocSpace API is not at portal_url (HTTP 404)", "portal_url"},
		{"user 404 not the portal's", false, api(404, "/api/2.0/people/abc", "", false, 1), "The DocSpace API is not at portal_url (HTTP 404)", "reverse proxy"},
		{"identity signature refused", false, api(403, "/api/2.0/clients", "", false, 1), "The identity service refused the portal's signature (HTTP 403)", "identity service runs beside the portal"},
		{"identity guest", false, api(403, "/api/2.0/clients", "Access denied", true, 1), "This API key may not manage OAuth clients (HTTP 403)", `guests cannot.*"Access denied"`},
		{"identity 404", false, api(404, "/api/2.0/clients/x", "Client with ID x was not found", true, 1), "OAuth client not found (HTTP 404)", "belongs to another user"},
		{"identity 404 not the service's", false, api(404, "/api/2.0/clients/x", "nginx", false, 1), "The DocSpace API is not at portal_url (HTTP 404)", "portal_url"},
		{"identity 400", false, api(400, "/api/2.0/clients", "Validation failed; name: too short", true, 1), "DocSpace rejected the OAuth client (HTTP 400)", `name: too short.*docspace_oauth_scopes`},
		{"scopes 403", false, api(403, "/api/2.0/scopes", "", false, 1), "The identity service refused the portal's signature (HTTP 403)", "clock"},
		{"settings 404", false, api(404, "/api/2.0/settings/security/loginsettings", "The record could not be found", true, 1), "DocSpace setting not found (HTTP 404)", "no such setting"},
		{"deliveries 404", false, api(404, "/api/2.0/settings/webhooks/log", "The record could not be found", true, 1), "DocSpace found no delivery log to read (HTTP 404)", "webhook_id"},
		{"hosting 401", false, api(401, "/apisystem/portal/get", "", false, 1), "The hosting API refused the credentials (HTTP 401)", `machine_key.*clock`},
		{"hosting on Cloud", false, api(403, "/apisystem/portal/get", "Method for server edition only.", true, 1), "Spaces exist on self-hosted servers only (HTTP 403)", "remove it from this portal's configuration"},
		{"hosting 404", false, api(404, "/apisystem/portal/register", "", false, 1), "The hosting API is not at portal_url (HTTP 404)", `/apisystem/.*ASC\.ApiSystem.*state is kept`},
		{"hosting rate limit", false, &docspace.APIError{Method: "POST", Path: "/apisystem/portal/register", StatusCode: 400, Code: "tooMuchAttempts", FromPortal: true, Attempts: 1}, "Too many space registrations (HTTP 400)", "10 registrations from one address in 5 minutes"},
		{"hosting last space", false, api(400, "/apisystem/portal/remove", "The last full access space cannot be deleted.", true, 1), "The last full-access space cannot be removed (HTTP 400)", "limited_access = false"},
		{"hosting other", false, api(500, "/apisystem/portal/register", "boom", true, 1), "The hosting API refused the request (HTTP 500)", `"boom"`},
		{"429 retried", false, api(429, "/api/2.0/backup/getbackuphistory", "", false, 5), "DocSpace kept rate-limiting the requests (HTTP 429 after 5 attempts)", "lower -parallelism"},
		{"503 once", false, api(503, "/api/2.0/backup/getbackuphistory", "down", false, 1), "DocSpace portal unavailable (HTTP 503)", `answered HTTP 503\. The portal said: "down"`},
		{"502 retried", false, api(502, "/api/2.0/backup/getbackuphistory", "", false, 3), "DocSpace portal unavailable (HTTP 502 after 3 attempts)", "raise max_retries"},
		{"418", false, api(418, "/api/2.0/backup/getbackuphistory", "teapot", true, 1), "DocSpace API error (HTTP 418)", "418"},
		{"redirect", false, &docspace.RedirectError{Method: "GET", Path: "/p", StatusCode: 301, Location: "https://other.example/p"}, "DocSpace portal redirected the API call", "redirect to https://other.example/p"},
		{"certificate", false, &docspace.TransportError{Method: "GET", Path: "/p", Attempts: 1, Err: hostnameErr}, "The DocSpace portal's TLS certificate is not trusted", "ca_certificate"},
		{"backup job", false, &docspace.BackupJobError{TaskID: "t1", Message: "disk full"}, "The DocSpace backup failed", `job t1 failed: "disk full"`},
		{"job gone", false, docspace.ErrNoBackupJob, "The DocSpace backup job disappeared", "start it again"},
		{"deadline", false, fmt.Errorf("wrapped: %w", context.DeadlineExceeded), "DocSpace request timed out", "timeouts block"},
		{"cancelled", false, context.Canceled, "DocSpace request cancelled", "cancelled before the portal answered"},
		{"transport retried", false, &docspace.TransportError{Method: "GET", Path: "/p", Attempts: 4, Err: errors.New("connection refused")}, "Could not reach the DocSpace portal after 4 attempts", "HTTPS_PROXY"},
		{"decode", false, &docspace.DecodeError{Method: "GET", Path: "/p", Err: errors.New("not a JSON envelope")}, "Unexpected answer from the DocSpace portal", "login page"},
		{"other", false, errors.New("boom"), "DocSpace request failed", "boom"},
		{"language", false, &docspace.UnsupportedLanguageError{Language: "xx", Supported: []string{"en-US", "de"}}, "DocSpace does not offer that language", `"xx" \(it offers en-US, de\).*Set language to one of those`},
		{"room 404", false, api(404, "/api/2.0/files/rooms/7", "The required folder was not found", true, 1), "DocSpace room not found (HTTP 404)", "deleted outside Terraform"},
		{"unknown area 404", false, api(404, "/api/2.0/thirdparty/x", "The record could not be found", true, 1), "DocSpace could not find what the request names (HTTP 404)", "no such object"},
		{"room 402", false, api(402, "/api/2.0/files/rooms", "The number of rooms should not exceed 3", true, 1), "The portal's plan allows no more rooms (HTTP 402)", "upgrade the plan"},
		{"room 400", false, api(400, "/api/2.0/files/rooms", "Title: too long", true, 1), "DocSpace rejected the room settings (HTTP 400)", "1 to 170 characters"},
		{"room create 403", false, api(403, "/api/2.0/files/rooms", "You don't have enough permission to create", true, 1), "This API key may not create rooms (HTTP 403)", "room admin or a DocSpace admin"},
		{"room view 403", false, api(403, "/api/2.0/files/rooms/7", "You don't have enough permission to view the folder content", true, 1), "This API key cannot see the room (HTTP 403)", "add the key's user to the room"},
		{"room edit 403", false, api(403, "/api/2.0/files/rooms/7", "You don't have permission to edit the room", true, 1), "This API key may not change the room (HTTP 403)", "room manager"},
		{"room role 403", false, api(403, "/api/2.0/files/rooms/7/share", "The role is not available for this user type", true, 1), "DocSpace refused the access level (HTTP 403)", "groups never"},
		{"room unknown 403", false, api(403, "/api/2.0/files/rooms/7", "The required folder was not found", true, 1), "DocSpace room not found (HTTP 403)", "any more"},
		{"room denied 403", false, api(403, "/api/2.0/files/rooms/7", "Access denied", true, 1), "DocSpace refused the room operation (HTTP 403)", "Only a room's owner"},
		{"room 503 as any API", false, api(503, "/api/2.0/files/rooms/7", "", false, 2), "DocSpace portal unavailable (HTTP 503 after 2 attempts)", "raise max_retries"},
		{"user 404", false, api(404, "/api/2.0/people/abc", "The user could not be found", true, 1), "DocSpace user not found (HTTP 404)", "enable a disabled account first"},
		{"group 404", false, api(404, "/api/2.0/group/abc", "The group could not be found", true, 1), "DocSpace group not found (HTTP 404)", "create it again"},
		{"seats 402", false, api(402, "/api/2.0/people/type/RoomAdmin", "The number of admins exceeds the limit: 4/3.", true, 1), "No paid seat left on this portal (HTTP 402)", "Free a seat"},
		{"duplicate email", false, api(400, "/api/2.0/people", "User with this email is already registered", true, 1), "An account with this email already exists (HTTP 400)", "terraform import docspace_user"},
		{"bad name", false, api(400, "/api/2.0/people", "Incorrect firstname or lastname", true, 1), "DocSpace refused the name (HTTP 400)", "letters, spaces"},
		{"people 400", false, api(400, "/api/2.0/group", "The user could not be found", true, 1), "DocSpace rejected the account or group settings (HTTP 400)", "no guests or disabled"},
		{"not suspended", false, api(403, "/api/2.0/people/abc", "The user is not suspended", true, 1), "DocSpace deletes only disabled accounts (HTTP 403)", "disabled = true"},
		{"owner or role", false, api(403, "/api/2.0/people/status/2", "Access denied", true, 1), "This API key may not do that to the account or group (HTTP 403)", "Nobody changes the Owner's account"},
		{"people 401 as any API", false, api(401, "/api/2.0/people/abc", "", true, 1), "DocSpace rejected the API key (HTTP 401)", "Create a new key"},
		{"audit plan 402", false, api(402, "/api/2.0/security/audit/settings/lifetime", "Your pricing plan does not support this option", true, 1), "The audit trail is not part of this portal's plan (HTTP 402)", "docspace_portal"},
		{"setting plan 402", false, api(402, "/api/2.0/settings/cookiesettings", "Your pricing plan does not support this option", true, 1), "This setting is not part of this portal's plan (HTTP 402)", "Upgrade the plan"},
		{"settings 403", false, api(403, "/api/2.0/settings/security/loginsettings", "Access denied", true, 1), "This API key may not change portal settings (HTTP 403)", "Owner or a DocSpace admin"},
		{"settings 403 message", false, api(403, "/api/2.0/settings/tfaapp", "SMS settings are not available", true, 1), "DocSpace refused the setting (HTTP 403)", "SMS settings are not available"},
		{"webhook 403", false, api(403, "/api/2.0/settings/webhook", "Access denied", true, 1), "This API key may not manage that webhook (HTTP 403)", "only the ones they created"},
		{"webhook 400", false, api(400, "/api/2.0/settings/webhook", "URL host is in the blacklist", true, 1), "DocSpace refused the webhook (HTTP 400)", "HEAD request"},
		{"settings 400", false, api(400, "/api/2.0/settings/iprestrictions", "IpRestrictions", true, 1), "DocSpace refused the setting (HTTP 400)", "single IP addresses"},
		{"webhook 404", false, api(404, "/api/2.0/settings/webhook/3", "The record could not be found", true, 1), "DocSpace webhook not found (HTTP 404)", "answered 410"},
		{"settings 503 as any API", false, api(503, "/api/2.0/settings/tfaapp", "", false, 1), "DocSpace portal unavailable (HTTP 503)", "raise max_retries"},
		{"file operation", false, &docspace.FileOperationError{ID: "op1", Message: "opened for editing"}, "The DocSpace file operation failed", `operation op1 failed: "opened for editing"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			summary, detail := describeAPIError(portal, "doing it", tc.dump, tc.err)
			if summary != tc.summary {
				t.Errorf("summary %q, want %q", summary, tc.summary)
			}
			if !strings.HasPrefix(detail, "While doing it on "+portal+": ") || !regexp.MustCompile("(?s)"+tc.detailPattern).MatchString(detail) {
				t.Errorf("detail %q, want it to match %q", detail, tc.detailPattern)
			}
		})
	}
}
