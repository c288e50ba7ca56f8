package docspace_test

import (
	"testing"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"
)

func TestStorageTypeNames(t *testing.T) {
	for i, name := range docspace.StorageTypeNames() {
		st, err := docspace.ParseStorageType(name)
		if err != nil || int(st) != i || st.String() != name {
			t.Errorf("%d %q: %v %v", i, name, st, err)
		}
	}
	if docspace.StorageType(9).String() != "9" {
		t.Error("unknown storage type should print its number")
	}
	if _, err := docspace.ParseStorageType("S3"); err == nil {
		t.Error("unknown name accepted")
	}
}
