# A group made in the UI, by its exact name, to share a room with it.
data "docspace_group" "legal" {
  name = "Legal"
}

output "legal_members" {
  value = data.docspace_group.legal.members
}
