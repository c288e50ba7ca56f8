# A room made by hand, found by its exact title.
data "docspace_room" "handbook" {
  title = "Handbook"
}

output "handbook_room_id" {
  value = data.docspace_room.handbook.id
}
