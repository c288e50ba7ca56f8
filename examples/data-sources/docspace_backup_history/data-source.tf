data "docspace_backup_history" "current" {}

output "backup_count" {
  value = length(data.docspace_backup_history.current.backups)
}

output "newest_backup" {
  value = try(data.docspace_backup_history.current.backups[0].file_name, null)
}

# The server-wide (dump) backups of a self-hosted DocSpace.
data "docspace_backup_history" "server" {
  dump = true
}

# Preview at plan time what a retention purge with the same selectors would delete.
data "docspace_backup_history" "would_go" {
  keep_latest = 5
  older_than  = "720h"
}

output "would_delete" {
  value = data.docspace_backup_history.would_go.backups[*].file_name
}
