# The company's name in place of DocSpace's own (a self-hosted server, or a Cloud plan
# with branding).
resource "docspace_branding" "this" {
  logo_text = "Acme Docs"
}
