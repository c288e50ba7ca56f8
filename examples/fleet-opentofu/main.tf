# The same fleet on OpenTofu 1.9+, where one provider block serves every space through
# for_each. To retire a space, first add it to `retiring` and apply (its resources go
# while its provider instance still exists), then remove it from `teams` and apply.
terraform {
  required_providers {
    docspace = {
      source  = "docspace-terraform/docspace"
      version = "~> 0.1"
    }
  }
}

variable "server_url" {
  type = string
}

variable "machine_key" {
  type      = string
  sensitive = true
}

variable "space_api_keys" {
  description = "Each space's API key, created by its owner after the setup."
  type        = map(string)
  sensitive   = true
  default     = {}
}

variable "retiring" {
  description = "Spaces whose resources to remove before the space itself."
  type        = set(string)
  default     = []
}

locals {
  teams = {
    sales = { owner = "sales-lead@example.com", first_name = "Sam", last_name = "Seller" }
    legal = { owner = "counsel@example.com", first_name = "Lee", last_name = "Counsel" }
  }
  # Spaces whose owner has handed over a key; keys of a provider for_each must be known at plan.
  ready = toset([for name in keys(local.teams) : name if contains(keys(nonsensitive(var.space_api_keys)), name)])
}

provider "docspace" {
  alias      = "server"
  portal_url = var.server_url
  hosting    = { machine_key = var.machine_key }
}

resource "docspace_space" "team" {
  for_each         = local.teams
  provider         = docspace.server
  name             = each.key
  owner_email      = each.value.owner
  owner_first_name = each.value.first_name
  owner_last_name  = each.value.last_name
}

provider "docspace" {
  alias      = "space"
  for_each   = local.ready
  portal_url = docspace_space.team[each.key].portal_url
  api_key    = var.space_api_keys[each.key]
}

resource "docspace_password_policy" "baseline" {
  for_each           = setsubtract(local.ready, var.retiring)
  provider           = docspace.space[each.key]
  min_length         = 12
  upper_case         = true
  digits             = true
  special_characters = true
}

resource "docspace_tfa_settings" "baseline" {
  for_each = setsubtract(local.ready, var.retiring)
  provider = docspace.space[each.key]
  method   = "app"
}
