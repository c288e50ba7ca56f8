// Package testregistry is a provider registry for tests: it serves the Terraform provider
// registry protocol (service discovery, the versions list, per-platform download answers)
// over HTTPS on loopback, from release archives on disk, the way registry.terraform.io
// and registry.opentofu.org do. The CLIs reach it through a `host` block in their CLI
// configuration, so configurations keep the public source address.
package testregistry

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
)

// Release is one published version: the files GoReleaser wrote for it.
type Release struct {
	Version string
	// Dir holds <name>_<version>_<os>_<arch>.zip, <name>_<version>_SHA256SUMS and
	// <name>_<version>_SHA256SUMS.sig.
	Dir string
	// PublicKey is the ASCII-armoured GPG key that signed SHA256SUMS.
	PublicKey string
	KeyID     string
}

// Registry serves releases of one provider (namespace/type).
type Registry struct {
	Namespace, Type string

	srv      *httptest.Server
	mu       sync.Mutex
	releases map[string]Release
}

// Start serves a registry with no releases on a free loopback port.
func Start(namespace, typ string) *Registry {
	r := &Registry{Namespace: namespace, Type: typ, releases: map[string]Release{}}
	r.srv = httptest.NewTLSServer(http.HandlerFunc(r.serve))
	return r
}

// URL is the registry's base URL (https://127.0.0.1:port).
func (r *Registry) URL() string { return r.srv.URL }

// ProvidersURL is the providers.v1 service URL, for a CLI configuration's host block.
func (r *Registry) ProvidersURL() string { return r.srv.URL + "/v1/providers/" }

// CAPEM is the certificate a client must trust.
func (r *Registry) CAPEM() []byte {
	return pemCert(r.srv.Certificate().Raw)
}

// Close stops the server.
func (r *Registry) Close() { r.srv.Close() }

// Publish adds (or replaces) a release.
func (r *Registry) Publish(rel Release) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.releases[rel.Version] = rel
}

var downloadRE = regexp.MustCompile(`^/v1/providers/([^/]+)/([^/]+)/([^/]+)/download/([^/]+)/([^/]+)$`)

func (r *Registry) serve(w http.ResponseWriter, req *http.Request) {
	prefix := "/v1/providers/" + r.Namespace + "/" + r.Type
	switch {
	case req.URL.Path == "/.well-known/terraform.json":
		writeJSON(w, map[string]string{"providers.v1": "/v1/providers/"})
	case req.URL.Path == prefix+"/versions":
		r.versions(w)
	case strings.HasPrefix(req.URL.Path, "/files/"):
		r.file(w, req)
	default:
		m := downloadRE.FindStringSubmatch(req.URL.Path)
		if m == nil || m[1] != r.Namespace || m[2] != r.Type {
			http.NotFound(w, req)
			return
		}
		r.download(w, m[3], m[4], m[5])
	}
}

func (r *Registry) versions(w http.ResponseWriter) {
	r.mu.Lock()
	defer r.mu.Unlock()
	type platform struct {
		OS   string `json:"os"`
		Arch string `json:"arch"`
	}
	var list []map[string]any
	for _, rel := range r.releases {
		list = append(list, map[string]any{"version": rel.Version, "protocols": []string{"6.0"},
			"platforms": []platform{{runtime.GOOS, runtime.GOARCH}}})
	}
	sort.Slice(list, func(i, j int) bool { return list[i]["version"].(string) < list[j]["version"].(string) })
	writeJSON(w, map[string]any{"versions": list})
}

// download answers where a platform's archive, checksums and signature are, with the key.
func (r *Registry) download(w http.ResponseWriter, version, goos, arch string) {
	r.mu.Lock()
	rel, ok := r.releases[version]
	r.mu.Unlock()
	if !ok || goos != runtime.GOOS || arch != runtime.GOARCH {
		http.NotFound(w, nil)
		return
	}
	name := fmt.Sprintf("terraform-provider-%s_%s", r.Type, version)
	zip := fmt.Sprintf("%s_%s_%s.zip", name, goos, arch)
	sum, err := shasumOf(filepath.Join(rel.Dir, name+"_SHA256SUMS"), zip)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	base := r.srv.URL + "/files/" + version + "/"
	writeJSON(w, map[string]any{
		"protocols": []string{"6.0"}, "os": goos, "arch": arch, "filename": zip,
		"download_url": base + zip, "shasums_url": base + name + "_SHA256SUMS",
		"shasums_signature_url": base + name + "_SHA256SUMS.sig", "shasum": sum,
		"signing_keys": map[string]any{"gpg_public_keys": []map[string]string{{"key_id": rel.KeyID, "ascii_armor": rel.PublicKey}}},
	})
}

func (r *Registry) file(w http.ResponseWriter, req *http.Request) {
	version, name, ok := strings.Cut(strings.TrimPrefix(req.URL.Path, "/files/"), "/")
	r.mu.Lock()
	rel, known := r.releases[version]
	r.mu.Unlock()
	if !ok || !known || strings.Contains(name, "/") || strings.HasPrefix(name, ".") {
		http.NotFound(w, req)
		return
	}
	http.ServeFile(w, req, filepath.Join(rel.Dir, name)) //nolint:gosec // name has no slash and no leading dot: it stays in the release's directory
}

// shasumOf finds a file's checksum in a SHA256SUMS file.
func shasumOf(sumsFile, name string) (string, error) {
	b, err := os.ReadFile(sumsFile) //nolint:gosec // a release's own checksums file
	if err != nil {
		return "", err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) == 2 && f[1] == name {
			return f[0], nil
		}
	}
	return "", fmt.Errorf("%s is not in %s", name, sumsFile)
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}
