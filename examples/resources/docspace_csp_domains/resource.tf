# DocSpace embedded in the intranet and in the partner portals.
resource "docspace_csp_domains" "this" {
  domains = [
    "https://intranet.example.com",
    "*.partners.example.com",
  ]
}
