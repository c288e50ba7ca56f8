# Take a backup before an upgrade and wait for it (Terraform 1.14 or later):
#   terraform apply -invoke=action.docspace_backup_start.before_upgrade
action "docspace_backup_start" "before_upgrade" {
  config {
    storage_type = "DataStore" # the portal's temporary storage
    wait         = true
  }
}

# Into a folder of the portal, every time the upgrade marker changes.
action "docspace_backup_start" "to_documents" {
  config {
    storage_type   = "Documents"
    storage_params = { folderId = "1234" }
    poll_interval  = "5s"
  }
}

resource "terraform_data" "upgrade" {
  input = "docspace-3.1"

  lifecycle {
    action_trigger {
      events  = [before_create, before_update]
      actions = [action.docspace_backup_start.to_documents]
    }
  }
}
