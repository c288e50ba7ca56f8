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

# Retention instead of a full purge: every day, keep the newest 5 backups and delete the
# others older than 30 days, in temporary storage and portal folders only.
resource "docspace_backup_history_purge" "retention" {
  keep_latest   = 5
  older_than    = "30d"
  storage_types = ["DataStore", "Documents"]
  triggers      = { day = formatdate("YYYY-MM-DD", plantimestamp()) }
}

output "deleted_today" {
  value = docspace_backup_history_purge.retention.deleted_ids
}
