resource "docspace_room" "board" {
  title     = "Board"
  room_type = "virtual_data"
}

# Exactly these members: anyone else added in DocSpace is removed on the next apply.
resource "docspace_room_members" "board" {
  room_id = docspace_room.board.id
  members = [
    { user_id = var.chair_user_id, access = "room_manager" },
    { group_id = var.board_group_id, access = "viewer" },
  ]
}

variable "chair_user_id" {
  type = string
}

variable "board_group_id" {
  type = string
}
