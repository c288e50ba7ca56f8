package testregistry_test

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/testregistry"
)

// The protocol answers, without GoReleaser: discovery, versions, download, files.
func TestRegistry_Protocol(t *testing.T) {
	dir := t.TempDir()
	zip := fmt.Sprintf("terraform-provider-docspace_0.1.0_%s_%s.zip", runtime.GOOS, runtime.GOARCH)
	for name, body := range map[string]string{
		zip: "zip bytes",
		"terraform-provider-docspace_0.1.0_SHA256SUMS":     "abc123  " + zip + "\n",
		"terraform-provider-docspace_0.1.0_SHA256SUMS.sig": "sig",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	reg := testregistry.Start("docspace-terraform", "docspace")
	defer reg.Close()
	reg.Publish(testregistry.Release{Version: "0.1.0", Dir: dir, PublicKey: "ARMOR", KeyID: "0123456789ABCDEF"})
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(reg.CAPEM()) {
		t.Fatal("CAPEM is not a certificate")
	}
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}}}
	get := func(path string, into any) string {
		t.Helper()
		resp, err := client.Get(reg.URL() + path)
		if err != nil {
			t.Fatal(err)
		}
		defer func() { _ = resp.Body.Close() }()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("GET %s: %d %s", path, resp.StatusCode, b)
		}
		if into != nil {
			if err := json.Unmarshal(b, into); err != nil {
				t.Fatalf("GET %s: %v", path, err)
			}
		}
		return string(b)
	}
	var discovery map[string]string
	get("/.well-known/terraform.json", &discovery)
	if discovery["providers.v1"] != "/v1/providers/" {
		t.Errorf("discovery %v", discovery)
	}
	var versions struct {
		Versions []struct {
			Version   string   `json:"version"`
			Protocols []string `json:"protocols"`
		} `json:"versions"`
	}
	get("/v1/providers/docspace-terraform/docspace/versions", &versions)
	if len(versions.Versions) != 1 || versions.Versions[0].Version != "0.1.0" || versions.Versions[0].Protocols[0] != "6.0" {
		t.Errorf("versions %+v", versions)
	}
	var download struct {
		Filename            string `json:"filename"`
		DownloadURL         string `json:"download_url"`
		ShasumsURL          string `json:"shasums_url"`
		ShasumsSignatureURL string `json:"shasums_signature_url"`
		Shasum              string `json:"shasum"`
		SigningKeys         struct {
			GPGPublicKeys []struct {
				KeyID      string `json:"key_id"`
				ASCIIArmor string `json:"ascii_armor"`
			} `json:"gpg_public_keys"`
		} `json:"signing_keys"`
	}
	get(fmt.Sprintf("/v1/providers/docspace-terraform/docspace/0.1.0/download/%s/%s", runtime.GOOS, runtime.GOARCH), &download)
	if download.Filename != zip || download.Shasum != "abc123" || download.SigningKeys.GPGPublicKeys[0].ASCIIArmor != "ARMOR" {
		t.Errorf("download %+v", download)
	}
	if body := get(download.DownloadURL[len(reg.URL()):], nil); body != "zip bytes" {
		t.Errorf("archive %q", body)
	}
	resp, err := client.Get(reg.URL() + "/v1/providers/docspace-terraform/docspace/9.9.9/download/linux/amd64")
	if err == nil {
		_ = resp.Body.Close()
	}
	if err != nil || resp.StatusCode != 404 {
		t.Errorf("unknown version: %v %v", resp, err)
	}
}
