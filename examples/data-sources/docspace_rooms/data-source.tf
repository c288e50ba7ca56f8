# Every archived collaboration room, for a report or a clean-up.
data "docspace_rooms" "archived_collaboration" {
  room_type = "collaboration"
  archived  = true
}

output "archived_room_titles" {
  value = data.docspace_rooms.archived_collaboration.rooms[*].title
}
