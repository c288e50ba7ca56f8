# Import one member: <room id>/<user or group id>.
terraform import docspace_room_member.editor 1234/3f2b8c1e-5d4a-4e6f-9a7b-0c1d2e3f4a5b
