# Back up the portal every Sunday at 02:00 into a portal folder, keeping the last 4.
resource "docspace_backup_schedule" "weekly" {
  storage_type   = "Documents"
  storage_params = { folderId = "1234" }
  backups_stored = 4
  period         = "weekly"
  hour           = 2
  day            = 1 # Sunday
}

# A self-hosted server's whole-server (dump) backups, every night to a local path.
resource "docspace_backup_schedule" "server" {
  dump           = true
  storage_type   = "Local"
  storage_params = { filePath = "/var/backups/docspace" }
  period         = "daily"
  hour           = 3
}
