# rooms.tfquery.hcl: list rooms to adopt (Terraform 1.14+).
#   terraform query -generate-config-out=rooms.tf
list "docspace_room" "active" {
  provider = docspace
  config {
    archived = false
  }
}
