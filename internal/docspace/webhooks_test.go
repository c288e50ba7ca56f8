package docspace_test

import (
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

// A known HMAC-SHA256 vector, in DocSpace's header form (upper-case hex).
func TestWebhookSignature(t *testing.T) {
	got := docspace.WebhookSignature("key", []byte("The quick brown fox jumps over the lazy dog"))
	if want := "sha256=F7BC83F430538424B13298E6AA6FB143EF4D59A14946175997479DBC2D1A3CD8"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestRoomURL(t *testing.T) {
	if got := docspace.RoomURL("https://portal.example.com/docspace", 7); got != "https://portal.example.com/docspace/rooms/shared/7/filter?folder=7" {
		t.Errorf("got %s", got)
	}
}
