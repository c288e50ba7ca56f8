// Command providers-schema prints the provider's schema in `terraform providers schema
// -json` format, built in process, for tfplugindocs --providers-schema.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/provider"
)

func main() {
	out, err := provider.ProvidersSchemaJSON(context.Background())
	if err != nil {
		fmt.Fprintln(os.Stderr, "providers-schema:", err)
		os.Exit(1)
	}
	fmt.Println(string(out))
}
