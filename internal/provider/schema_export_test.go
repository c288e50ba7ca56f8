package provider

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"
)

func TestProvidersSchemaJSON(t *testing.T) {
	raw, err := ProvidersSchemaJSON(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var schemas tfjson.ProviderSchemas
	if err := json.Unmarshal(raw, &schemas); err != nil {
		t.Fatal(err)
	}
	ps := schemas.Schemas["docspace"]
	if ps == nil {
		t.Fatalf("no docspace schema in %s", raw[:200])
	}
	want := "action.docspace_backup_history_purge,action.docspace_backup_start,data.docspace_backup_history,resource.docspace_backup,resource.docspace_backup_history_purge,resource.docspace_backup_schedule"
	if got := strings.Join(schemaNames(ps), ","); got != want {
		t.Errorf("schemas: %s, want %s", got, want)
	}
	if !ps.ConfigSchema.Block.Attributes["api_key"].Sensitive {
		t.Error("api_key is not sensitive in the exported schema")
	}
	purge := ps.ResourceSchemas["docspace_backup_history_purge"].Block
	if got := purge.Attributes["triggers"].AttributeType.FriendlyName(); got != "map of string" {
		t.Errorf("triggers type %s", got)
	}
	if purge.NestedBlocks["timeouts"].NestingMode != tfjson.SchemaNestingModeSingle {
		t.Errorf("timeouts nesting %q", purge.NestedBlocks["timeouts"].NestingMode)
	}
	backups := ps.DataSourceSchemas["docspace_backup_history"].Block.Attributes["backups"]
	if backups.AttributeNestedType == nil || backups.AttributeNestedType.NestingMode != tfjson.SchemaNestingModeList || len(backups.AttributeNestedType.Attributes) != 5 {
		t.Errorf("backups: %+v", backups.AttributeNestedType)
	}
}
