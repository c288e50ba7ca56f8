package testregistry_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
	"github.com/docspace-terraform/terraform-provider-docspace/internal/testregistry"
)

// TestInstallPath proves what a user pinning the provider from a registry gets: GoReleaser
// archives signed with a GPG key, served by a registry over HTTPS, installed, verified and
// locked by the real CLIs, then run against the mock portal. `make test-release` runs it
// (RELEASE_TEST=1, GORELEASER, RELEASE_TEST_CLIS=comma-separated CLI binaries).
func TestInstallPath(t *testing.T) {
	if os.Getenv("RELEASE_TEST") == "" {
		t.Skip("run by make test-release")
	}
	goreleaser := os.Getenv("GORELEASER")
	clis := strings.Split(os.Getenv("RELEASE_TEST_CLIS"), ",")
	if goreleaser == "" || len(clis) == 0 || clis[0] == "" {
		t.Fatal("set GORELEASER and RELEASE_TEST_CLIS (make test-release does)")
	}
	key := newSigningKey(t, "release")
	releases := map[string]testregistry.Release{}
	for _, v := range []string{"0.1.0", "0.2.0"} {
		releases[v] = buildRelease(t, goreleaser, key, v)
	}
	for _, cli := range clis {
		t.Run(filepath.Base(filepath.Dir(cli)), func(t *testing.T) {
			t.Run("install, upgrade, lock, run", func(t *testing.T) { installUpgradeAndRun(t, cli, releases) })
			t.Run("tampered archive", func(t *testing.T) { refusesTamperedArchive(t, cli, releases["0.1.0"]) })
			t.Run("bad signature", func(t *testing.T) { refusesBadSignature(t, cli, releases["0.1.0"]) })
			t.Run("lock file mismatch", func(t *testing.T) { refusesLockMismatch(t, cli, releases["0.1.0"]) })
		})
	}
}

// signingKey is a throw-away GPG key in a keyring of its own.
type signingKey struct {
	home, fingerprint, armor string
}

func newSigningKey(t *testing.T, name string) signingKey {
	t.Helper()
	home, err := os.MkdirTemp("", "gnupg-") //nolint:usetesting // a short path: gpg-agent's socket path has a length limit
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = exec.Command("gpgconf", "--homedir", home, "--kill", "gpg-agent").Run()
		_ = os.RemoveAll(home)
	})
	_ = os.Chmod(home, 0o700)
	gpg(t, home, "--passphrase", "", "--quick-gen-key", name+" test key <"+name+"@example.test>", "rsa2048", "sign", "never")
	out := gpg(t, home, "--list-keys", "--with-colons")
	m := regexp.MustCompile(`(?m)^fpr:+([0-9A-F]{40}):`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no fingerprint in:\n%s", out)
	}
	return signingKey{home: home, fingerprint: m[1], armor: gpg(t, home, "--armor", "--export", m[1])}
}

func (k signingKey) keyID() string { return k.fingerprint[len(k.fingerprint)-16:] }

func gpg(t *testing.T, home string, args ...string) string {
	t.Helper()
	cmd := exec.Command("gpg", append([]string{"--batch", "--homedir", home, "--pinentry-mode", "loopback"}, args...)...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("gpg %v: %v\n%s", args, err, errOut.String())
	}
	return out.String()
}

// buildRelease runs GoReleaser for this platform with the project's own configuration,
// versioned and signed like a tagged release.
func buildRelease(t *testing.T, goreleaser string, key signingKey, version string) testregistry.Release {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := os.ReadFile(filepath.Join(root, ".goreleaser.yml"))
	if err != nil {
		t.Fatal(err)
	}
	dist := filepath.Join(t.TempDir(), "dist")
	config := string(cfg)
	config = regexp.MustCompile(`(?m)^    goos: .*$`).ReplaceAllString(config, "    goos: ["+runtime.GOOS+"]")
	config = regexp.MustCompile(`(?m)^    goarch: .*$`).ReplaceAllString(config, "    goarch: ["+runtime.GOARCH+"]")
	config = strings.Replace(config, "before:\n  hooks:\n    - go mod tidy\n", "", 1) // the tree must not change under test
	config += fmt.Sprintf("dist: %q\nsnapshot:\n  version_template: %q\n", dist, version)
	cfgFile := filepath.Join(t.TempDir(), "goreleaser.yml")
	if err := os.WriteFile(cfgFile, []byte(config), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(goreleaser, "release", "--snapshot", "--clean", "--skip=publish", "--config", cfgFile)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GNUPGHOME="+key.home, "GPG_FINGERPRINT="+key.fingerprint)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("goreleaser %s: %v\n%s", version, err, out)
	}
	sig := filepath.Join(dist, "terraform-provider-docspace_"+version+"_SHA256SUMS.sig")
	if _, err := os.Stat(sig); err != nil {
		t.Fatalf("GoReleaser did not sign the checksums: %v\n%s", err, out)
	}
	return testregistry.Release{Version: version, Dir: dist, PublicKey: key.armor, KeyID: key.keyID()}
}

// installEnv is a working directory whose CLI configuration sends the public registries'
// host names to reg, trusting its certificate.
type installEnv struct {
	t   *testing.T
	cli string
	dir string
	env []string
}

func newInstallEnv(t *testing.T, cli string, reg *testregistry.Registry) *installEnv {
	t.Helper()
	dir := t.TempDir()
	ca := filepath.Join(dir, "registry-ca.pem")
	rc := filepath.Join(dir, "cli.tfrc")
	if err := os.WriteFile(ca, reg.CAPEM(), 0o600); err != nil {
		t.Fatal(err)
	}
	hosts := ""
	for _, host := range []string{"registry.terraform.io", "registry.opentofu.org"} {
		hosts += fmt.Sprintf("host %q {\n  services = {\n    \"providers.v1\" = %q\n  }\n}\n", host, reg.ProvidersURL())
	}
	if err := os.WriteFile(rc, []byte(hosts), 0o600); err != nil {
		t.Fatal(err)
	}
	work := filepath.Join(dir, "work")
	_ = os.Mkdir(work, 0o700)
	return &installEnv{t: t, cli: cli, dir: work, env: append(os.Environ(),
		"TF_CLI_CONFIG_FILE="+rc, "SSL_CERT_FILE="+ca, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1", "TF_PLUGIN_CACHE_DIR=")}
}

func (e *installEnv) config(constraint, extra string) {
	e.t.Helper()
	cfg := fmt.Sprintf(`terraform {
  required_providers {
    docspace = {
      source  = "docspace-terraform/docspace"
      version = %q
    }
  }
}
%s`, constraint, extra)
	if err := os.WriteFile(filepath.Join(e.dir, "main.tf"), []byte(cfg), 0o600); err != nil {
		e.t.Fatal(err)
	}
}

func (e *installEnv) run(args ...string) (string, error) {
	cmd := exec.Command(e.cli, args...)
	cmd.Dir, cmd.Env = e.dir, e.env
	out, err := cmd.CombinedOutput()
	e.t.Logf("$ %s %s (%v)\n%s", filepath.Base(e.cli), strings.Join(args, " "), err, out)
	return string(out), err
}

func (e *installEnv) lockFile() string {
	b, _ := os.ReadFile(filepath.Join(e.dir, ".terraform.lock.hcl"))
	return string(b)
}

func installUpgradeAndRun(t *testing.T, cli string, releases map[string]testregistry.Release) {
	reg := testregistry.Start("docspace-terraform", "docspace")
	defer reg.Close()
	reg.Publish(releases["0.1.0"])
	e := newInstallEnv(t, cli, reg)
	e.config("~> 0.1", "")
	if _, err := e.run("init", "-no-color", "-input=false"); err != nil {
		t.Fatal("init failed")
	}
	lock := e.lockFile()
	if !strings.Contains(lock, `version     = "0.1.0"`) || !strings.Contains(lock, `"h1:`) || !strings.Contains(lock, `"zh:`) {
		t.Fatalf("lock file after init:\n%s", lock)
	}

	reg.Publish(releases["0.2.0"])
	srv := mockportal.StartTest(t, mockportal.Options{Backups: 3})
	e.config(">= 0.2", fmt.Sprintf(`
provider "docspace" {
  portal_url = %q
  api_key    = %q
}

resource "docspace_backup_history_purge" "this" {}
`, srv.URL, srv.Key(mockportal.Owner)))
	if _, err := e.run("init", "-no-color", "-input=false", "-upgrade"); err != nil {
		t.Fatal("init -upgrade failed")
	}
	if lock := e.lockFile(); !strings.Contains(lock, `version     = "0.2.0"`) || !strings.Contains(lock, `"h1:`) || !strings.Contains(lock, `"zh:`) {
		t.Fatalf("lock file after the upgrade:\n%s", lock)
	}
	if out, err := e.run("apply", "-no-color", "-input=false", "-auto-approve"); err != nil || len(srv.Records(false)) != 0 {
		t.Fatalf("the installed provider did not purge: %v\n%s", err, out)
	}
	requests := srv.Requests()
	if len(requests) == 0 || !strings.HasPrefix(requests[0].UserAgent, "terraform-provider-docspace/0.2.0 ") {
		t.Errorf("User-Agent %q does not carry the release's version", requests[0].UserAgent)
	}
	runShippedMock(t, e.dir)
}

// runShippedMock finds the docspace-mock command the release archive installed next to
// the provider, starts it, and checks that it serves: its start line's owner key reads
// the owner's profile.
func runShippedMock(t *testing.T, work string) {
	t.Helper()
	var bin string
	_ = filepath.WalkDir(filepath.Join(work, ".terraform", "providers"), func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.TrimSuffix(d.Name(), ".exe") == "docspace-mock" && strings.Contains(path, "0.2.0") {
			bin = path
		}
		return err
	})
	if bin == "" {
		t.Fatal("the release archive holds no docspace-mock next to the provider")
	}
	cmd := exec.Command(bin, "-listen", "127.0.0.1:0")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting the shipped docspace-mock: %v", err)
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }() // our own child, by its PID
	var start struct {
		URL  string            `json:"url"`
		Keys map[string]string `json:"keys"`
	}
	if err := json.NewDecoder(stdout).Decode(&start); err != nil || start.URL == "" {
		t.Fatalf("the shipped docspace-mock printed no start line: %v", err)
	}
	req, _ := http.NewRequest(http.MethodGet, start.URL+"/api/2.0/people/@self", nil)
	req.Header.Set("Authorization", start.Keys["owner"])
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("the shipped docspace-mock does not answer: %v", err)
	}
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("the shipped docspace-mock answered %d to the owner's key", resp.StatusCode)
	}
}

// copyRelease makes a copy of a release's files to damage.
func copyRelease(t *testing.T, rel testregistry.Release) testregistry.Release {
	t.Helper()
	dir := t.TempDir()
	entries, _ := os.ReadDir(rel.Dir)
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(rel.Dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	rel.Dir = dir
	return rel
}

func expectInitRefused(t *testing.T, cli string, rel testregistry.Release, want string) {
	t.Helper()
	reg := testregistry.Start("docspace-terraform", "docspace")
	defer reg.Close()
	reg.Publish(rel)
	e := newInstallEnv(t, cli, reg)
	e.config("~> 0.1", "")
	out, err := e.run("init", "-no-color", "-input=false")
	if err == nil || !wrapped(want).MatchString(out) {
		t.Errorf("init should refuse with %q (err %v):\n%s", want, err, out)
	}
	_ = filepath.WalkDir(filepath.Join(e.dir, ".terraform"), func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasPrefix(d.Name(), "terraform-provider-docspace") {
			t.Errorf("a refused provider was installed: %s", path)
		}
		return nil
	})
}

func refusesTamperedArchive(t *testing.T, cli string, rel testregistry.Release) {
	bad := copyRelease(t, rel)
	zip := filepath.Join(bad.Dir, fmt.Sprintf("terraform-provider-docspace_%s_%s_%s.zip", rel.Version, runtime.GOOS, runtime.GOARCH))
	f, err := os.OpenFile(zip, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = f.WriteString("tampered")
	_ = f.Close()
	expectInitRefused(t, cli, bad, `archive has incorrect checksum`)
}

func refusesBadSignature(t *testing.T, cli string, rel testregistry.Release) {
	bad := copyRelease(t, rel)
	other := newSigningKey(t, "intruder")
	sums := filepath.Join(bad.Dir, "terraform-provider-docspace_"+rel.Version+"_SHA256SUMS")
	_ = os.Remove(sums + ".sig")
	gpg(t, other.home, "--local-user", other.fingerprint, "--output", sums+".sig", "--detach-sign", sums)
	expectInitRefused(t, cli, bad, `authentication signature from unknown issuer`)
}

func refusesLockMismatch(t *testing.T, cli string, rel testregistry.Release) {
	reg := testregistry.Start("docspace-terraform", "docspace")
	defer reg.Close()
	reg.Publish(rel)
	e := newInstallEnv(t, cli, reg)
	e.config("~> 0.1", "")
	if _, err := e.run("init", "-no-color", "-input=false"); err != nil {
		t.Fatal("init failed")
	}
	// Someone's lock file records other hashes: the same version must not install.
	lock := regexp.MustCompile(`"(h1|zh):[^"]+"`).ReplaceAllString(e.lockFile(), `"h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="`)
	if err := os.WriteFile(filepath.Join(e.dir, ".terraform.lock.hcl"), []byte(lock), 0o600); err != nil {
		t.Fatal(err)
	}
	_ = os.RemoveAll(filepath.Join(e.dir, ".terraform"))
	out, err := e.run("init", "-no-color", "-input=false")
	if err == nil || !wrapped(`match any of the checksums previously recorded in the dependency lock file`).MatchString(out) {
		t.Errorf("init with a lock file that does not match should refuse (err %v):\n%s", err, out)
	}
}

// wrapped matches a message however the CLI wraps its lines.
func wrapped(text string) *regexp.Regexp {
	return regexp.MustCompile("(?is)" + strings.ReplaceAll(regexp.QuoteMeta(text), " ", `\s+`))
}
