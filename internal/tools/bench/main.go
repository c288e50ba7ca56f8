// Command bench measures `terraform apply` of many purge resources with this provider
// against the same DELETEs done by terraform_data + local-exec curl (what a user would
// write instead), on the mock portal over loopback, and writes BENCHMARKS.md and an SVG
// plot. Run it with `make bench`; it is not part of the test suite.
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

type benchCase struct {
	name   string
	config func(srv *mockportal.Server, n int, run string) string
}

var cases = []benchCase{
	{"provider, verify=false", func(srv *mockportal.Server, n int, run string) string {
		return providerHCL(srv) + fmt.Sprintf(`resource "docspace_backup_history_purge" "p" {
  count    = %d
  verify   = false
  triggers = { n = count.index, run = %q }
}
`, n, run)
	}},
	{"provider, verify=true", func(srv *mockportal.Server, n int, run string) string {
		return providerHCL(srv) + fmt.Sprintf(`resource "docspace_backup_history_purge" "p" {
  count    = %d
  triggers = { n = count.index, run = %q }
}
`, n, run)
	}},
	{"terraform_data + curl", func(srv *mockportal.Server, n int, run string) string {
		return fmt.Sprintf(`resource "terraform_data" "p" {
  count = %d
  input = { n = count.index, run = %q }
  provisioner "local-exec" {
    command = "curl -sf -X DELETE -H 'Authorization: %s' '%s/api/2.0/backup/deletebackuphistory?Dump=false' >/dev/null"
  }
}
`, n, run, srv.Key(mockportal.Owner), srv.URL)
	}},
}

func providerHCL(srv *mockportal.Server) string {
	return fmt.Sprintf(`terraform {
  required_providers {
    docspace = { source = "docspace-terraform/docspace" }
  }
}
provider "docspace" {
  portal_url = %q
  api_key    = %q
}
`, srv.URL, srv.Key(mockportal.Owner))
}

// sample is one timed apply.
type sample struct {
	wall        time.Duration
	requests    int
	connections int
	peakRSSKB   int
	cpu         time.Duration
}

func main() {
	terraform := flag.String("terraform", "terraform", "Terraform CLI to use for every case")
	countsFlag := flag.String("counts", "1,10,100,1000", "resource counts")
	runs := flag.Int("runs", 3, "runs per case and count (interleaved)")
	out := flag.String("out", "BENCHMARKS.md", "report to write")
	svg := flag.String("svg", "benchmarks.svg", "plot to write")
	httpProvider := flag.String("http-provider", "", "a hashicorp/http provider binary: also run the launch pairing (make bench builds one)")
	launchOnly := flag.Bool("launch-only", false, "run only the launch pairing and print its table")
	launchRuns := flag.Int("launch-runs", 10, "runs per side of the launch pairing (interleaved)")
	flag.Parse()
	if err := run(*terraform, *countsFlag, *runs, *out, *svg, launchOptions{*httpProvider, *launchOnly, *launchRuns}); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// launchOptions say whether and how to run the launch pairing (launch.go).
type launchOptions struct {
	httpProvider string
	only         bool
	runs         int
}

func run(terraform, countsFlag string, runs int, out, svgPath string, launch launchOptions) error {
	var counts []int
	for _, c := range strings.Split(countsFlag, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(c))
		if err != nil {
			return err
		}
		counts = append(counts, n)
	}
	work, err := os.MkdirTemp("", "docspace-bench")
	if err != nil {
		return err
	}
	defer func() { _ = os.RemoveAll(work) }()

	// The release build, wrapped so every provider launch appends its peak RSS and CPU time.
	realBin := filepath.Join(work, "real", "terraform-provider-docspace")
	build := exec.Command("go", "build", "-trimpath", "-ldflags", "-s -w -X main.version=bench", "-o", realBin, ".")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("building the provider: %w", err)
	}
	info, err := os.Stat(realBin)
	if err != nil {
		return err
	}
	usageFile := filepath.Join(work, "usage.txt")
	overrides := filepath.Join(work, "bin")
	if err := os.MkdirAll(overrides, 0o755); err != nil {
		return err
	}
	wrapper := fmt.Sprintf("#!/bin/sh\nexec /usr/bin/time -f '%%M %%U %%S' -a -o %q %q \"$@\"\n", usageFile, realBin)
	if err := os.WriteFile(filepath.Join(overrides, "terraform-provider-docspace"), []byte(wrapper), 0o755); err != nil { //nolint:gosec // an executable wrapper
		return err
	}
	if launch.httpProvider != "" {
		if err := wrapProvider(overrides, "http", launch.httpProvider, filepath.Join(overrides, "http.usage")); err != nil {
			return err
		}
		if err := wrapProvider(overrides, "docspace", realBin, filepath.Join(overrides, "docspace.usage")); err != nil {
			return err
		}
	}
	rc := filepath.Join(work, "terraformrc")
	if err := os.WriteFile(rc, []byte(fmt.Sprintf("provider_installation {\n  dev_overrides {\n    \"docspace-terraform/docspace\" = %q\n    \"hashicorp/http\" = %q\n  }\n  direct {}\n}\n", overrides, overrides)), 0o600); err != nil {
		return err
	}
	env := append(os.Environ(), "TF_CLI_CONFIG_FILE="+rc, "CHECKPOINT_DISABLE=1", "TF_IN_AUTOMATION=1")

	srv, err := mockportal.Start(mockportal.Options{})
	if err != nil {
		return err
	}
	defer srv.Close()

	launchTable := ""
	if launch.httpProvider != "" {
		if launchTable, err = runLaunchPairing(terraform, env, work, overrides, srv, launch.runs); err != nil {
			return err
		}
		fmt.Println(launchTable)
		if launch.only {
			return nil
		}
		// The scaling cases read the purge wrapper's usage file again.
		if err := os.WriteFile(filepath.Join(overrides, "terraform-provider-docspace"), []byte(wrapper), 0o755); err != nil { //nolint:gosec // an executable wrapper
			return err
		}
	}
	results := map[string]map[int][]sample{}
	for _, c := range cases {
		results[c.name] = map[int][]sample{}
	}
	for _, n := range counts {
		for r := range runs {
			// Interleave, rotating the order each run so no case always goes first.
			for i := range cases {
				c := cases[(i+r)%len(cases)]
				s, err := applyOnce(terraform, env, work, usageFile, srv, c, n, fmt.Sprintf("%d-%d", n, r))
				if err != nil {
					return fmt.Errorf("%s, %d resources: %w", c.name, n, err)
				}
				results[c.name][n] = append(results[c.name][n], s)
				fmt.Fprintf(os.Stderr, "%-24s n=%-5d run %d: %v, %.2f requests/resource, %d connections\n", c.name, n, r+1, s.wall.Round(time.Millisecond), float64(s.requests)/float64(n), s.connections)
			}
		}
	}
	startup, err := startupTime(realBin, 10)
	if err != nil {
		return err
	}
	report := renderReport(terraform, counts, runs, results, startup, info.Size())
	if launchTable != "" {
		report += "\n## Launch cost against hashicorp/http\n\n" + launchTable
	}
	if err := os.WriteFile(out, []byte(report), 0o644); err != nil { //nolint:gosec // a report
		return err
	}
	if err := os.WriteFile(svgPath, []byte(renderSVG(counts, results)), 0o644); err != nil { //nolint:gosec // a plot
		return err
	}
	fmt.Fprintf(os.Stderr, "wrote %s and %s\n", out, svgPath)
	return nil
}

func applyOnce(terraform string, env []string, work, usageFile string, srv *mockportal.Server, c benchCase, n int, run string) (sample, error) {
	dir, err := os.MkdirTemp(work, "case")
	if err != nil {
		return sample{}, err
	}
	defer func() { _ = os.RemoveAll(dir) }()
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(c.config(srv, n, run)), 0o600); err != nil {
		return sample{}, err
	}
	if strings.HasPrefix(c.name, "terraform_data") {
		if err := tf(terraform, env, dir, "init", "-input=false", "-no-color"); err != nil {
			return sample{}, err
		}
	}
	_ = os.Remove(usageFile)
	srv.ResetRequests()
	connsBefore := srv.ConnStats().Accepted
	start := time.Now()
	if err := tf(terraform, env, dir, "apply", "-auto-approve", "-input=false", "-no-color", "-parallelism=10"); err != nil {
		return sample{}, err
	}
	s := sample{wall: time.Since(start), requests: len(srv.Requests()), connections: srv.ConnStats().Accepted - connsBefore}
	s.peakRSSKB, s.cpu = readUsage(usageFile)
	return s, nil
}

func tf(terraform string, env []string, dir string, args ...string) error {
	cmd := exec.Command(terraform, args...)
	cmd.Dir, cmd.Env = dir, env
	if outp, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("terraform %s: %w\n%s", args[0], err, tail(string(outp), 2000))
	}
	return nil
}

// readUsage sums CPU time and takes the peak RSS over every provider launch of one apply.
func readUsage(path string) (int, time.Duration) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return 0, 0
	}
	peak, cpu := 0, 0.0
	for _, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		var rss int
		var user, sys float64
		if _, err := fmt.Sscanf(line, "%d %f %f", &rss, &user, &sys); err == nil {
			peak = max(peak, rss)
			cpu += user + sys
		}
	}
	return peak, time.Duration(cpu * float64(time.Second))
}

// startupTime is how long the release binary takes from exec to its plugin handshake
// line: the moment Terraform can send it the first schema request.
func startupTime(bin string, n int) (time.Duration, error) {
	var times []time.Duration
	for range n {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		cmd := exec.CommandContext(ctx, bin)
		cmd.Env = append(os.Environ(), "TF_PLUGIN_MAGIC_COOKIE=d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2", "PLUGIN_PROTOCOL_VERSIONS=6")
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			cancel()
			return 0, err
		}
		start := time.Now()
		if err := cmd.Start(); err != nil {
			cancel()
			return 0, err
		}
		line, err := bufio.NewReader(stdout).ReadString('\n')
		elapsed := time.Since(start)
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		cancel()
		if err != nil || !strings.Contains(line, "|6|") {
			return 0, fmt.Errorf("no plugin handshake from %s: %q: %w", bin, line, err)
		}
		times = append(times, elapsed)
	}
	return median(times), nil
}

func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[len(s)-n:]
}

func renderReport(terraform string, counts []int, runs int, results map[string]map[int][]sample, startup time.Duration, binSize int64) string {
	version, _ := exec.Command(terraform, "version").Output()
	var b strings.Builder
	fmt.Fprintf(&b, "# Benchmarks\n\nGenerated by `make bench` on %s (%s/%s, %d cores) with %s.\n\n",
		time.Now().UTC().Format("2006-01-02"), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), strings.SplitN(strings.TrimSpace(string(version)), "\n", 2)[0])
	b.WriteString("Method: `terraform apply -auto-approve -parallelism=10` of N purge resources (distinct `triggers`) against the mock " +
		"portal on loopback, each case in a fresh directory and state. The baseline does the same DELETEs with a `terraform_data` " +
		"resource and a `local-exec` provisioner running curl. Cases are interleaved (rotating order); the table gives the median " +
		fmt.Sprintf("of %d runs and the spread (min-max). Requests and TCP connections come from the mock's own counters; RSS and CPU ", runs) +
		"from GNU time around every provider process of the apply (CPU summed, RSS the peak). Figures from a shared 2-core machine: " +
		"compare ratios, not absolute times.\n\n")
	b.WriteString("| case | N | wall (median) | spread | per resource | ratio to baseline | requests / resource | TCP connections | provider peak RSS | provider CPU |\n")
	b.WriteString("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, n := range counts {
		base := median(walls(results[cases[2].name][n]))
		for _, c := range cases {
			ss := results[c.name][n]
			w := walls(ss)
			med := median(w)
			rss, cpu := "-", "-"
			if !strings.HasPrefix(c.name, "terraform_data") {
				rss = fmt.Sprintf("%.1f MiB", float64(medianInt(ss, func(s sample) int { return s.peakRSSKB }))/1024)
				cpu = fmt.Sprint(median(mapSamples(ss, func(s sample) time.Duration { return s.cpu })).Round(time.Millisecond))
			}
			fmt.Fprintf(&b, "| %s | %d | %v | %v-%v | %v | %.2f | %.2f | %d | %s | %s |\n", c.name, n, med.Round(time.Millisecond),
				slices.Min(w).Round(time.Millisecond), slices.Max(w).Round(time.Millisecond), (med / time.Duration(n)).Round(10*time.Microsecond),
				float64(med)/float64(base), float64(medianInt(ss, func(s sample) int { return s.requests }))/float64(n),
				medianInt(ss, func(s sample) int { return s.connections }), rss, cpu)
		}
	}
	fmt.Fprintf(&b, "\nProvider start-up, exec to plugin handshake (ready for the first schema request): %v (median of 10).\n", startup.Round(100*time.Microsecond))
	fmt.Fprintf(&b, "Release binary size (`-trimpath -ldflags \"-s -w\"`, linux/amd64): %.1f MiB.\n\n", float64(binSize)/(1<<20))
	b.WriteString("![wall time against resource count](benchmarks.svg)\n\n")
	b.WriteString("Go micro-benchmarks (`go test -bench . -benchmem ./internal/...`) cover the client's decode paths, the schema " +
		"request and an in-process purge round trip; `make bench` prints them before running this harness.\n")
	return b.String()
}

func walls(ss []sample) []time.Duration {
	return mapSamples(ss, func(s sample) time.Duration { return s.wall })
}

func mapSamples(ss []sample, f func(sample) time.Duration) []time.Duration {
	out := make([]time.Duration, len(ss))
	for i, s := range ss {
		out[i] = f(s)
	}
	return out
}

func medianInt(ss []sample, f func(sample) int) int {
	v := make([]int, len(ss))
	for i, s := range ss {
		v[i] = f(s)
	}
	slices.Sort(v)
	return v[len(v)/2]
}
