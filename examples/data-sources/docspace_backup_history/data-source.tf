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
