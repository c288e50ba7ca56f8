package mockportal_test

import (
	"strings"
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestCSP_DomainsAndHeader(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	owner := asRole(t, srv, mockportal.Owner)
	anon := call(t, "GET", srv.URL+"/api/2.0/security/csp", nil)
	if anon.status != 200 || listLenOf(response(anon)["domains"]) != 0 || !strings.HasPrefix(response(anon)["header"].(string), "default-src 'self'") {
		t.Fatalf("anonymous read of a new portal: %d %s", anon.status, anon.raw)
	}
	a := owner.api("POST", "security/csp", `{"domains":["https://intranet.example.com","*.example.org","partner.example.net"]}`)
	if a.status != 200 || !strings.Contains(response(a)["header"].(string), "*.example.org") {
		t.Fatalf("save: %d %s", a.status, a.raw)
	}
	if got := srv.CSPDomains(); len(got) != 3 {
		t.Errorf("stored %v", got)
	}
	for _, bad := range []string{`"exämple.com"`, `"http://"`} {
		if a := owner.api("POST", "security/csp", `{"domains":[`+bad+`]}`); a.status != 400 || !strings.Contains(errMessage(a), "Domains") {
			t.Errorf("%s: %d %s", bad, a.status, a.raw)
		}
	}
	if len(srv.CSPDomains()) != 3 {
		t.Error("a refused list replaced the stored one")
	}
	huge := `"` + strings.Repeat("a", 3000) + `.example.com"`
	if a := owner.api("POST", "security/csp", `{"domains":[`+huge+`]}`); a.status != 403 {
		t.Errorf("a header past 15 KB: %d", a.status)
	}
	if a := asRole(t, srv, mockportal.RoomAdmin).api("POST", "security/csp", `{"domains":[]}`); a.status != 403 {
		t.Errorf("room admin: %d", a.status)
	}
	if a := owner.api("POST", "security/csp", `{"domains":[]}`); a.status != 200 || len(srv.CSPDomains()) != 0 {
		t.Errorf("clearing: %d %v", a.status, srv.CSPDomains())
	}
}

func listLenOf(v any) int {
	list, _ := v.([]any)
	return len(list)
}
