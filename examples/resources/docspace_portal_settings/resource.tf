# The portal speaks German, keeps Berlin time and carries the company's name.
resource "docspace_portal_settings" "this" {
  language  = "de"
  time_zone = "Europe/Berlin"
  title     = "Acme Dokumente"
}
