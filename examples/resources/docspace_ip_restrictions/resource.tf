# Only the office and the CI runner reach the portal; the VPN gateway admits admins only.
resource "docspace_ip_restrictions" "this" {
  enabled = true
  addresses = [
    { ip = "203.0.113.10" },
    { ip = "203.0.113.11" }, # the address Terraform runs from: keep it listed
    { ip = "198.51.100.7", admins_only = true },
  ]
}
