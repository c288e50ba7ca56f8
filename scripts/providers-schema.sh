#!/usr/bin/env bash
# Prints `terraform providers schema -json` for this provider, as the given Terraform
# (1.14 or later: older CLIs leave actions and list resources out) reports it, for
# tfplugindocs --providers-schema. The provider is built and used through a dev override,
# under the hashicorp namespace, which is one of the two keys tfplugindocs looks up.
#
# Usage: scripts/providers-schema.sh TERRAFORM > providers-schema.json
set -euo pipefail
terraform=$(realpath "${1:?usage: providers-schema.sh TERRAFORM}")
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$root" && go build -o "$work/bin/terraform-provider-docspace" .)
cat > "$work/terraform.rc" <<RC
provider_installation {
  dev_overrides {
    "hashicorp/docspace" = "$work/bin"
  }
  direct {}
}
RC
mkdir "$work/config"
cat > "$work/config/main.tf" <<'TF'
terraform {
  required_providers {
    docspace = { source = "hashicorp/docspace" }
  }
}
TF
cd "$work/config"
TF_CLI_CONFIG_FILE="$work/terraform.rc" CHECKPOINT_DISABLE=1 "$terraform" providers schema -json 2>"$work/stderr" || {
	cat "$work/stderr" >&2
	exit 1
}
