# What every space of the fleet has: the same sign-in rules and the company's name.
terraform {
  required_providers {
    docspace = {
      source = "docspace-terraform/docspace"
    }
  }
}

variable "company" {
  description = "The name shown in place of DocSpace's own."
  type        = string
}

resource "docspace_password_policy" "this" {
  min_length         = 12
  upper_case         = true
  digits             = true
  special_characters = true
}

resource "docspace_tfa_settings" "this" {
  method = "app"
}

resource "docspace_branding" "this" {
  logo_text = var.company
}
