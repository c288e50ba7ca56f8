# The demo configuration `make demo` applies against the embedded mock portal.
terraform {
  required_providers {
    docspace = {
      source = "docspace-terraform/docspace"
    }
  }
}

variable "portal_url" {
  type = string
}

variable "api_key" {
  type      = string
  sensitive = true
}

provider "docspace" {
  portal_url = var.portal_url
  api_key    = var.api_key
}

# Read at plan time: the history as it is before the purge.
data "docspace_backup_history" "current" {}

resource "docspace_backup_history_purge" "monthly" {
  triggers = { month = "2026-11" }
}

output "history_count" {
  value = length(data.docspace_backup_history.current.backups)
}

output "remaining_backups" {
  value = docspace_backup_history_purge.monthly.remaining_backups
}
