# A link for new staff to join as users, good for 50 people until the end of the quarter.
resource "docspace_invitation_link" "staff" {
  user_type  = "user"
  max_uses   = 50
  expires_at = "2027-03-31T23:59:59Z"
}

# The URL is sensitive: hand it on through a secret store, not an output.
