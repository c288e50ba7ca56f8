# A collaboration room with a quota and tags.
resource "docspace_room" "launch" {
  title     = "Launch Q3"
  room_type = "collaboration"
  quota     = 10737418240 # 10 GiB; -1 for unlimited, unset for the portal default
  tags      = ["launch", "marketing"]
  color     = "1A73E8"
}

# The same room, archived once the launch is over.
# archived = true
