package main

import (
	"os"
	"testing"
)

func TestQuietSDKLogsUnlessAsked(t *testing.T) {
	quieted := []string{"TF_LOG_SDK", "TF_LOG_SDK_PROTO", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_PROVIDER"}
	unsetAll := func() {
		for _, name := range sdkLogVariables {
			t.Setenv(name, "")
			_ = os.Unsetenv(name)
		}
	}

	unsetAll()
	quietSDKLogsUnlessAsked()
	for _, name := range quieted {
		if got := os.Getenv(name); got != "OFF" {
			t.Errorf("nobody asked for logs, yet %s = %q, want OFF", name, got)
		}
	}

	for _, asked := range sdkLogVariables {
		unsetAll()
		t.Setenv(asked, "TRACE")
		quietSDKLogsUnlessAsked()
		for _, name := range quieted {
			if name != asked && os.Getenv(name) != "" {
				t.Errorf("%s=TRACE was set, yet the provider changed %s to %q", asked, name, os.Getenv(name))
			}
		}
	}
}
