package docspace

import (
	"encoding/json"
	"fmt"
	"strconv"
)

// StorageType is DocSpace's BackupStorageType enum. It is an integer on the wire; users and
// Terraform state see its name.
type StorageType int

const (
	StorageDocuments           StorageType = 0
	StorageThridpartyDocuments StorageType = 1 // sic: DocSpace's own spelling.
	StorageCustomCloud         StorageType = 2
	StorageLocal               StorageType = 3
	StorageDataStore           StorageType = 4
	StorageThirdPartyConsumer  StorageType = 5
)

var storageTypeNames = [...]string{
	StorageDocuments:           "Documents",
	StorageThridpartyDocuments: "ThridpartyDocuments",
	StorageCustomCloud:         "CustomCloud",
	StorageLocal:               "Local",
	StorageDataStore:           "DataStore",
	StorageThirdPartyConsumer:  "ThirdPartyConsumer",
}

// StorageTypeNames lists every enum name in wire order, for validators and docs.
func StorageTypeNames() []string {
	return append([]string(nil), storageTypeNames[:]...)
}

// String returns the enum name, or the number for a value this client does not know yet.
func (s StorageType) String() string {
	if s >= 0 && int(s) < len(storageTypeNames) {
		return storageTypeNames[s]
	}
	return strconv.Itoa(int(s))
}

// ParseStorageType maps an enum name (exact spelling) to its value.
func ParseStorageType(name string) (StorageType, error) {
	for i, n := range storageTypeNames {
		if n == name {
			return StorageType(i), nil
		}
	}
	return 0, fmt.Errorf("unknown storage type %q", name)
}

// UnmarshalJSON accepts the integer the API sends (and, tolerantly, the name).
func (s *StorageType) UnmarshalJSON(b []byte) error {
	if n, err := strconv.Atoi(string(b)); err == nil { // the usual case, without a second decode
		*s = StorageType(n)
		return nil
	}
	var name string
	if err := json.Unmarshal(b, &name); err != nil {
		return fmt.Errorf("storageType: want an integer, got %s", truncate(string(b), 40))
	}
	v, err := ParseStorageType(name)
	if err != nil {
		return err
	}
	*s = v
	return nil
}
