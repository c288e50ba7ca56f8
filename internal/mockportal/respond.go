package mockportal

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

const rateLimit = 1500

// ok writes DocSpace's success envelope. count is the number of items for lists and 1 for
// a scalar; a nil value leaves the response member out, as the API does for "nothing". It
// takes no lock, so handlers may call it while holding p.mu.
func (p *Portal) ok(w http.ResponseWriter, r *http.Request, value any) {
	present := value != nil
	body := map[string]any{
		"count":      0,
		"links":      []map[string]string{{"href": requestURL(r), "action": r.Method}},
		"status":     0,
		"statusCode": http.StatusOK,
	}
	if present {
		body["response"] = value
		body["count"] = 1
		if rv, isList := value.([]map[string]any); isList {
			body["count"] = len(rv)
		}
	}
	p.rateHeaders(w)
	writeJSON(w, http.StatusOK, body)
}

// okList writes a page of a longer list: count is the page's length, total the whole
// list's (as GET share answers).
func (p *Portal) okList(w http.ResponseWriter, r *http.Request, page []map[string]any, total int) {
	p.rateHeaders(w)
	writeJSON(w, http.StatusOK, map[string]any{
		"response": page, "count": len(page), "total": total,
		"links":  []map[string]string{{"href": requestURL(r), "action": r.Method}},
		"status": 0, "statusCode": http.StatusOK,
	})
}

// fail writes DocSpace's error envelope, with the stack trace a server with debugging on
// would add: clients must never show it.
func fail(w http.ResponseWriter, status int, message, typ string) {
	writeJSON(w, status, map[string]any{
		"error": map[string]any{
			"message": message,
			"type":    typ,
			"stack":   "   at ASC.Data.Backup.BackupAjaxHandler.DemandPermissionsBackup()\n   at ASC.Web.Api.Controllers.BackupController",
			"hresult": -2146233078,
		},
		"status":     1,
		"statusCode": status,
	})
}

func unauthorized(w http.ResponseWriter) {
	fail(w, http.StatusUnauthorized, "Unauthorized", "System.Security.Authentication.AuthenticationException")
}

func methodNotAllowed(w http.ResponseWriter, allow string) {
	w.Header().Set("Allow", allow)
	fail(w, http.StatusMethodNotAllowed, "Method not allowed", "")
}

func (p *Portal) rateHeaders(w http.ResponseWriter) {
	remaining := max(rateLimit-int(p.rateUsed.Add(1)), 0)
	w.Header().Set("X-RateLimit-Limit", strconv.Itoa(rateLimit))
	w.Header().Set("X-RateLimit-Remaining", strconv.Itoa(remaining))
	w.Header().Set("X-RateLimit-Reset", strconv.Itoa(60))
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

func requestURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host + r.URL.RequestURI()
}

// apiTime formats like DocSpace: 7-digit fraction with the portal's offset. The mock's
// portal lives at UTC+3 so clients must honour offsets.
func apiTime(t time.Time) string {
	return t.In(portalZone).Format("2006-01-02T15:04:05.0000000-07:00")
}

// apiLocalTime is the offset-less form some fields use (UTC wall clock).
func apiLocalTime(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05")
}

var portalZone = time.FixedZone("MSK", 3*60*60)

func notFoundPage(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	_, _ = io.WriteString(w, "<!DOCTYPE html>\n<html><head><title>404 - Page not found</title></head>\n<body><h1>ONLYOFFICE DocSpace</h1><p>The page you requested does not exist.</p></body></html>\n")
}

// bindBody binds a JSON body the ASP.NET way: names case-insensitive (encoding/json is),
// unknown names ignored, an empty body binds nothing, wrong types are a validation failure
// naming the field. It reports whether binding succeeded (else it answered).
func (p *Portal) bindBody(w http.ResponseWriter, r *http.Request, out any) bool {
	raw, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err == nil && len(strings.TrimSpace(string(raw))) > 0 {
		err = json.Unmarshal(raw, out)
	}
	if err != nil {
		field := "body"
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			field = te.Field
		}
		p.invalid(w, r, field, "The JSON value could not be converted.")
		return false
	}
	return true
}
