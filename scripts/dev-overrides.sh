# Sourced by the scripts that run the local build through dev_overrides.

# quiet_dev_overrides drops the CLI's "Provider development overrides are in effect"
# warning (the whole block, with -no-color) from its output, and nothing else.
quiet_dev_overrides() {
  sed -e '/^Warning: Provider development overrides are in effect$/,/^releases\.$/d'
}
