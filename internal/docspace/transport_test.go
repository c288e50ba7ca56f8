package docspace_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

func TestClientReusesConnections(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{}, mockportal.Owner)
	for range 20 {
		if err := client.DeleteBackupHistory(context.Background(), false); err != nil {
			t.Fatal(err)
		}
	}
	if got := srv.ConnStats().Accepted; got != 1 {
		t.Errorf("20 sequential calls opened %d connections, want 1", got)
	}
	_ = http.StatusOK
}

func TestTLS_PrivateCA(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{TLS: true, Backups: 1})
	newClient := func(opts docspace.TransportOptions) *docspace.Client {
		transport, err := docspace.NewTransport(opts)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(transport.CloseIdleConnections)
		c, err := docspace.New(docspace.Config{PortalURL: srv.URL, APIKey: srv.Key(mockportal.Owner), MaxRetries: 3, HTTPClient: &http.Client{Transport: transport}})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	// Untrusted: a certificate error, not retried.
	_, err := newClient(docspace.TransportOptions{}).BackupHistory(context.Background(), false)
	if err == nil || !strings.Contains(err.Error(), "x509") {
		t.Fatalf("untrusted certificate: %v", err)
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("%d requests got through an untrusted TLS handshake", n)
	}
	if _, err := newClient(docspace.TransportOptions{CACertificatesPEM: []byte(srv.CAPEM)}).BackupHistory(context.Background(), false); err != nil {
		t.Errorf("trusted CA: %v", err)
	}
	if _, err := newClient(docspace.TransportOptions{InsecureSkipVerify: true}).BackupHistory(context.Background(), false); err != nil {
		t.Errorf("insecure_skip_verify: %v", err)
	}
	if _, err := docspace.NewTransport(docspace.TransportOptions{CACertificatesPEM: []byte("junk")}); err == nil {
		t.Error("junk CA accepted")
	}
}

func TestPlainHTTPOnlyToLoopback(t *testing.T) {
	for url, ok := range map[string]bool{
		"http://127.0.0.1:8080":        true,
		"http://localhost":             true,
		"http://[::1]:1":               true,
		"https://docspace.example":     true,
		"http://docspace.example":      false,
		"http://10.0.0.5":              false,
		"http://127.0.0.1.nip.example": false,
	} {
		_, err := docspace.New(docspace.Config{PortalURL: url, APIKey: "k"})
		if (err == nil) != ok {
			t.Errorf("%s: err = %v, want ok=%v", url, err, ok)
		}
		if _, err := docspace.New(docspace.Config{PortalURL: url, APIKey: "k", AllowInsecureHTTP: true}); err != nil {
			t.Errorf("%s with AllowInsecureHTTP: %v", url, err)
		}
	}
}

func TestClientCapsConnectionsPerPortal(t *testing.T) {
	srv, client := newPortal(t, mockportal.Options{}, mockportal.Owner)
	srv.InjectFault(mockportal.Fault{Times: -1, Delay: mockportal.Duration(20 * time.Millisecond)})
	errs := make(chan error, 40)
	for range 40 {
		go func() { errs <- client.DeleteBackupHistory(context.Background(), false) }()
	}
	for range 40 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	if stats := srv.ConnStats(); stats.Accepted > docspace.MaxConnsPerPortal {
		t.Errorf("40 concurrent calls opened %d connections, want at most %d", stats.Accepted, docspace.MaxConnsPerPortal)
	}
}
