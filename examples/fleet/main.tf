# A fleet on one self-hosted DocSpace server: the server's own portal registers a space per
# team, and every space gets the same baseline through a provider block of its own.
terraform {
  required_providers {
    docspace = {
      source  = "docspace-terraform/docspace"
      version = "~> 0.1"
    }
  }
}

variable "server_url" {
  description = "The server's own portal (a full-access space), for example https://docspace.example.com."
  type        = string
}

variable "machine_key" {
  description = "The server's core.machinekey (APP_CORE_MACHINEKEY): it signs the hosting API's tokens."
  type        = string
  sensitive   = true
}

variable "space_api_keys" {
  description = "Each space's API key, created by its owner after the setup. A space without one gets no baseline yet."
  type        = map(string)
  sensitive   = true
  default     = {}
}

locals {
  teams = {
    sales = { owner = "sales-lead@example.com", first_name = "Sam", last_name = "Seller" }
    legal = { owner = "counsel@example.com", first_name = "Lee", last_name = "Counsel" }
  }
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

# Terraform has no for_each on provider blocks: one block per space.
provider "docspace" {
  alias      = "sales"
  portal_url = docspace_space.team["sales"].portal_url
  api_key    = lookup(var.space_api_keys, "sales", null)
}

provider "docspace" {
  alias      = "legal"
  portal_url = docspace_space.team["legal"].portal_url
  api_key    = lookup(var.space_api_keys, "legal", null)
}

module "sales" {
  source    = "./modules/space-baseline"
  count     = contains(keys(var.space_api_keys), "sales") ? 1 : 0
  providers = { docspace = docspace.sales }
  company   = "Acme Sales"
}

module "legal" {
  source    = "./modules/space-baseline"
  count     = contains(keys(var.space_api_keys), "legal") ? 1 : 0
  providers = { docspace = docspace.legal }
  company   = "Acme Legal"
}
