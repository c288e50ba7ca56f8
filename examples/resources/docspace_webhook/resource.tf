# File events to the SIEM, signed with a secret that never enters the state (Terraform
# 1.11+ / OpenTofu 1.11+). Bump secret_wo_version to send a new secret.
resource "docspace_webhook" "siem" {
  name              = "siem"
  url               = "https://siem.example.com/docspace"
  triggers          = ["file.created", "file.updated", "file.deleted", "file.downloaded"]
  secret_wo         = var.webhook_secret
  secret_wo_version = 1
}

variable "webhook_secret" {
  type      = string
  sensitive = true
}
