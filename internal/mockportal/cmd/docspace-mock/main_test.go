package main

import (
	"bufio"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestCommand builds docspace-mock, starts it as tools outside Go would, and checks the one
// JSON line it prints, that the printed key works, and that SIGTERM stops it.
func TestCommand(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "docspace-mock")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-listen", "127.0.0.1:0", "-backups", "3", "-owner-key", "sk-fixed-owner", "-standalone", "-dump-backups", "2", "-rooms", "2", "-job-duration", "1s", "-machine-key", "fixed-machine-key")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(stdout).ReadBytes('\n')
	if err != nil {
		t.Fatal(err)
	}
	var start struct {
		URL        string            `json:"url"`
		Keys       map[string]string `json:"keys"`
		MachineKey string            `json:"machine_key"`
		BaseDomain string            `json:"base_domain"`
	}
	if err := json.Unmarshal(line, &start); err != nil || start.URL == "" || len(start.Keys) != 5 || start.Keys["owner"] != "sk-fixed-owner" ||
		start.MachineKey != "fixed-machine-key" || !strings.HasPrefix(start.BaseDomain, "localhost:") {
		t.Fatalf("start line %s: %v", line, err)
	}
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, start.URL+"/api/2.0/backup/getbackuphistory?dump=true", nil)
	req.Header.Set("Authorization", start.Keys["docspace_admin"])
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var body struct {
		Count int `json:"count"`
	}
	_ = json.NewDecoder(resp.Body).Decode(&body)
	_ = resp.Body.Close()
	if resp.StatusCode != 200 || body.Count != 2 {
		t.Errorf("dump history: %d, count %d", resp.StatusCode, body.Count)
	}
	req, _ = http.NewRequestWithContext(ctx, http.MethodGet, start.URL+"/api/2.0/files/rooms", nil)
	req.Header.Set("Authorization", start.Keys["owner"])
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var rooms struct {
		Response struct {
			Total int `json:"total"`
		} `json:"response"`
	}
	_ = json.NewDecoder(resp.Body).Decode(&rooms)
	_ = resp.Body.Close()
	if resp.StatusCode != 200 || rooms.Response.Total != 2 {
		t.Errorf("seeded rooms: %d, total %d", resp.StatusCode, rooms.Response.Total)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("exit after SIGTERM: %v", err)
	}
	_ = os.Remove(bin)
}

// With -print-env the command prints shell exports of the two variables the provider reads,
// and -room-quotas starts the portal with room quotas on.
func TestCommand_PrintEnvAndRoomQuotas(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "docspace-mock")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-listen", "127.0.0.1:0", "-print-env", "-room-quotas", "-owner-key", "sk-it's-owner")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = cmd.Process.Signal(syscall.SIGTERM); _ = cmd.Wait() }()
	r := bufio.NewReader(stdout)
	urlLine, _ := r.ReadString('\n')
	keyLine, _ := r.ReadString('\n')
	if !strings.HasPrefix(urlLine, "export DOCSPACE_PORTAL_URL='http://127.0.0.1:") || keyLine != "export DOCSPACE_API_KEY='sk-it'\\''s-owner'\n" {
		t.Fatalf("exports: %q %q", urlLine, keyLine)
	}
	// The shell reads the quoting back to the key itself.
	out, err := exec.Command("sh", "-c", urlLine+keyLine+`printf %s "$DOCSPACE_PORTAL_URL|$DOCSPACE_API_KEY"`).Output()
	portal, key, _ := strings.Cut(string(out), "|")
	if err != nil || key != "sk-it's-owner" {
		t.Fatalf("sourced: %q %v", out, err)
	}
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, portal+"/api/2.0/portal/payment/quota", nil)
	req.Header.Set("Authorization", key)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var quota struct {
		Response struct {
			RoomsQuota struct {
				EnableQuota bool `json:"enableQuota"`
			} `json:"roomsQuota"`
		} `json:"response"`
	}
	_ = json.NewDecoder(resp.Body).Decode(&quota)
	_ = resp.Body.Close()
	if !quota.Response.RoomsQuota.EnableQuota {
		t.Error("-room-quotas did not switch room quotas on")
	}
}
