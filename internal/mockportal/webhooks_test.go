package mockportal_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestWebhooks_Validation(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	admin := asRole(t, srv, mockportal.DocSpaceAdmin)
	for body, want := range map[string]string{
		`{"name":"a","uri":"http://127.0.0.1:9/x","secretKey":"Long-enough-1"}`:                  "URL host is in the blacklist",
		`{"name":"a","uri":"http://localhost/x","secretKey":"Long-enough-1"}`:                    "URL resolves to a blacklisted IP address",
		`{"name":"a","uri":"http://hooks.example.com/x","secretKey":"Long-enough-1","ssl":true}`: "HTTPS is required",
		`{"name":"a","uri":"ftp://hooks.example.com/x","secretKey":"Long-enough-1"}`:             "Invalid URL scheme: ftp",
		`{"name":"a","uri":"https://hooks.example.com/x","secretKey":"short"}`:                   "Password must contain from 8 to 30 characters",
	} {
		if a := admin.api("POST", "settings/webhook", body); a.status != 400 || !strings.HasPrefix(errMessage(a), want) {
			t.Errorf("%s: %d %s", body, a.status, a.raw)
		}
	}
	srv.SetWebhookHeadStatus("https://down.example.com/x", 404)
	if a := admin.api("POST", "settings/webhook", `{"name":"a","uri":"https://down.example.com/x","secretKey":"Long-enough-1"}`); a.status != 400 || !strings.HasPrefix(errMessage(a), "Webhook URL is not available") {
		t.Errorf("HEAD: %d %s", a.status, a.raw)
	}
	if a := asRole(t, srv, mockportal.User).api("POST", "settings/webhook", `{"name":"a","uri":"https://hooks.example.com/x","secretKey":"Long-enough-1","triggers":1}`); a.status != 400 || errMessage(a) != "Trigger is not available" {
		t.Errorf("user.created is not for users: %d %s", a.status, a.raw)
	}
	if a := asRole(t, srv, mockportal.Guest).api("GET", "settings/webhook", ""); a.status != 403 {
		t.Errorf("guests: %d", a.status)
	}
}

func TestWebhooks_LifecycleAndSignedDelivery(t *testing.T) {
	var got struct {
		body      []byte
		signature string
	}
	receiver := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got.body, _ = io.ReadAll(r.Body)
		got.signature = r.Header.Get("x-docspace-signature-256")
	}))
	t.Cleanup(receiver.Close)
	srv := mockportal.StartTest(t, mockportal.Options{AllowLoopbackWebhooks: true})
	admin := asRole(t, srv, mockportal.DocSpaceAdmin)
	a := admin.api("POST", "settings/webhook", `{"name":"audit","uri":"`+receiver.URL+`","secretKey":"Long-enough-1","enabled":true,"triggers":384}`)
	hook := response(a)
	if a.status != 200 || hook["triggers"] != float64(384) || hook["secretKey"] != nil {
		t.Fatalf("create: %d %s", a.status, a.raw)
	}
	if a := admin.api("POST", "settings/webhook", `{"name":"audit","uri":"`+receiver.URL+`","secretKey":"Long-enough-1"}`); a.status != 400 {
		t.Errorf("same name and URL: %d", a.status)
	}
	if list := admin.api("GET", "settings/webhook", "").body["response"].([]any); len(list) != 1 || strings.Contains(a.raw, "Long-enough-1") {
		t.Errorf("list: %v", list)
	}
	if d, _ := srv.DeliverWebhookEvent(t.Context(), "room.created", "", map[string]any{"id": 1}); len(d) != 0 {
		t.Errorf("a trigger it does not subscribe to was delivered: %+v", d)
	}
	d, err := srv.DeliverWebhookEvent(t.Context(), "file.created", "", map[string]any{"id": 7})
	if err != nil || len(d) != 1 || d[0].Status != 200 {
		t.Fatalf("delivery: %+v %v", d, err)
	}
	mac := hmac.New(sha256.New, []byte("Long-enough-1"))
	mac.Write(got.body)
	if want := "sha256=" + strings.ToUpper(hex.EncodeToString(mac.Sum(nil))); got.signature != want {
		t.Errorf("signature %q, want %q", got.signature, want)
	}
	log := admin.api("GET", "settings/webhooks/log", "")
	if log.body["total"] != float64(1) {
		t.Errorf("log: %s", log.raw)
	}
	id := int(hook["id"].(float64))
	upd := admin.api("PUT", "settings/webhook", `{"id":`+strconv.Itoa(id)+`,"name":"audit2","uri":"`+receiver.URL+`","enabled":false}`)
	if upd.status != 200 || response(upd)["name"] != "audit2" || srv.Webhooks()[0].Secret != "Long-enough-1" {
		t.Errorf("update keeps the secret when none is sent: %s", upd.raw)
	}
	if a := admin.api("DELETE", "settings/webhook/"+strconv.Itoa(id), ""); a.status != 200 {
		t.Errorf("delete: %d", a.status)
	}
	if a := admin.api("DELETE", "settings/webhook/"+strconv.Itoa(id), ""); a.status != 404 {
		t.Errorf("second delete: %d", a.status)
	}
}
