package docspace

import (
	"bytes"
	"encoding/json"
	"html"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

var titleRE = regexp.MustCompile(`(?is)<title[^>]*>(.*?)</title>`)

// errorMessage extracts what a person should read from an error body: DocSpace's
// error.message for JSON, the <title> or first line of anything else. The stack trace and
// the rest of an HTML page are never returned.
func errorMessage(raw []byte) (message string, fromPortal bool) {
	var env envelope
	if json.Unmarshal(raw, &env) == nil {
		if env.Error != nil && env.Error.Message != "" {
			return sanitizeMessage(env.Error.Message), true
		}
		if m := problemMessage(env.Response); m != "" {
			return m, true
		}
	}
	return snippet(raw), false
}

// problemMessage words a validation failure: DocSpace answers those with HTTP 400 in the
// success envelope, whose response is an RFC 7807 problem with the message per field
// ({"title": "...", "errors": {"Title": ["The field Title must be ..."]}}).
func problemMessage(raw json.RawMessage) string {
	var problem struct {
		Title  string              `json:"title"`
		Errors map[string][]string `json:"errors"`
	}
	if len(raw) == 0 || json.Unmarshal(raw, &problem) != nil || (problem.Title == "" && len(problem.Errors) == 0) {
		return ""
	}
	fields := make([]string, 0, len(problem.Errors))
	for field := range problem.Errors {
		fields = append(fields, field)
	}
	sort.Strings(fields)
	parts := make([]string, 0, len(fields))
	for _, f := range fields {
		parts = append(parts, f+": "+strings.Join(problem.Errors[f], " "))
	}
	if len(parts) == 0 {
		return sanitizeMessage(problem.Title)
	}
	return sanitizeMessage(strings.Join(parts, "; "))
}

// snippet is the title or first non-empty line of a body, at most 120 characters.
func snippet(raw []byte) string {
	if m := titleRE.FindSubmatch(raw); m != nil {
		if t := sanitizeMessage(html.UnescapeString(string(m[1]))); t != "" {
			return t
		}
	}
	for _, line := range bytes.Split(raw, []byte("\n")) {
		if s := sanitizeMessage(string(line)); s != "" {
			return s
		}
	}
	return ""
}

// sanitizeMessage folds white space, drops control characters and cuts to 120 characters.
func sanitizeMessage(s string) string {
	s = strings.ToValidUTF8(s, "")
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)
	return truncate(strings.Join(strings.Fields(s), " "), 120)
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
