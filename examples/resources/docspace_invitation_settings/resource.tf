# Only admins invite new members; anyone may still invite guests into rooms.
resource "docspace_invitation_settings" "this" {
  allow_inviting_members = false
  allow_inviting_guests  = true
}
