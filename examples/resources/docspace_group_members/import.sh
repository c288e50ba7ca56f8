# Import a group's member list by the group's id.
terraform import docspace_group_members.finance 7a8b9c0d-1e2f-4a5b-8c6d-7e8f9a0b1c2d
