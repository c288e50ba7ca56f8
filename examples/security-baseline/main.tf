# One baseline, many portals: a provider alias per portal, the same module for each.
terraform {
  required_providers {
    docspace = {
      source  = "docspace-terraform/docspace"
      version = "~> 0.1"
    }
  }
}

provider "docspace" {
  alias      = "eu"
  portal_url = "https://eu.example.onlyoffice.com"
  # api_key from DOCSPACE_API_KEY, or a variable per portal
}

provider "docspace" {
  alias      = "us"
  portal_url = "https://us.example.onlyoffice.com"
}

module "baseline_eu" {
  source          = "./modules/baseline"
  providers       = { docspace = docspace.eu }
  office_ips      = ["203.0.113.10"]
  company_domains = ["example.com"]
}

module "baseline_us" {
  source                 = "./modules/baseline"
  providers              = { docspace = docspace.us }
  office_ips             = ["198.51.100.20"]
  manage_audit_retention = false # a free plan: no audit trail settings
}
