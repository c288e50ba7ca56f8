package provider

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"
	goplugin "github.com/hashicorp/go-plugin"
	"github.com/hashicorp/go-version"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// terraformCLI runs the real CLI from TF_ACC_TERRAFORM_PATH in a working directory of its
// own, against this provider served in process (as terraform-plugin-testing does), for
// what terraform-plugin-testing cannot drive: `apply -invoke`, progress lines in the
// output, signals to the CLI process.
type terraformCLI struct {
	t       *testing.T
	bin     string
	dir     string
	version *version.Version
	tofu    bool
	// env is added to every command's environment (useBuiltProvider's CLI configuration).
	env []string
	// builtProvider: the CLI starts the provider binary itself (useBuiltProvider).
	builtProvider bool
}

// cliFeature is something only some CLIs have; a test that needs it skips elsewhere.
type cliFeature struct {
	name      string
	terraform *version.Version // oldest Terraform with it
	tofu      bool             // whether OpenTofu has it
}

var (
	featureActions       = cliFeature{"actions", version.Must(version.NewVersion("1.14.0")), false}
	featureListResources = cliFeature{"list resources and terraform query", version.Must(version.NewVersion("1.14.0")), false}
	featureWriteOnly     = cliFeature{"write-only attributes", version.Must(version.NewVersion("1.11.0")), true}
	featureFunctions     = cliFeature{"provider functions", version.Must(version.NewVersion("1.8.0")), true}
	featureEphemeral     = cliFeature{"ephemeral resources", version.Must(version.NewVersion("1.10.0")), true}
	// Terraform has no for_each on provider blocks; OpenTofu since 1.9.
	featureProviderForEach = cliFeature{"for_each on provider blocks", version.Must(version.NewVersion("999.0.0")), true}
)

// newTerraformCLI returns a CLI runner for an acceptance test, skipping the test when
// TF_ACC is unset or the CLI lacks one of the features. A missing binary is a failure,
// not a skip.
func newTerraformCLI(t *testing.T, needs ...cliFeature) *terraformCLI {
	t.Helper()
	if os.Getenv(resource.EnvTfAcc) == "" {
		t.Skip("acceptance test: set TF_ACC=1 and TF_ACC_TERRAFORM_PATH")
	}
	bin := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if bin == "" {
		t.Fatal("TF_ACC_TERRAFORM_PATH is not set: point it at the terraform or tofu binary (make test does)")
	}
	out, err := exec.Command(bin, "version", "-json").Output()
	if err != nil {
		t.Fatalf("%s version -json: %v", bin, err)
	}
	var v struct {
		Version string `json:"terraform_version"`
	}
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatalf("%s version -json: %v", bin, err)
	}
	c := &terraformCLI{t: t, bin: bin, dir: t.TempDir(), version: version.Must(version.NewVersion(v.Version)),
		tofu: filepath.Base(bin) == "tofu" || os.Getenv("TF_ACC_PROVIDER_HOST") == "registry.opentofu.org"}
	for _, f := range needs {
		if !c.supports(f) {
			t.Skipf("%s has no %s", c, f.name)
		}
	}
	return c
}

// supports says whether the CLI has a feature.
func (c *terraformCLI) supports(f cliFeature) bool {
	if c.tofu {
		return f.tofu
	}
	return !c.version.LessThan(f.terraform)
}

func (c *terraformCLI) String() string {
	if c.tofu {
		return "OpenTofu " + c.version.String()
	}
	return "Terraform " + c.version.String()
}

// writeConfig replaces the working directory's main.tf.
func (c *terraformCLI) writeConfig(config string) {
	c.t.Helper()
	c.writeFile("main.tf", config)
}

// writeFile writes a file into the working directory (a .tfquery.hcl file, a module's
// file in a subdirectory, say).
func (c *terraformCLI) writeFile(name, content string) {
	c.t.Helper()
	target := filepath.Join(c.dir, name)
	if err := os.MkdirAll(filepath.Dir(target), 0o700); err != nil {
		c.t.Fatal(err)
	}
	if err := os.WriteFile(target, []byte(content), 0o600); err != nil {
		c.t.Fatal(err)
	}
}

// serveProvider serves a fresh provider for one CLI command and returns the
// TF_REATTACH_PROVIDERS value that points the CLI at it, and a function that stops it.
// Each command gets its own server: a StopProvider (sent on interrupt) ends a server for
// good.
func (c *terraformCLI) serveProvider() (string, func()) {
	c.t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	reattach := make(chan *goplugin.ReattachConfig, 1)
	closed := make(chan struct{})
	go func() {
		err := tf6server.Serve("registry.terraform.io/hashicorp/docspace",
			func() tfprotov6.ProviderServer { return providerserver.NewProtocol6(New("test")())() },
			tf6server.WithDebug(ctx, reattach, closed), tf6server.WithGoPluginLogger(hclog.NewNullLogger()), tf6server.WithLoggingSink(c.t))
		if err != nil {
			c.t.Errorf("serving the provider: %v", err)
			close(reattach)
		}
	}()
	cfg, ok := <-reattach
	if !ok || cfg == nil {
		cancel()
		c.t.Fatal("the provider server did not start")
	}
	addr := map[string]any{
		"Protocol": string(cfg.Protocol), "ProtocolVersion": cfg.ProtocolVersion, "Pid": cfg.Pid, "Test": cfg.Test,
		"Addr": map[string]string{"Network": cfg.Addr.Network(), "String": cfg.Addr.String()},
	}
	info := map[string]any{}
	// The tests' configurations name no source (hashicorp/docspace); the examples name the
	// registry's (docspace-terraform/docspace).
	for _, host := range []string{"registry.terraform.io", "registry.opentofu.org"} {
		info[host+"/hashicorp/docspace"] = addr
		info[host+"/docspace-terraform/docspace"] = addr
	}
	raw, _ := json.Marshal(info)
	return string(raw), func() {
		cancel()
		<-closed
	}
}

// cliProcess is a CLI command started in the working directory.
type cliProcess struct {
	cmd  *exec.Cmd
	out  *outputBuffer
	done chan struct{} // closed when the command has ended
	err  error         // the command's result, once done is closed
}

// start starts a CLI command with a provider served for it alone.
func (c *terraformCLI) start(args ...string) *cliProcess {
	c.t.Helper()
	env := append(os.Environ(), "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1")
	stopProvider := func() {}
	if !c.builtProvider {
		var reattach string
		reattach, stopProvider = c.serveProvider()
		env = append(env, "TF_REATTACH_PROVIDERS="+reattach)
	}
	p := &cliProcess{cmd: exec.Command(c.bin, args...), out: newOutputBuffer(), done: make(chan struct{})}
	p.cmd.Dir = c.dir
	env = append(env, c.env...)
	p.cmd.Env = env
	p.cmd.Stdout, p.cmd.Stderr = p.out, p.out
	if err := p.cmd.Start(); err != nil {
		stopProvider()
		c.t.Fatal(err)
	}
	go func() {
		p.err = p.cmd.Wait()
		stopProvider()
		close(p.done)
	}()
	c.t.Cleanup(func() {
		_ = p.cmd.Process.Kill() // only if a failed test left it running
		<-p.done
	})
	return p
}

// waitFor blocks until the output contains want. It fails the test if the command ends
// first or nothing comes within the timeout (a hang).
func (p *cliProcess) waitFor(t *testing.T, want string, timeout time.Duration) {
	t.Helper()
	deadline := time.After(timeout)
	for {
		text, changed := p.out.snapshot()
		if strings.Contains(text, want) {
			return
		}
		select {
		case <-changed:
		case <-p.done:
			if text, _ := p.out.snapshot(); !strings.Contains(text, want) {
				t.Fatalf("the command ended (%v) before printing %q:\n%s", p.err, want, text)
			}
			return
		case <-deadline:
			t.Fatalf("no %q in the output after %s:\n%s", want, timeout, text)
		}
	}
}

// wait waits for the command to end and returns its output and error.
func (p *cliProcess) wait() (string, error) {
	<-p.done
	text, _ := p.out.snapshot()
	return text, p.err
}

// run runs a command to its end and returns its combined output and error.
func (c *terraformCLI) run(args ...string) (string, error) {
	c.t.Helper()
	out, err := c.start(args...).wait()
	c.t.Logf("$ %s %s (%v)\n%s", filepath.Base(c.bin), strings.Join(args, " "), err, out)
	return out, err
}

// mustRun runs a command that must succeed.
func (c *terraformCLI) mustRun(args ...string) string {
	c.t.Helper()
	out, err := c.run(args...)
	if err != nil {
		c.t.Fatalf("%s %s: %v", filepath.Base(c.bin), strings.Join(args, " "), err)
	}
	return out
}

// init runs terraform init for the current configuration.
func (c *terraformCLI) init() {
	c.t.Helper()
	if c.builtProvider {
		return // dev_overrides need no init (and init would ask the registry here)
	}
	c.mustRun("init", "-no-color", "-input=false")
}

// applyArgs are the arguments of an unattended apply.
var applyArgs = []string{"apply", "-no-color", "-input=false", "-auto-approve"}

// apply runs terraform apply -auto-approve with extra arguments.
func (c *terraformCLI) apply(args ...string) (string, error) {
	c.t.Helper()
	return c.run(append(applyArgs, args...)...)
}

// outputBuffer collects a command's output and tells waiters when more arrives.
type outputBuffer struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	changed chan struct{}
}

func newOutputBuffer() *outputBuffer { return &outputBuffer{changed: make(chan struct{})} }

func (b *outputBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	n, err := b.buf.Write(p)
	close(b.changed)
	b.changed = make(chan struct{})
	return n, err
}

// snapshot returns the output so far and a channel closed at the next write.
func (b *outputBuffer) snapshot() (string, <-chan struct{}) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String(), b.changed
}

// The provider binary, built once per test run for the tests that need what only separate
// plugin processes give: in-process serving hands every provider instance (aliases,
// OpenTofu's for_each) the same provider object, so the last one configured wins.
var (
	builtProviderOnce sync.Once
	builtProviderDir  string
	errBuiltProvider  error
)

// useBuiltProvider makes the CLI start the provider binary itself, one process per
// provider instance, through dev_overrides.
func (c *terraformCLI) useBuiltProvider() {
	c.t.Helper()
	builtProviderOnce.Do(func() {
		dir, err := os.MkdirTemp("", "docspace-provider-build")
		if err != nil {
			errBuiltProvider = err
			return
		}
		builtProviderDir = dir
		cmd := exec.Command("go", "build", "-o", filepath.Join(dir, "terraform-provider-docspace"), ".")
		cmd.Dir = filepath.Join("..", "..")
		if out, err := cmd.CombinedOutput(); err != nil {
			errBuiltProvider = fmt.Errorf("go build: %w\n%s", err, out)
		}
	})
	if errBuiltProvider != nil {
		c.t.Fatal(errBuiltProvider)
	}
	rc := filepath.Join(c.t.TempDir(), "dev.tfrc")
	overrides := fmt.Sprintf("provider_installation {\n  dev_overrides {\n    \"hashicorp/docspace\" = %q\n    \"docspace-terraform/docspace\" = %q\n  }\n  direct {}\n}\n",
		builtProviderDir, builtProviderDir)
	if err := os.WriteFile(rc, []byte(overrides), 0o600); err != nil {
		c.t.Fatal(err)
	}
	c.env = append(c.env, "TF_CLI_CONFIG_FILE="+rc)
	c.builtProvider = true
}
