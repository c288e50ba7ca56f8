# A disaster-recovery drill on a scratch portal: restore a backup from the history.
#   terraform apply -invoke=action.docspace_backup_restore.drill
action "docspace_backup_restore" "drill" {
  config {
    backup_id = var.backup_id
    confirm   = "restore drill.example.onlyoffice.com" # must name this provider's portal
    timeout   = "2h"
  }
}

# Or an archive kept in S3 (persistent storage survives the portal):
action "docspace_backup_restore" "from_s3" {
  config {
    file_path      = "backups/portal_2026-11-01_0200.tar.gz"
    storage_type   = "ThirdPartyConsumer"
    storage_params = { module = "S3", bucket = "dr-backups", region = "eu-west-1", acesskey = var.s3_key, secretaccesskey = var.s3_secret }
    confirm        = "restore drill.example.onlyoffice.com"
  }
}

variable "backup_id" {
  type = string
}

variable "s3_key" {
  type      = string
  sensitive = true
}

variable "s3_secret" {
  type      = string
  sensitive = true
}
