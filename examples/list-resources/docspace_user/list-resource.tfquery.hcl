# people.tfquery.hcl: list accounts to adopt (Terraform 1.14+).
#   terraform query -generate-config-out=people.tf
list "docspace_user" "room_admins" {
  provider = docspace
  config {
    type = "room_admin"
  }
}
