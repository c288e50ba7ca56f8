# Every DocSpace admin, for a review of who holds the keys.
data "docspace_users" "admins" {
  type = "docspace_admin"
}

# Invitations nobody has accepted yet.
data "docspace_users" "pending" {
  status = "pending"
}

output "admins" {
  value = [for u in data.docspace_users.admins.users : u.email]
}
