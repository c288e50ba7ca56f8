# Import a room's member list by the room's id.
terraform import docspace_room_members.board 1234
