// Command test-registry serves GoReleaser output as a provider registry over HTTPS on
// loopback, to try an install by hand. It prints the CA certificate's path and the CLI
// configuration to use, then serves until interrupted.
//
//	go run ./internal/testregistry/cmd/test-registry -dist dist -version 0.1.0 -key pubkey.asc -key-id 0123456789ABCDEF
package main

import (
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/testregistry"
)

func main() {
	dist := flag.String("dist", "dist", "GoReleaser output directory (archives, SHA256SUMS, its .sig)")
	version := flag.String("version", "", "the version those archives are")
	keyFile := flag.String("key", "", "ASCII-armoured public key that signed SHA256SUMS")
	keyID := flag.String("key-id", "", "its key id (16 hex digits)")
	flag.Parse()
	key, err := os.ReadFile(*keyFile)
	if err != nil || *version == "" {
		fmt.Fprintln(os.Stderr, "test-registry: -version and a readable -key are required:", err)
		os.Exit(2)
	}
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	reg := testregistry.Start("docspace-terraform", "docspace")
	abs, _ := filepath.Abs(*dist)
	reg.Publish(testregistry.Release{Version: *version, Dir: abs, PublicKey: string(key), KeyID: *keyID})
	ca := filepath.Join(os.TempDir(), "test-registry-ca.pem")
	if err := os.WriteFile(ca, reg.CAPEM(), 0o600); err != nil {
		reg.Close()
		fmt.Fprintln(os.Stderr, "test-registry:", err)
		os.Exit(1)
	}
	fmt.Printf("export SSL_CERT_FILE=%s\n# CLI configuration (TF_CLI_CONFIG_FILE):\nhost \"registry.terraform.io\" {\n  services = {\n    \"providers.v1\" = %q\n  }\n}\n", ca, reg.ProvidersURL())
	<-stop
	reg.Close()
}
