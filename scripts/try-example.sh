#!/usr/bin/env bash
# make try EXAMPLE=examples/<dir>: apply one example with the local build of the provider
# against the portal in DOCSPACE_PORTAL_URL / DOCSPACE_API_KEY (a mock started with
# `docspace-mock -print-env`, say), in a scratch directory under .tools/try. Examples that
# declare no required_providers get one (the CLI would look for hashicorp/docspace), and
# local modules are fetched first (dev overrides do not install them).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/dev-overrides.sh"
example=${1:?usage: try-example.sh examples/<dir>}
TOOLS=${TOOLS:-$root/.tools}
TERRAFORM=${TERRAFORM:-terraform}
[ -d "$root/$example" ] || { echo "no example at $example" >&2; exit 1; }
: "${DOCSPACE_PORTAL_URL:?start a mock first: docspace-mock -print-env > mock.env & then . ./mock.env}"
: "${DOCSPACE_API_KEY:?start a mock first: docspace-mock -print-env > mock.env & then . ./mock.env}"

work=$TOOLS/try
rm -rf "$work"
mkdir -p "$work/bin" "$work/tf"
(cd "$root" && go build -o "$work/bin/terraform-provider-docspace" .)
cp -R "$root/$example/." "$work/tf/"
if ! grep -qs required_providers "$work"/tf/*.tf; then
  cat >"$work/tf/providers.tf" <<'TF'
terraform {
  required_providers {
    docspace = {
      source = "docspace-terraform/docspace"
    }
  }
}
TF
fi
write_dev_overrides_rc "$work/terraformrc" "$work/bin"
export TF_CLI_CONFIG_FILE="$work/terraformrc" CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
cd "$work/tf"
"$TERRAFORM" get -no-color >/dev/null
"$TERRAFORM" apply -auto-approve -input=false -no-color 2>&1 | quiet_dev_overrides
echo "applied $example in $work/tf; destroy with: (cd $work/tf && TF_CLI_CONFIG_FILE=$work/terraformrc $TERRAFORM destroy)"
