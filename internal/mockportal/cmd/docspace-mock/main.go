// Command docspace-mock serves an in-memory DocSpace portal for demos and for tools outside
// Go. It prints one JSON line with its URL and the API key of every role, then serves
// until SIGINT or SIGTERM.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "address to listen on (port 0 picks a free port)")
	backups := flag.Int("backups", 0, "portal backup records to seed")
	dumpBackups := flag.Int("dump-backups", 0, "server (dump) backup records to seed")
	standalone := flag.Bool("standalone", false, "act as a self-hosted server (dump operations allowed)")
	backupDisabled := flag.Bool("backup-disabled", false, "answer 402 on every backup endpoint")
	ownerKey := flag.String("owner-key", "", "fixed API key for the owner (random when empty)")
	useTLS := flag.Bool("tls", false, "serve HTTPS with a certificate from a throw-away CA (printed as ca_pem)")
	prefix := flag.String("path-prefix", "", "serve the API below this path, like a portal behind a reverse proxy")
	rooms := flag.Int("rooms", 0, "custom rooms to seed, owned by the owner")
	paid := flag.Bool("paid", false, "put a SaaS portal on a paid plan with every plan feature (restores among them)")
	ownerPassword := flag.String("owner-password", "", "the owner's login password (random when empty)")
	restoreDuration := flag.Duration("restore-duration", mockportal.DefaultRestoreDuration, "how long a restore runs")
	jobDuration := flag.Duration("job-duration", mockportal.DefaultJobDuration, "how long asynchronous jobs (archive, delete rooms, change a user's type down) run")
	allowLoopbackWebhooks := flag.Bool("allow-loopback-webhooks", false, "let webhook URLs on loopback addresses through the private-address check")
	paidSeats := flag.Int("paid-seats", 0, "paid accounts (owner, admins, room admins) the plan allows; 0 is no limit")
	roomQuotas := flag.Bool("room-quotas", false, "start with room quotas switched on (a new DocSpace portal has them off)")
	machineKey := flag.String("machine-key", "", "the server's core.machinekey, which signs hosting API tokens (random when empty; printed as machine_key)")
	printEnv := flag.Bool("print-env", false, "print shell exports of DOCSPACE_PORTAL_URL and DOCSPACE_API_KEY (the owner's key) instead of the JSON start line")
	flag.Parse()

	// Listen for signals before announcing readiness: a tool that reads the start line and
	// signals at once must find the handler in place.
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)

	srv, err := mockportal.Listen(*listen, mockportal.New(mockportal.Options{
		Standalone: *standalone, BackupDisabled: *backupDisabled,
		Backups: *backups, DumpBackups: *dumpBackups, OwnerKey: *ownerKey, PathPrefix: *prefix, TLS: *useTLS,
		Rooms: *rooms, JobDuration: *jobDuration, Paid: *paid, OwnerPassword: *ownerPassword, RestoreDuration: *restoreDuration,
		PaidSeats: *paidSeats, AllowLoopbackWebhooks: *allowLoopbackWebhooks, RoomQuotas: *roomQuotas, MachineKey: *machineKey,
	}))
	if err != nil {
		fmt.Fprintln(os.Stderr, "docspace-mock:", err)
		os.Exit(1)
	}
	keys := map[string]string{}
	for role, key := range srv.Keys() {
		keys[string(role)] = key
	}
	if *printEnv {
		// The provider reads these two variables, so `. file` after this line is enough to
		// point any configuration without a provider block at this portal.
		fmt.Printf("export DOCSPACE_PORTAL_URL=%s\nexport DOCSPACE_API_KEY=%s\n", shellQuote(srv.URL), shellQuote(keys[string(mockportal.Owner)]))
		<-stop
		srv.Close()
		return
	}
	line, _ := json.Marshal(struct {
		URL           string            `json:"url"`
		Keys          map[string]string `json:"keys"`
		OwnerEmail    string            `json:"owner_email"`
		OwnerPassword string            `json:"owner_password"`
		CAPEM         string            `json:"ca_pem,omitempty"`
		MachineKey    string            `json:"machine_key"`
		BaseDomain    string            `json:"base_domain"`
	}{srv.URL, keys, srv.OwnerEmail(), srv.OwnerPassword(), srv.CAPEM, srv.MachineKey(), srv.BaseDomain()})
	fmt.Println(string(line))
	<-stop
	srv.Close()
}

// shellQuote quotes s for a POSIX shell.
func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }
