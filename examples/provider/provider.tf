terraform {
  required_providers {
    docspace = {
      source  = "docspace-terraform/docspace"
      version = "~> 0.1"
    }
  }
}

variable "docspace_api_key" {
  type      = string
  sensitive = true
}

provider "docspace" {
  portal_url = "https://example.onlyoffice.com" # or DOCSPACE_PORTAL_URL
  api_key    = var.docspace_api_key             # or DOCSPACE_API_KEY
}
