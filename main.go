package main

import (
	"context"
	"flag"
	"log"
	"os"
	runtimedebug "runtime/debug"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/provider"
)

// version is set by GoReleaser at release time.
var version = "dev"

// sdkLogVariables are the variables through which a user asks Terraform, or the plugin
// SDK, for provider logs.
var sdkLogVariables = []string{
	"TF_LOG", "TF_LOG_PROVIDER", "TF_LOG_PROVIDER_DOCSPACE", "TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK",
}

// quietSDKLogsUnlessAsked turns the plugin SDK's logs off when nobody asked for logs. By
// default the SDK writes every TRACE line as JSON to Terraform, which drops them unless
// TF_LOG is set: measured, that was about a quarter of the provider's CPU time per
// resource (see BENCHMARKS.md). Any of the variables above keeps the default behaviour.
func quietSDKLogsUnlessAsked() {
	for _, name := range sdkLogVariables {
		if os.Getenv(name) != "" {
			return
		}
	}
	for _, name := range []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER"} {
		_ = os.Setenv(name, "OFF")
	}
}

// softMemoryLimit bounds the heap growth the GC target below allows: past it the GC
// collects as often as it must, so large applies stay near the default GC's footprint.
const softMemoryLimit = 96 << 20

// tuneGC trades memory for CPU within a bound, unless GOGC or GOMEMLIMIT ask otherwise.
// The provider lives for one Terraform command and keeps a small heap, so the default GC
// target collects very often: a target of 400 cut about a quarter of the CPU per resource,
// but let peak RSS grow from 105 to 179 MiB at 1000 resources; the soft limit keeps the
// CPU gain at small heaps and the memory bound at large ones (BENCHMARKS.md).
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		runtimedebug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		runtimedebug.SetMemoryLimit(softMemoryLimit)
	}
}

func main() {
	var debug bool
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers like delve")
	flag.Parse()
	quietSDKLogsUnlessAsked()
	tuneGC()

	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address: "registry.terraform.io/docspace-terraform/docspace",
		Debug:   debug,
	})
	if err != nil {
		log.Fatal(err.Error())
	}
}
