package provider

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Every directory under examples/ is formatted and valid on every CLI that has what it
// uses, so an example can never go stale. Action examples need actions; function examples
// provider functions; list resource examples (.tfquery.hcl) need terraform query.
func TestAccExamples_FormatAndValidate(t *testing.T) {
	newTerraformCLI(t) // skips without TF_ACC
	var dirs []string
	err := filepath.WalkDir("../../examples", func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(path, ".tf") || strings.HasSuffix(path, ".tfquery.hcl")) {
			if dir := filepath.Dir(path); len(dirs) == 0 || dirs[len(dirs)-1] != dir {
				dirs = append(dirs, dir)
			}
		}
		return err
	})
	if err != nil || len(dirs) < 10 {
		t.Fatalf("examples: %v %v", dirs, err)
	}
	for _, dir := range dirs {
		name := strings.TrimPrefix(filepath.ToSlash(dir), "../../examples/")
		t.Run(name, func(t *testing.T) {
			tf := newTerraformCLI(t)
			validate := []string{"validate", "-no-color"}
			switch {
			case usesWriteOnly(t, dir) && !tf.supports(featureWriteOnly):
				t.Skipf("%s has no write-only attributes", tf)
			case strings.HasPrefix(name, "actions/") && !tf.supports(featureActions):
				t.Skipf("%s has no actions", tf)
			case strings.HasPrefix(name, "fleet-opentofu") && !tf.supports(featureProviderForEach):
				t.Skipf("%s has no for_each on provider blocks", tf)
			case strings.HasPrefix(name, "ephemeral-resources/") && !tf.supports(featureEphemeral):
				t.Skipf("%s has no ephemeral resources", tf)
			case strings.HasPrefix(name, "functions/") && !tf.supports(featureFunctions):
				t.Skipf("%s has no provider functions", tf)
			case strings.HasPrefix(name, "list-resources/"):
				if !tf.supports(featureListResources) {
					t.Skipf("%s has no terraform query", tf)
				}
				validate = append(validate, "-query")
			}
			copyExample(t, dir, tf)
			if out, err := tf.run("fmt", "-check", "-diff", "-no-color"); err != nil {
				t.Errorf("not formatted (terraform fmt):\n%s", out)
			}
			tf.init()
			if out, err := tf.run(validate...); err != nil {
				t.Errorf("invalid:\n%s", out)
			}
		})
	}
}

// copyExample puts an example's files, and its local modules below it, into the CLI's
// working directory. List resource examples get the provider block they run with.
func copyExample(t *testing.T, dir string, tf *terraformCLI) {
	t.Helper()
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(path, ".sh") {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		tf.writeFile(rel, string(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(filepath.ToSlash(dir), "list-resources/") {
		tf.writeFile("provider.tf", "provider \"docspace\" {\n  portal_url = \"https://example.onlyoffice.com\"\n}\n")
	}
}

// usesWriteOnly says whether an example sets a write-only attribute (named *_wo).
func usesWriteOnly(t *testing.T, dir string) bool {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err == nil && regexp.MustCompile(`(?m)^\s*\w+_wo\s*=`).Match(b) {
			return true
		}
	}
	return false
}
