# On a self-hosted server: the provider block needs the hosting credentials.
provider "docspace" {
  portal_url = "https://docspace.example.com"
  hosting    = { machine_key = var.machine_key }
}

variable "machine_key" {
  type      = string
  sensitive = true
}

# A portal for the sales team at https://sales.<the server's base domain>. Its owner gets
# an e-mail with the setup link.
resource "docspace_space" "sales" {
  name             = "sales"
  owner_email      = "sales-lead@example.com"
  owner_first_name = "Sam"
  owner_last_name  = "Seller"
  language         = "en-US"
  time_zone        = "Europe/Berlin"
}

output "sales_portal_url" {
  value = docspace_space.sales.portal_url
}
