package provider

import (
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/docspace-terraform/terraform-provider-docspace/internal/mockportal"
)

const historyAddr = "data.docspace_backup_history.this"

func TestAccBackupHistoryDataSource_FieldsAndOrder(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	base := time.Date(2026, 11, 1, 2, 15, 0, 0, time.UTC)
	// Added oldest, newest, middle: the data source must sort newest first whatever order
	// the portal uses.
	srv.AddRecords(false,
		mockportal.Record{ID: "00000000-0000-4000-8000-00000000000a", FileName: "old.tar.gz", StorageType: mockportal.StorageDocuments, CreatedOn: base, ExpiresOn: base.Add(720 * time.Hour)},
		mockportal.Record{ID: "00000000-0000-4000-8000-00000000000c", FileName: "new.tar.gz", StorageType: mockportal.StorageThirdPartyConsumer, CreatedOn: base.Add(48 * time.Hour), ExpiresOn: base.Add(768 * time.Hour)},
		mockportal.Record{ID: "00000000-0000-4000-8000-00000000000b", FileName: "mid.tar.gz", StorageType: mockportal.StorageDataStore, CreatedOn: base.Add(24 * time.Hour), ExpiresOn: base.Add(744 * time.Hour)},
	)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: providerConfig(srv, mockportal.Owner) + `data "docspace_backup_history" "this" {}`,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(historyAddr, "backups.#", "3"),
				resource.TestCheckResourceAttr(historyAddr, "backups.0.id", "00000000-0000-4000-8000-00000000000c"),
				resource.TestCheckResourceAttr(historyAddr, "backups.0.file_name", "new.tar.gz"),
				resource.TestCheckResourceAttr(historyAddr, "backups.0.storage_type", "ThirdPartyConsumer"),
				resource.TestCheckResourceAttr(historyAddr, "backups.0.created_on", "2026-11-03T02:15:00Z"),
				resource.TestCheckResourceAttr(historyAddr, "backups.0.expires_on", "2026-12-03T02:15:00Z"),
				resource.TestCheckResourceAttr(historyAddr, "backups.1.id", "00000000-0000-4000-8000-00000000000b"),
				resource.TestCheckResourceAttr(historyAddr, "backups.1.storage_type", "DataStore"),
				resource.TestCheckResourceAttr(historyAddr, "backups.2.id", "00000000-0000-4000-8000-00000000000a"),
				resource.TestCheckResourceAttr(historyAddr, "backups.2.storage_type", "Documents"),
				resource.TestCheckResourceAttr(historyAddr, "backups.2.created_on", "2026-11-01T02:15:00Z"),
			),
		}},
	})
}

func TestAccBackupHistoryDataSource_DumpAndEmpty(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{Standalone: true, DumpBackups: 2})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: providerConfig(srv, mockportal.DocSpaceAdmin) + `
data "docspace_backup_history" "server" {
  dump = true
}
data "docspace_backup_history" "portal" {}
`,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr("data.docspace_backup_history.server", "backups.#", "2"),
				resource.TestMatchResourceAttr("data.docspace_backup_history.server", "backups.0.file_name", regexp.MustCompile(`^dump_`)),
				resource.TestCheckResourceAttr("data.docspace_backup_history.portal", "backups.#", "0"),
			),
		}},
	})
}

func TestAccBackupHistoryDataSource_Error(t *testing.T) {
	srv := mockportal.StartTest(t, mockportal.Options{})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      providerConfig(srv, mockportal.Guest) + `data "docspace_backup_history" "this" {}`,
			ExpectError: expectError(fmt.Sprintf(`HTTP 403.*reading the backup history on %s`, srv.URL)),
		}},
	})
}
