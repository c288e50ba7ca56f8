# Purge the portal's backup history once a month: the trigger changes when the month does
# (plantimestamp() is known at plan time), and a changed trigger purges again.
resource "docspace_backup_history_purge" "monthly" {
  triggers = {
    month = formatdate("YYYY-MM", plantimestamp())
  }
}

# Purge the whole server's (dump) backups on a self-hosted DocSpace, without reading the
# history back afterwards.
resource "docspace_backup_history_purge" "server" {
  dump     = true
  verify   = false
  triggers = { release = "2026.11" }

  timeouts {
    create = "5m"
  }
}

output "backups_left" {
  value = docspace_backup_history_purge.monthly.remaining_backups
}
