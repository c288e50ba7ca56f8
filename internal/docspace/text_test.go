package docspace_test

import (
	"strings"
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

func TestSnippet(t *testing.T) {
	for in, want := range map[string]string{
		"<html><head><title>\n 502 Bad\tGateway </title></head><body>x</body></html>": "502 Bad Gateway",
		"\n\n  upstream timed out\nsecond line":                                       "upstream timed out",
		"<title>A &amp; B</title>":                                                    "A & B",
		strings.Repeat("x", 500):                                                      strings.Repeat("x", 120) + "…",
		"":                                                                            "",
	} {
		if got := docspace.Snippet([]byte(in)); got != want {
			t.Errorf("snippet(%.30q) = %q, want %q", in, got, want)
		}
	}
}
