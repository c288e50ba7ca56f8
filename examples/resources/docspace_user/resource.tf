# An active account: DocSpace mails Jane to confirm her address.
resource "docspace_user" "jane" {
  email      = "jane.doe@example.com"
  first_name = "Jane"
  last_name  = "Doe"
  type       = "room_admin"
}

# An invitation: the account stays pending until Bob accepts and enters his name.
resource "docspace_user" "bob" {
  email  = "bob@example.com"
  type   = "user"
  invite = true
}

# A contractor who has left: disabled, and kept (not deleted) when removed from the
# configuration so an auditor can still see their documents.
resource "docspace_user" "contractor" {
  email             = "contractor@example.com"
  first_name        = "Casey"
  type              = "guest"
  disabled          = true
  delete_on_destroy = false
}
