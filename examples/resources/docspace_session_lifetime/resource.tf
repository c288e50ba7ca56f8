# Sign-ins last a working day.
resource "docspace_session_lifetime" "this" {
  enabled          = true
  lifetime_minutes = 480
}
