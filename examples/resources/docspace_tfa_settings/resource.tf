# An authenticator app for everyone, except from the office; admins always.
resource "docspace_tfa_settings" "this" {
  method           = "app"
  trusted_ips      = ["203.0.113.0/24"]
  mandatory_groups = [var.admins_group_id]
}

variable "admins_group_id" {
  type = string
}
