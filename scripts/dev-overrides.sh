# Sourced by the scripts that run the local build through dev_overrides.

# quiet_dev_overrides drops the CLI's "Provider development overrides are in effect"
# warning (the whole block, with -no-color) from its output, and nothing else.
quiet_dev_overrides() {
  sed -e '/^Warning: Provider development overrides are in effect$/,/^releases\.$/d'
}

# write_dev_overrides_rc FILE BINDIR writes a CLI configuration that takes the provider
# from BINDIR (the local build) and everything else from the registries.
write_dev_overrides_rc() {
  cat >"$1" <<RC
provider_installation {
  dev_overrides {
    "docspace-terraform/docspace" = "$2"
  }
  direct {}
}
RC
}
