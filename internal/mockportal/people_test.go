package mockportal_test

import (
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestPeople_SelfAnswersForEveryKey(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	for _, role := range mockportal.Roles {
		a := call(t, "GET", srv.URL+"/api/2.0/people/@self", rawKey(srv.Key(role)))
		me := response(a)
		if a.status != 200 || me["id"] != srv.UserID(role) || me["email"] != string(role)+"@example.test" {
			t.Errorf("%s: %d %s", role, a.status, a.raw)
		}
	}
	if a := call(t, "GET", srv.URL+"/api/2.0/people/@self", nil); a.status != 401 {
		t.Errorf("anonymous: %d", a.status)
	}
}
