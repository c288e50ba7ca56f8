# The security baseline: every setting a compliance review asks about, one module, applied
# to any number of portals. Drift from it shows in every plan.
terraform {
  required_providers {
    docspace = {
      source = "docspace-terraform/docspace"
    }
  }
}

variable "office_ips" {
  description = "Addresses that skip the second factor (and, with restrict_ips, the only ones allowed)."
  type        = list(string)
  default     = []
}

variable "restrict_ips" {
  description = "Allow only office_ips (keep the address Terraform runs from in the list)."
  type        = bool
  default     = false
}

variable "company_domains" {
  description = "Mail domains whose people may join on their own, as users; empty for nobody."
  type        = set(string)
  default     = []
}

variable "manage_audit_retention" {
  description = "Set the audit retention (DocSpace Cloud needs a plan with the audit trail)."
  type        = bool
  default     = true
}

resource "docspace_password_policy" "this" {
  min_length         = 12
  upper_case         = true
  digits             = true
  special_characters = true
}

resource "docspace_login_settings" "this" {
  attempt_count        = 5
  check_period_seconds = 60
  block_seconds        = 900
}

resource "docspace_tfa_settings" "this" {
  method      = "app"
  trusted_ips = var.office_ips
}

resource "docspace_session_lifetime" "this" {
  enabled          = true
  lifetime_minutes = 720
}

resource "docspace_ip_restrictions" "this" {
  enabled   = var.restrict_ips
  addresses = [for ip in var.office_ips : { ip = ip }]
}

resource "docspace_trusted_mail_domains" "this" {
  mode          = length(var.company_domains) > 0 ? "custom" : "none"
  domains       = var.company_domains
  join_as_users = true
}

resource "docspace_invitation_settings" "this" {
  allow_inviting_members = false
  allow_inviting_guests  = true
}

resource "docspace_audit_settings" "this" {
  count              = var.manage_audit_retention ? 1 : 0
  login_history_days = 180
  audit_trail_days   = 180
}
