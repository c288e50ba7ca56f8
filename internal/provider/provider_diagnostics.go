package provider

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

// apiErrorDiagnostic turns a client error into one error diagnostic that says what happened
// and what to do. doing is a phrase like "reading room 7".
func apiErrorDiagnostic(portal, doing string, err error) diag.Diagnostic {
	return backupErrorDiagnostic(portal, doing, false, err)
}

// backupErrorDiagnostic is apiErrorDiagnostic for the backup calls that can be about the
// whole server (dump): the diagnostic then says where dump works.
func backupErrorDiagnostic(portal, doing string, dump bool, err error) diag.Diagnostic {
	summary, detail := describeAPIError(portal, doing, dump, err)
	return diag.NewErrorDiagnostic(summary, detail)
}

func isCertificateError(err error) bool {
	var (
		verifyErr   *tls.CertificateVerificationError
		unknownAuth x509.UnknownAuthorityError
		hostnameErr x509.HostnameError
		invalidCert x509.CertificateInvalidError
	)
	return errors.As(err, &verifyErr) || errors.As(err, &unknownAuth) || errors.As(err, &hostnameErr) || errors.As(err, &invalidCert)
}

// describeAPIError says what went wrong and what to do, by error type and HTTP status.
// doing is a phrase like "purging the backup history"; dump says whether the call was
// about the whole server.
func describeAPIError(portal, doing string, dump bool, err error) (summary, detail string) {
	var (
		apiErr    *docspace.APIError
		redirect  *docspace.RedirectError
		transport *docspace.TransportError
		decode    *docspace.DecodeError
		jobErr    *docspace.BackupJobError
		opErr     *docspace.FileOperationError
		restore   *docspace.RestoreJobError
		language  *docspace.UnsupportedLanguageError
		ldap      *docspace.LDAPOperationError
		smtp      *docspace.SMTPTestError
	)
	where := fmt.Sprintf("While %s on %s: ", doing, portal)
	switch {
	case errors.As(err, &apiErr):
		return describeStatus(portal, where, dump, apiErr)
	case errors.As(err, &redirect):
		return "DocSpace portal redirected the API call", where + fmt.Sprintf("the portal answered HTTP %d with a redirect to %s instead of answering. ", redirect.StatusCode, redirect.Location) +
			"The provider does not follow redirects for API calls. Set portal_url to the address the portal really answers on (for example https:// instead of http://, or the final host name)."
	case isCertificateError(err):
		return "The DocSpace portal's TLS certificate is not trusted", where + err.Error() +
			". If the portal uses a private certificate authority, give its CA certificate in ca_certificate (PEM text) or " +
			"ca_certificate_file. Check also that portal_url uses the host name the certificate was issued for."
	case errors.As(err, &ldap):
		return "The LDAP " + strings.ToLower(ldap.Operation) + " failed", where + fmt.Sprintf("DocSpace ran the job and it failed: %q. ", ldap.Message) +
			"A failed save stores nothing. Check server, port, ssl / start_tls, user_dn, the filters and attributes, login and password_wo, " +
			"and that the portal can reach the directory."
	case errors.As(err, &smtp):
		return "The SMTP test message was not sent", where + fmt.Sprintf("DocSpace tried the stored SMTP settings and the mail server refused: %q. ", smtp.Message) +
			"Check host, port, enable_ssl, username and password_wo in docspace_smtp_settings, and that the portal can reach the server."
	case errors.As(err, &language):
		return "DocSpace does not offer that language", where + err.Error() + ". Set language to one of those."
	case errors.As(err, &restore):
		return "The DocSpace restore failed", where + fmt.Sprintf("the portal reported that restore %s failed: %q. The portal keeps its data and keys. "+
			"Check that the archive is one this portal made (DocSpace Cloud restores only its own backups) and that the storage settings are right.", restore.TaskID, restore.Message)
	case errors.Is(err, docspace.ErrNoRestoreTask):
		return "The DocSpace restore task disappeared", where + err.Error() + ". Check the portal before restoring again: it may or may not have been restored."
	case errors.As(err, &opErr):
		return "The DocSpace file operation failed", where + fmt.Sprintf("the portal reported that operation %s failed: %q. Nothing changed; fix the cause (a file open for editing, say) and apply again.", opErr.ID, opErr.Message)
	case errors.As(err, &jobErr):
		return "The DocSpace backup failed", where + fmt.Sprintf("the portal reported that backup job %s failed: %q. Check the backup storage (free space, credentials, folder permissions), then try again.", jobErr.TaskID, jobErr.Message)
	case errors.Is(err, docspace.ErrNoBackupJob):
		return "The DocSpace backup job disappeared", where + err.Error() + ". Someone may have cancelled it on the portal; start it again."
	case errors.Is(err, context.DeadlineExceeded):
		return "DocSpace request timed out", where + "the operation did not finish in time (" + err.Error() + "). " +
			"Raise the timeout in the resource's timeouts block, or check why the portal answers so slowly."
	case errors.Is(err, context.Canceled):
		return "DocSpace request cancelled", where + "the operation was cancelled before the portal answered (" + err.Error() + ")."
	case errors.As(err, &transport):
		tries := attemptsText(transport.Attempts)
		return "Could not reach the DocSpace portal" + tries, where + err.Error() +
			". Check portal_url, DNS, proxies (HTTPS_PROXY) and firewalls between this machine and the portal."
	case errors.As(err, &decode):
		return "Unexpected answer from the DocSpace portal", where + err.Error() +
			". This usually means portal_url points at something other than the DocSpace portal (a login page, a proxy error page), or the answer was cut off. Check portal_url and apply again."
	default:
		return "DocSpace request failed", where + err.Error()
	}
}

// attemptsText is " after N attempts" when the request was retried.
func attemptsText(attempts int) string {
	if attempts > 1 {
		return fmt.Sprintf(" after %d attempts", attempts)
	}
	return ""
}

// portalSaid quotes the portal's own message, if it sent one.
func portalSaid(e *docspace.APIError) string {
	if e.Message == "" {
		return ""
	}
	return fmt.Sprintf(" The portal said: %q.", e.Message)
}

// describeStatus words an HTTP error answer, by status.
func describeStatus(portal, where string, dump bool, e *docspace.APIError) (summary, detail string) {
	said := portalSaid(e)
	if strings.HasPrefix(e.Path, "/apisystem/") {
		return describeHostingStatus(portal, where, said, e)
	}
	if e.StatusCode == http.StatusNotFound && !e.FromPortal {
		return describeForeignNotFound(portal, where, e)
	}
	if strings.HasPrefix(e.Path, "/api/2.0/clients") || strings.HasPrefix(e.Path, "/api/2.0/scopes") {
		if summary, detail, ok := describeIdentityStatus(where, said, e); ok {
			return summary, detail
		}
	}
	if strings.Contains(e.Path, "/files/") {
		if summary, detail, ok := describeRoomStatus(where, said, e); ok {
			return summary, detail
		}
	}
	if isSettingsPath(e.Path) {
		if summary, detail, ok := describeSettingsStatus(where, said, e); ok {
			return summary, detail
		}
	}
	if strings.Contains(e.Path, "/people") || strings.Contains(e.Path, "/group") {
		if summary, detail, ok := describePeopleStatus(where, said, e); ok {
			return summary, detail
		}
	}
	switch code := e.StatusCode; {
	case code == http.StatusUnauthorized && e.AfterRestore:
		return "DocSpace rejected the API key after the restore (HTTP 401)", where + "this portal was restored earlier in this run, and a restore " +
			"removes every API key: nothing after the restore can use the old key." +
			" Make the restore the last step of an apply; afterwards log in with credentials from the backup's time, create a new key, set api_key, and re-import."
	case code == http.StatusUnauthorized:
		return "DocSpace rejected the API key (HTTP 401)", where + "the API key is unknown, revoked or expired." + said +
			" Create a new key in DocSpace (Settings > Developer Tools > API keys) as the Owner or a DocSpace admin, and set api_key or DOCSPACE_API_KEY."
	case code == http.StatusPaymentRequired:
		return describePaymentRequired(where, said, e)
	case code == http.StatusForbidden:
		return describeForbidden(where, said, dump)
	case code == http.StatusBadRequest:
		return describeBadRequest(where, said, e)
	case code == http.StatusNotFound:
		return describeNotFound(where, said, e)
	case code == http.StatusTooManyRequests:
		tries := attemptsText(e.Attempts)
		return fmt.Sprintf("DocSpace kept rate-limiting the requests (HTTP 429%s)", tries), where + "the portal answered 429 Too Many Requests" + tries + "." + said +
			" Apply again later, lower -parallelism, or raise max_retries so the provider waits longer."
	case code >= 500:
		tries := attemptsText(e.Attempts)
		return fmt.Sprintf("DocSpace portal unavailable (HTTP %d%s)", code, tries), where + fmt.Sprintf("the portal or the proxy in front of it answered HTTP %d%s.", code, tries) + said +
			" Check that the portal is up, then apply again; raise max_retries to ride out longer outages."
	default:
		return fmt.Sprintf("DocSpace API error (HTTP %d)", code), where + e.Error()
	}
}

func describePaymentRequired(where, said string, e *docspace.APIError) (summary, detail string) {
	switch {
	case strings.Contains(e.Message, "free backups"):
		return "No free backups left this month (HTTP 402)", where + "the portal's free backups for this month are used up and paid backups are not available." + said +
			" Wait for next month, or enable paid backups in DocSpace's Payments settings."
	case strings.Contains(e.Path, "startrestore"):
		return "Restores are not part of this portal's plan (HTTP 402)", where + "DocSpace Cloud restores backups on paid plans only." + said +
			" Upgrade the plan in DocSpace's Payments settings, or drill on a self-hosted server."
	case strings.Contains(e.Path, "backupschedule"):
		return "Scheduled backups are not part of this portal's plan (HTTP 402)", where + "the portal's pricing plan does not include automatic (scheduled) backups." + said +
			" Upgrade the plan in DocSpace's Payments settings, or take backups on demand with docspace_backup instead."
	default:
		return "DocSpace backups are not available on this portal's plan (HTTP 402)", where + "backup management is switched off for this portal or its subscription has lapsed." + said +
			" Renew or upgrade the plan in DocSpace's Payments settings, then apply again."
	}
}

func describeForbidden(where, said string, dump bool) (summary, detail string) {
	d := where + "access denied." + said + " Backup operations need the API key of the portal Owner or a DocSpace admin; room admins, users and guests are refused."
	if dump {
		d += " dump = true works on self-hosted (standalone) DocSpace servers only, with a key whose user has space access; on DocSpace Cloud set dump = false."
	}
	return "DocSpace refused the backup operation (HTTP 403)", d + " A portal that is being restored also refuses backup calls until the restore finishes."
}

func describeBadRequest(where, said string, e *docspace.APIError) (summary, detail string) {
	switch {
	case strings.Contains(e.Message, "wrong folder type"):
		return "DocSpace refused the backup storage (HTTP 400 wrong folder type)", where + "the folderId in storage_params does not fit the storage type." +
			" Documents takes the number of a portal folder; ThridpartyDocuments the id of a connected third-party folder."
	case strings.Contains(e.Message, "as dump"):
		return "DocSpace cannot make a server-wide (dump) backup here (HTTP 400)", where + "dump backups exist on self-hosted (standalone) DocSpace servers only." + said + " Set dump = false."
	default:
		return "DocSpace rejected the request (HTTP 400)", where + "the portal refused the values sent." + said +
			" Check the resource's arguments against its documentation (ranges, storage_params for the storage type)."
	}
}

// describeForeignNotFound words a 404 that did not come from DocSpace's API (an HTML page,
// an empty body): the request never reached the endpoint, so it says nothing about the
// object, and the provider neither forgets nor reports destroyed anything because of it.
func describeForeignNotFound(portal, where string, e *docspace.APIError) (summary, detail string) {
	answered := "a page that is not DocSpace's API"
	if e.Message != "" {
		answered += fmt.Sprintf(" (%q)", e.Message)
	}
	return "The DocSpace API is not at portal_url (HTTP 404)", where + fmt.Sprintf("%s %s%s answered HTTP 404 with %s. ", e.Method, portal, e.Path, answered) +
		"Terraform keeps its state as it was: this answer says nothing about the object itself. " +
		"Check portal_url (" + portal + "): it must be the portal's root URL, including any path a reverse proxy serves DocSpace under " +
		"(for example https://example.com/docspace). A proxy in maintenance mode, or a DocSpace version without this endpoint, answers the same way; apply again once the portal answers."
}

// describeNotFound words DocSpace's own 404 (its JSON error envelope) in the backup and
// restore APIs; the other areas word theirs in their own describe function.
func describeNotFound(where, said string, e *docspace.APIError) (summary, detail string) {
	switch {
	case strings.Contains(e.Path, "startrestore"):
		return "Backup to restore not found (HTTP 404)", where + "the portal has no such backup or archive file." + said +
			" Take the id from the docspace_backup_history data source, or check file_path and the storage settings."
	case strings.Contains(e.Path, "/backup/"):
		return "DocSpace could not find what the backup request names (HTTP 404)", where + e.Message + "." +
			" For Documents storage, check that storage_params.folderId is an existing folder the key's user can write to."
	default:
		return "DocSpace could not find what the request names (HTTP 404)", where + "the portal has no such object." + said
	}
}

// describeRoomStatus words the refusals of the rooms API, whose 403s mean different things
// by message. ok is false for answers worded like any other API's (401, 429, 5xx).
func describeRoomStatus(where, said string, e *docspace.APIError) (summary, detail string, ok bool) {
	switch {
	case e.StatusCode == http.StatusNotFound:
		return "DocSpace room not found (HTTP 404)", where + "the portal says the room does not exist (any more): it was deleted, or the id is wrong." + said +
			" Check the room id; a room Terraform manages that was deleted outside Terraform is dropped from state at the next refresh and planned again.", true
	case e.StatusCode == http.StatusPaymentRequired:
		return "The portal's plan allows no more rooms (HTTP 402)", where + "the pricing plan's room limit is reached." + said +
			" Delete or archive rooms you no longer need, or upgrade the plan in DocSpace's Payments settings.", true
	case e.StatusCode == http.StatusBadRequest:
		return "DocSpace rejected the room settings (HTTP 400)", where + "the portal refused the values sent." + said +
			" Check title (1 to 170 characters), color (6 hex digits) and the other arguments against the documentation.", true
	case e.StatusCode != http.StatusForbidden:
		return "", "", false
	}
	switch {
	case strings.Contains(e.Message, "permission to create"):
		return "This API key may not create rooms (HTTP 403)", where + "only the Owner, DocSpace admins and room admins create rooms; users and guests cannot." + said +
			" Use the key of a room admin or a DocSpace admin.", true
	case strings.Contains(e.Message, "view the folder content"):
		return "This API key cannot see the room (HTTP 403)", where + "rooms are visible to their owner, their members and DocSpace admins." + said +
			" Use the key of the room's owner or a DocSpace admin, or add the key's user to the room.", true
	case strings.Contains(e.Message, "edit the room"):
		return "This API key may not change the room (HTTP 403)", where + "only the room's owner or one of its room managers may change a room, and nobody may change an archived one (DocSpace admins cannot edit other people's rooms either)." + said +
			" Use the owner's key or make the key's user a room manager; unarchive the room first (archived = false).", true
	case strings.Contains(e.Message, "role is not available"):
		return "DocSpace refused the access level (HTTP 403)", where + "this room type, or this user's type, does not allow that access level (users and guests cannot be room managers, groups never)." + said, true
	case strings.Contains(e.Message, "folder was not found"):
		return "DocSpace room not found (HTTP 403)", where + "the room does not exist (any more)." + said, true
	default:
		return "DocSpace refused the room operation (HTTP 403)", where + "access denied." + said +
			" Only a room's owner may delete an active room or change who has access (DocSpace admins may archive any room and delete archived ones); users and guests manage no rooms.", true
	}
}

// peopleRoleRules is who may do what with accounts and groups, for 403 answers.
const peopleRoleRules = " Room admins may create and invite users (and raise their own guests to users); DocSpace admins may also " +
	"create room admins, change types up to room admin, disable and delete users and room admins, and manage groups; only " +
	"the Owner may create, change, disable or delete DocSpace admins. Nobody changes the Owner's account, or the type or " +
	"status of the account whose key is calling."

// describePeopleStatus words the refusals of the people and groups APIs. ok is false for
// answers worded like any other API's (401, 429, 5xx).
func describePeopleStatus(where, said string, e *docspace.APIError) (summary, detail string, ok bool) {
	group := strings.Contains(e.Path, "/group")
	switch code := e.StatusCode; {
	case code == http.StatusNotFound && group:
		return "DocSpace group not found (HTTP 404)", where + "the group does not exist (any more)." + said +
			" If it was deleted outside Terraform, let Terraform create it again or remove it from the configuration.", true
	case code == http.StatusNotFound:
		return "DocSpace user not found (HTTP 404)", where + "no such account, or it was deleted (disabled and pending accounts are not found by some calls)." + said +
			" Check the id or email; enable a disabled account first if you meant to change it.", true
	case code == http.StatusPaymentRequired:
		return "No paid seat left on this portal (HTTP 402)", where + "DocSpace admins and room admins take a paid seat, and the plan has none free." + said +
			" Free a seat (change an admin's type, or disable one), or add seats in DocSpace's Payments settings, then apply again.", true
	case code == http.StatusBadRequest && strings.Contains(e.Message, "already registered"):
		return "An account with this email already exists (HTTP 400)", where + "DocSpace allows one account per email address." + said +
			" To manage the existing account, import it: terraform import docspace_user.<name> <email>. Otherwise use another address.", true
	case code == http.StatusBadRequest && strings.Contains(e.Message, "firstname or lastname"):
		return "DocSpace refused the name (HTTP 400)", where + "names may hold only letters, spaces, apostrophes and hyphens." + said, true
	case code == http.StatusBadRequest:
		return "DocSpace rejected the account or group settings (HTTP 400)", where + "the portal refused the values sent." + said +
			" Check email, names, type and member ids against the documentation; groups take no guests or disabled users.", true
	case code == http.StatusForbidden && strings.Contains(e.Message, "not suspended"):
		return "DocSpace deletes only disabled accounts (HTTP 403)", where + "the account is still active." + said +
			" Disable it first (disabled = true), or apply again: the provider disables before deleting.", true
	case code == http.StatusForbidden:
		return "This API key may not do that to the account or group (HTTP 403)", where + "access denied." + said + peopleRoleRules, true
	}
	return "", "", false
}

// describeHostingStatus words the refusals of a self-hosted server's hosting API
// (docspace_space), by its error code where it sends one.
func describeHostingStatus(portal, where, said string, e *docspace.APIError) (summary, detail string) {
	switch code := e.StatusCode; {
	case code == http.StatusUnauthorized:
		return "The hosting API refused the credentials (HTTP 401)", where + "the server's hosting API accepts no API key: it needs the " +
			"provider's hosting block. Check hosting.machine_key against the server's core.machinekey (tokens are valid five minutes, so " +
			"this machine's clock must be right), or hosting.email and password of the Owner or a DocSpace admin of " + portal + "."
	case code == http.StatusForbidden && strings.Contains(e.Message, "server edition"):
		return "Spaces exist on self-hosted servers only (HTTP 403)", where + "the portal is not a self-hosted (standalone) DocSpace server." +
			said + " DocSpace Cloud portals cannot be managed with docspace_space: remove it from this portal's configuration."
	case code == http.StatusNotFound:
		return "The hosting API is not at portal_url (HTTP 404)", where + "nothing answered " + e.Method + " " + portal + e.Path + "." +
			" The server's web server forwards /apisystem/ to the hosting service (ASC.ApiSystem): check that the service runs and " +
			"that portal_url is the server's own portal. Nothing was changed and state is kept."
	case e.Code == "portalNameExist" || e.Code == "portalNameIncorrect" || e.Code == "tooShortError" || e.Code == "portalNameEmpty":
		return "The space's name is taken or not allowed (HTTP 400)", where + "the server refused the name." + said +
			" Pick another name: 3 to 63 lower-case letters, digits and inner hyphens, not used by another portal on the server."
	case e.Code == "tooMuchAttempts":
		return "Too many space registrations (HTTP 400)", where + "the server accepts at most 10 registrations from one address in 5 minutes." +
			" Wait five minutes and apply again, or create fewer spaces per run (terraform apply -parallelism=1 does not help: the limit is per address)."
	case e.Code == "passPolicyError":
		return "The owner's password is too weak (HTTP 400)", where + "the server's default password policy refused owner_password_wo." + said
	case e.Code == "portalNameNotFound":
		return "The server has no such space (HTTP 400)", where + "the hosting API found no portal with that tenant id." + said
	case strings.Contains(e.Message, "last full access space"):
		return "The last full-access space cannot be removed (HTTP 400)", where + "DocSpace keeps at least one full-access space on a server." + said +
			" Keep this space, or create another full-access space (limited_access = false) first."
	}
	return "The hosting API refused the request (HTTP " + fmt.Sprint(e.StatusCode) + ")", where + "the server's hosting API answered an error." + said
}

// isSettingsPath says whether a path belongs to the settings, audit or portal APIs.
func isSettingsPath(p string) bool {
	for _, prefix := range []string{"/api/2.0/settings/", "/api/2.0/security/", "/api/2.0/portal"} {
		if strings.Contains(p, prefix) {
			return true
		}
	}
	return false
}

// describeSettingsStatus words the refusals of the settings, audit and webhook APIs. ok is
// false for answers worded like any other API's (401, 429, 5xx).
func describeSettingsStatus(where, said string, e *docspace.APIError) (summary, detail string, ok bool) {
	webhook := strings.Contains(e.Path, "/webhook")
	deliveries := strings.Contains(e.Path, "/webhooks/log")
	switch code := e.StatusCode; {
	case code == http.StatusNotFound && deliveries:
		return "DocSpace found no delivery log to read (HTTP 404)", where + "the portal found nothing for that delivery log query." + said +
			" Check webhook_id against the docspace_webhook resources or the webhook list.", true
	case code == http.StatusPaymentRequired && strings.Contains(e.Path, "/security/audit"):
		return "The audit trail is not part of this portal's plan (HTTP 402)", where + "DocSpace Cloud changes audit retention on plans with the audit trail only." + said +
			" Upgrade the plan in DocSpace's Payments settings, or remove docspace_audit_settings from this portal's configuration (docspace_portal's `audit` tells which portals have it).", true
	case code == http.StatusPaymentRequired:
		return "This setting is not part of this portal's plan (HTTP 402)", where + "the portal's plan does not include it." + said +
			" Upgrade the plan in DocSpace's Payments settings, or leave the setting out for this portal.", true
	case code == http.StatusForbidden && webhook:
		return "This API key may not manage that webhook (HTTP 403)", where + "access denied." + said +
			" Admins manage every webhook; room admins and users only the ones they created (unless developer tools are limited to admins); guests none.", true
	case code == http.StatusForbidden && e.Message != "" && e.Message != "Access denied":
		return "DocSpace refused the setting (HTTP 403)", where + e.Message + ".", true
	case code == http.StatusForbidden:
		return "This API key may not change portal settings (HTTP 403)", where + "access denied." + said +
			" Portal settings, the audit trail and the login history need the key of the Owner or a DocSpace admin.", true
	case code == http.StatusBadRequest && webhook:
		return "DocSpace refused the webhook (HTTP 400)", where + "the portal checked the webhook and refused it." + said +
			" The URL must be reachable from the portal (not a private or loopback address) and answer a HEAD request with 2xx; the secret must meet the portal's password policy; name and URL together must be new.", true
	case code == http.StatusBadRequest:
		return "DocSpace refused the setting (HTTP 400)", where + "the portal refused the values sent." + said +
			" Check them against the resource's documentation (ranges, single IP addresses, domain names).", true
	case code == http.StatusNotFound && webhook:
		return "DocSpace webhook not found (HTTP 404)", where + "the webhook does not exist (any more): it was deleted by hand, or by DocSpace after its URL answered 410." + said, true
	case code == http.StatusNotFound:
		return "DocSpace setting not found (HTTP 404)", where + "the portal has no such setting or record." + said +
			" Check the id you gave; a setting that exists on newer DocSpace versions only needs a portal of that version.", true
	}
	return "", "", false
}

// warnAtPlan turns the errors of a plan-time check into warnings. Terraform plans the
// configuration once more before every destroy (the pre-destroy refresh) and cannot tell the
// provider so: an error there would block `terraform destroy`. The same check runs again as
// an error at apply, before anything is written.
func warnAtPlan(diags diag.Diagnostics) diag.Diagnostics {
	var out diag.Diagnostics
	for _, d := range diags {
		if d.Severity() != diag.SeverityError {
			out.Append(d)
			continue
		}
		detail := d.Detail() + " terraform apply refuses this before changing anything (terraform destroy is not affected)."
		if withPath, ok := d.(diag.DiagnosticWithPath); ok {
			out.AddAttributeWarning(withPath.Path(), d.Summary(), detail)
		} else {
			out.AddWarning(d.Summary(), detail)
		}
	}
	return out
}

// describeIdentityStatus words the identity service's refusals (OAuth clients, scopes). Its
// 403 without a body refuses the signature itself; with a problem detail, the account.
func describeIdentityStatus(where, said string, e *docspace.APIError) (summary, detail string, ok bool) {
	switch {
	case e.StatusCode == http.StatusForbidden && !e.FromPortal:
		return "The identity service refused the portal's signature (HTTP 403)", where + "the portal signed the request for the API key's user, " +
			"and DocSpace's identity service refused even a fresh signature. Check that the identity service runs beside the portal " +
			"(DocSpace 3.0 or later) and that its clock agrees with the portal's.", true
	case e.StatusCode == http.StatusForbidden:
		return "This API key may not manage OAuth clients (HTTP 403)", where + "guests cannot register or read OAuth clients." + said +
			" Use the key of a user, a room admin, or the Owner or a DocSpace admin (who manage every client of the portal).", true
	case e.StatusCode == http.StatusNotFound:
		return "OAuth client not found (HTTP 404)", where + "the identity service has no such client, or it belongs to another user " +
			"(only the Owner and DocSpace admins see every client)." + said + " A client Terraform manages that was deleted outside " +
			"Terraform is dropped from state at the next refresh and registered again.", true
	case e.StatusCode == http.StatusBadRequest:
		return "DocSpace rejected the OAuth client (HTTP 400)", where + "the identity service refused the values sent." + said +
			" Check name (3 to 256 characters), logo (a data URL of a PNG, JPEG or SVG image), the URLs (public host names, not " +
			"localhost), redirect_uris and allowed_origins (1 to 12 each) and scopes (the data source docspace_oauth_scopes lists them).", true
	}
	return "", "", false
}
