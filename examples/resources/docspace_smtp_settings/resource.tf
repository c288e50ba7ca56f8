# The company's mail relay for every e-mail the portal sends. The password comes from an
# ephemeral value (here a variable marked ephemeral, Terraform 1.10+) and is never stored.
variable "smtp_password" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "docspace_smtp_settings" "this" {
  host                = "smtp.example.com"
  port                = 587
  enable_ssl          = true
  sender_address      = "docspace@example.com"
  sender_display_name = "Example DocSpace"
  username            = "docspace@example.com"
  password_wo         = var.smtp_password
  password_wo_version = 1 # raise it when the password changes
}
