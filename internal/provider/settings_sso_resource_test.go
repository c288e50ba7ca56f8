package provider

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

// testCertificate is a throw-away self-signed certificate and its key, both PEM.
func testCertificate(t *testing.T, name string) (certPEM, keyPEM string) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: name}, NotBefore: time.Now(), NotAfter: time.Now().Add(time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, _ := x509.MarshalPKCS8PrivateKey(key)
	return string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})), string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}))
}

func ssoConfig(srv *mockportal.Server, idpCert, extra string) string {
	return settingConfig(srv, mockportal.DocSpaceAdmin, "sso_settings", fmt.Sprintf(`enabled          = true
  idp_entity_id    = "https://idp.example.com/metadata"
  idp_sso_url      = "https://idp.example.com/sso"
  idp_certificates = [%q]
  verify_algorithm = "rsa-sha256"
  new_users_type   = "room_admin"
  login_label      = "Sign in with Example ID"
  %s`, idpCert, extra))
}

// Create, clean re-plan, drift (switched off in DocSpace) repaired, import, destroy back
// to SSO off; on a self-hosted server, without the SP certificate (every CLI).
func TestAccSSOSettings_Lifecycle(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{Standalone: true})
	idpCert, _ := testCertificate(t, "idp.example.com")
	config := ssoConfig(srv, idpCert, "")
	check := func(*terraform.State) error {
		s := srv.SSO()
		if s.EnableSSO == nil || !*s.EnableSSO || s.UsersType != 1 || s.IdPSettings.EntityID != "https://idp.example.com/metadata" ||
			len(s.IdPCertificates) != 1 || s.IdPCertificateAdvanced["verifyAlgorithm"] != "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256" {
			return fmt.Errorf("SSO on the portal: %+v", s)
		}
		return nil
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config, Check: check},
			{
				PreConfig: func() {
					s := srv.SSO()
					off := false
					s.EnableSSO = &off
					srv.SetSSO(s)
				},
				Config: config, ConfigPlanChecks: expectUpdate("docspace_sso_settings.this"), Check: check,
			},
			{ResourceName: "docspace_sso_settings.this", ImportState: true, ImportStateId: "portal", ImportStateVerify: true},
		},
		CheckDestroy: func(*terraform.State) error {
			if s := srv.SSO(); s.EnableSSO != nil && *s.EnableSSO {
				return fmt.Errorf("SSO still on after destroy: %+v", s)
			}
			return nil
		},
	})
}

// On a Cloud plan without SSO: a warning at plan, refused at apply before anything is sent.
func TestAccSSOSettings_RefusedWithoutThePlan(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	idpCert, _ := testCertificate(t, "idp.example.com")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps:                    []resource.TestStep{{Config: ssoConfig(srv, idpCert, ""), ExpectError: expectError(`Single sign-on is not part of this portal's plan`)}},
	})
	for _, line := range requestLines(srv) {
		if strings.HasPrefix(line, "POST") {
			t.Errorf("written although refused: %s", line)
		}
	}
}

// The SP private key is write-only: sent with every save, never in plan, output or state
// (DocSpace itself returns it in clear); the certificate needs it.
func TestAccSSOSettings_WriteOnlyPrivateKey(t *testing.T) {
	tf := newTerraformCLI(t, featureWriteOnly)
	srv := mockportal.StartTest(t, mockportal.Options{Standalone: true})
	idpCert, _ := testCertificate(t, "idp.example.com")
	spCert, spKey := testCertificate(t, "portal.example.com")
	tf.writeConfig(ssoConfig(srv, idpCert, fmt.Sprintf(`sp_certificate = %q
  sp_private_key_wo = %q
  sp_private_key_wo_version = 1
  sign_auth_requests = true`, spCert, spKey)))
	tf.init()
	outputs := []string{tf.mustRun("plan", "-no-color", "-input=false")}
	out, err := tf.apply()
	if err != nil {
		t.Fatalf("apply: %v\n%s", err, out)
	}
	if s := srv.SSO(); len(s.SPCertificates) != 1 || s.SPCertificates[0].Key != spKey {
		t.Errorf("the key did not reach the portal: %+v", s.SPCertificates)
	}
	outputs = append(outputs, out, tf.mustRun("show", "-json"), tf.mustRun("state", "pull"))
	if out, err := tf.run("plan", "-no-color", "-detailed-exitcode", "-input=false"); err != nil {
		t.Errorf("an unchanged configuration plans changes (%v):\n%s", err, out)
	}
	keyBody := strings.Split(strings.TrimSpace(spKey), "\n")[1]
	for i, o := range outputs {
		if strings.Contains(o, keyBody) {
			t.Errorf("output %d shows the SP private key", i)
		}
	}
	tf.writeConfig(ssoConfig(srv, idpCert, fmt.Sprintf("sp_certificate = %q", spCert)))
	if out, err := tf.run("plan", "-no-color", "-input=false"); err == nil || !strings.Contains(out, "sp_private_key_wo") {
		t.Errorf("a certificate without its key must be refused at plan (%v):\n%s", err, out)
	}
}
