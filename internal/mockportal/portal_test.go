package mockportal_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
)

type answer struct {
	status int
	header http.Header
	body   map[string]any
	raw    string
}

func call(t *testing.T, method, url string, setAuth func(*http.Request)) answer {
	t.Helper()
	return callBody(t, method, url, setAuth, "")
}

// callBody sends a JSON body (none when empty).
func callBody(t *testing.T, method, url string, setAuth func(*http.Request), body string) answer {
	t.Helper()
	var reader io.Reader
	if body != "" {
		reader = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, url, reader)
	if err != nil {
		t.Fatal(err)
	}
	if setAuth != nil {
		setAuth(req)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	raw, _ := io.ReadAll(resp.Body)
	a := answer{status: resp.StatusCode, header: resp.Header, raw: string(raw)}
	_ = json.Unmarshal(raw, &a.body)
	return a
}

func rawKey(key string) func(*http.Request) {
	return func(r *http.Request) { r.Header.Set("Authorization", key) }
}

func errMessage(a answer) string {
	e, _ := a.body["error"].(map[string]any)
	m, _ := e["message"].(string)
	return m
}
