# A backup taken for each release, kept in the portal's temporary storage. A new release
# makes a new backup and deletes the previous one.
resource "docspace_backup" "release" {
  triggers = { release = "2026.11" }

  timeouts {
    create = "45m"
  }
}

# A backup that outlives its resource: destroying it leaves the archive on the portal.
resource "docspace_backup" "before_migration" {
  storage_type      = "Documents"
  storage_params    = { folderId = "1234" }
  retain_on_destroy = true
}
