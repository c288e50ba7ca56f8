package provider

import "github.com/docspace-terraform/terraform-provider-docspace/internal/docspace"

// Schema descriptions the backup resources, actions and data sources share.

// storageTypeList is the storage type names as `A`, `B` or `C`, from the client's list.
func storageTypeList() string { return quotedList(docspace.StorageTypeNames()) }

var (
	dumpDescription = "Work on the server-wide (dump) backups instead of this portal's. Self-hosted (standalone) DocSpace " +
		"servers only, with a key whose user has space access; DocSpace Cloud refuses it. Default false."

	storageTypeDescription = "Where the backup goes: " + storageTypeList() + " (`DataStore` is the portal's own temporary " +
		"storage; `Documents` a folder of the portal, `folderId` = its number; `ThridpartyDocuments` a connected third-party " +
		"folder, `folderId` = its id; `Local` a path on a self-hosted server, `filePath`; `CustomCloud` and " +
		"`ThirdPartyConsumer` cloud storage such as S3, with its settings). Default `" + defaultStorageType + "`."

	storageParamsDescription = "Settings of the storage: `folderId` for `Documents` and `ThridpartyDocuments`, `filePath` " +
		"for `Local`, the module settings (which may include credentials) for cloud storage."

	storedInDescription = "Where the archive is stored: " + storageTypeList() + "."

	pollIntervalDescription = "How often to ask for progress while the backup runs, as a duration (`2s`, `1m`). Default `" +
		defaultPollIntervalText + "`."
)
