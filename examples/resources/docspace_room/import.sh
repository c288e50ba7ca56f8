# Import a room by its id (the number in its URL).
terraform import docspace_room.launch 1234
