#!/usr/bin/env bash
# make demo: build the provider, start a seeded mock portal, apply examples/demo with the
# local build (dev_overrides in a CLI config of its own) and show the history before and
# after the purge.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/dev-overrides.sh"
TOOLS=${TOOLS:-$root/.tools}
TERRAFORM=${TERRAFORM:-terraform}
work=$TOOLS/demo
rm -rf "$work"
mkdir -p "$work/bin" "$work/tf"

echo "==> building the provider and the mock portal"
(cd "$root" && go build -o "$work/bin/terraform-provider-docspace" . && go build -o "$work/docspace-mock" ./internal/mockportal/cmd/docspace-mock)

echo "==> starting the mock portal with 5 backups in its history"
"$work/docspace-mock" -backups 5 >"$work/mock.json" 2>"$work/mock.log" &
mock_pid=$!
trap 'kill "$mock_pid" 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -s "$work/mock.json" ] && break; sleep 0.1; done
line=$(head -n 1 "$work/mock.json")
url=$(sed -n 's/.*"url":"\([^"]*\)".*/\1/p' <<<"$line")
key=$(sed -n 's/.*"owner":"\([^"]*\)".*/\1/p' <<<"$line")
[ -n "$url" ] && [ -n "$key" ] || { echo "mock portal did not start: $(cat "$work/mock.log")" >&2; exit 1; }
echo "    portal: $url"

write_dev_overrides_rc "$work/terraformrc" "$work/bin"
export TF_CLI_CONFIG_FILE="$work/terraformrc" CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
export TF_VAR_portal_url="$url" TF_VAR_api_key="$key"
cp "$root"/examples/demo/*.tf "$work/tf/"
cd "$work/tf"

echo "==> terraform apply ($("$TERRAFORM" version | sed -n 1p))"
"$TERRAFORM" apply -auto-approve -input=false -no-color 2>&1 | quiet_dev_overrides | grep -v '^$' || true
before=$("$TERRAFORM" output -raw history_count)
remaining=$("$TERRAFORM" output -raw remaining_backups)
"$TERRAFORM" apply -refresh-only -auto-approve -input=false -no-color >/dev/null 2>&1
after=$("$TERRAFORM" output -raw history_count)

echo
echo "backup history before the purge: $before"
echo "remaining right after the purge:  $remaining"
echo "backup history read again now:   $after"
[ "$before" -gt 0 ] && [ "$after" -eq 0 ] && [ "$remaining" -eq 0 ] || { echo "demo failed: the history was not purged" >&2; exit 1; }
