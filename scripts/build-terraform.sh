#!/usr/bin/env bash
# Builds Terraform 1.14 or later from the Go module proxy into the given file.
#
# `go install github.com/hashicorp/terraform@v1.14+` fails: Terraform's go.mod requires ten
# nested modules (nine remote-state backends and internal/legacy) through `replace` lines
# pointing inside its own repository, and a module zip never contains nested modules. Only
# internal/backend/init/init.go imports those backends outside tests, and no provider test
# needs them, so we drop them from go.mod and from the backend registry, then build.
#
# Usage: scripts/build-terraform.sh VERSION OUTPUT_FILE
set -euo pipefail
version=${1:?usage: build-terraform.sh VERSION OUTPUT_FILE}
out=${2:?usage: build-terraform.sh VERSION OUTPUT_FILE}
out=$(realpath -m "$out")

src=$(cd / && GOWORK=off GOFLAGS=-mod=mod go mod download -json "github.com/hashicorp/terraform@v${version}" \
	| sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
[ -d "$src" ] || { echo "build-terraform: module source for v${version} not found" >&2; exit 1; }

work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
cp -R "$src/." "$work/"
chmod -R u+w "$work"
cd "$work"

backends='azure consul cos gcs kubernetes oci oss pg s3'
for b in $backends; do
	sed -i "\#github.com/hashicorp/terraform/internal/backend/remote-state/${b} #d" go.mod
done
sed -i '\#github.com/hashicorp/terraform/internal/legacy #d' go.mod

init=internal/backend/init/init.go
sed -i -E '/^[[:space:]]*backend(Azure|Consul|Cos|GCS|Kubernetes|OCI|OSS|Pg|S3)[[:space:]]+"/d' "$init"
sed -i -E '/^[[:space:]]*"(azurerm|consul|cos|gcs|kubernetes|oss|pg|s3|oci)":/d' "$init"

# Fail loudly if anything outside tests still needs a dropped module.
pattern='"github.com/hashicorp/terraform/internal/(backend/remote-state/('"${backends// /|}"')|legacy)[/"]'
if left=$(grep -rlE --include='*.go' "$pattern" . | grep -v '_test.go$'); then
	echo "build-terraform: these files still import a dropped module:" >&2
	echo "$left" >&2
	exit 1
fi

mkdir -p "$(dirname "$out")"
GOWORK=off GOFLAGS=-mod=mod CGO_ENABLED=0 go build -trimpath \
	-ldflags "-s -w -X 'github.com/hashicorp/terraform/version.dev=no'" -o "$out.tmp" .
mv "$out.tmp" "$out"
# sed, not head: head exits after one line and, under pipefail, the SIGPIPE it leaves
# terraform (exit 141) would fail a build that succeeded.
TF_CLI_CONFIG_FILE=/dev/null "$out" version | sed -n 1p
