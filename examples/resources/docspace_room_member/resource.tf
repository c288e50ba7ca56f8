resource "docspace_room" "handbook" {
  title     = "Handbook"
  room_type = "custom"
}

# Give one user editing rights, leaving other members alone.
resource "docspace_room_member" "editor" {
  room_id = docspace_room.handbook.id
  user_id = var.editor_user_id
  access  = "editor"
}

# And a whole group read access.
resource "docspace_room_member" "everyone" {
  room_id  = docspace_room.handbook.id
  group_id = var.staff_group_id
  access   = "viewer"
}

variable "editor_user_id" {
  type = string
}

variable "staff_group_id" {
  type = string
}
