# Purge the backup history on demand (Terraform 1.14 or later):
#   terraform apply -invoke=action.docspace_backup_history_purge.now
action "docspace_backup_history_purge" "now" {
  config {
    dump = false
  }
}

# Or purge whenever a release is recorded: the action runs after terraform_data is
# created or replaced.
resource "terraform_data" "release" {
  input = "2026.11"

  lifecycle {
    action_trigger {
      events  = [after_create, after_update]
      actions = [action.docspace_backup_history_purge.now]
    }
  }
}
