package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

// The launch pairing: Terraform starts a provider several times per command and asks for
// its whole schema each time, so a provider's launch cost grows with its schema. The same
// GET of the backup history, read by this provider's data source and by hashicorp/http's,
// shows what launching this provider costs beyond the plugin floor every provider pays.

// launchSide is one half of the pairing.
type launchSide struct {
	name     string
	provider string // the provider's type name, for its wrapper and usage file
	config   func(srv *mockportal.Server) string
}

var launchSides = []launchSide{
	{"docspace_backup_history data source", "docspace", func(srv *mockportal.Server) string {
		return providerHCL(srv) + `data "docspace_backup_history" "h" {}
output "backups" { value = length(data.docspace_backup_history.h.backups) }
`
	}},
	{"hashicorp/http data source", "http", func(srv *mockportal.Server) string {
		return fmt.Sprintf(`terraform {
  required_providers {
    http = { source = "hashicorp/http" }
  }
}
data "http" "h" {
  url             = "%s/api/2.0/backup/getbackuphistory"
  request_headers = { Authorization = %q }
}
output "bytes" { value = length(data.http.h.body) }
`, srv.URL, srv.Key(mockportal.Owner))
	}},
}

// launchSample is one apply of one side.
type launchSample struct {
	wall     time.Duration
	cpu      time.Duration
	launches int
}

// wrapProvider puts a wrapper for bin into dir that appends each launch's peak RSS and CPU
// time to usage.
func wrapProvider(dir, name, bin, usage string) error {
	wrapper := fmt.Sprintf("#!/bin/sh\nexec /usr/bin/time -f '%%M %%U %%S' -a -o %q %q \"$@\"\n", usage, bin)
	return os.WriteFile(filepath.Join(dir, "terraform-provider-"+name), []byte(wrapper), 0o755) //nolint:gosec // an executable wrapper
}

// runLaunchPairing applies each side runs times, interleaved, and renders the comparison.
func runLaunchPairing(terraform string, env []string, work, overrides string, srv *mockportal.Server, runs int) (string, error) {
	results := map[string][]launchSample{}
	for r := range runs {
		for i := range launchSides {
			side := launchSides[(i+r)%len(launchSides)]
			s, err := launchOnce(terraform, env, work, overrides, srv, side)
			if err != nil {
				return "", fmt.Errorf("%s: %w", side.name, err)
			}
			results[side.name] = append(results[side.name], s)
			fmt.Fprintf(os.Stderr, "%-38s run %d: %v wall, %v provider CPU, %d launches\n", side.name, r+1, s.wall.Round(time.Millisecond), s.cpu.Round(time.Millisecond), s.launches)
		}
	}
	return renderLaunch(results, runs), nil
}

func launchOnce(terraform string, env []string, work, overrides string, srv *mockportal.Server, side launchSide) (launchSample, error) {
	dir, err := os.MkdirTemp(work, "launch")
	if err != nil {
		return launchSample{}, err
	}
	defer func() { _ = os.RemoveAll(dir) }()
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(side.config(srv)), 0o600); err != nil {
		return launchSample{}, err
	}
	usage := filepath.Join(overrides, side.provider+".usage")
	_ = os.Remove(usage)
	start := time.Now()
	if err := tf(terraform, env, dir, "apply", "-auto-approve", "-input=false", "-no-color"); err != nil {
		return launchSample{}, err
	}
	s := launchSample{wall: time.Since(start)}
	_, s.cpu = readUsage(usage)
	if raw, err := os.ReadFile(usage); err == nil {
		s.launches = len(strings.Split(strings.TrimSpace(string(raw)), "\n"))
	}
	return s, nil
}

func renderLaunch(results map[string][]launchSample, runs int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "| side | wall (median of %d) | spread | provider CPU (median, all launches) | launches per apply |\n|---|---:|---:|---:|---:|\n", runs)
	med := map[string][2]time.Duration{}
	for _, side := range launchSides {
		ss := results[side.name]
		w := make([]time.Duration, len(ss))
		c := make([]time.Duration, len(ss))
		for i, s := range ss {
			w[i], c[i] = s.wall, s.cpu
		}
		med[side.name] = [2]time.Duration{median(w), median(c)}
		fmt.Fprintf(&b, "| %s | %v | %v-%v | %v | %d |\n", side.name, median(w).Round(time.Millisecond),
			slices.Min(w).Round(time.Millisecond), slices.Max(w).Round(time.Millisecond), median(c).Round(time.Millisecond), ss[0].launches)
	}
	ours, theirs := med[launchSides[0].name], med[launchSides[1].name]
	fmt.Fprintf(&b, "\nRatio, this provider to hashicorp/http: %.2fx wall, %.2fx provider CPU.\n",
		float64(ours[0])/float64(theirs[0]), float64(ours[1])/float64(theirs[1]))
	return b.String()
}
