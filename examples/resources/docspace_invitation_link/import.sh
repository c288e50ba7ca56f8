# A portal has one invitation link per user type: import it by the type.
terraform import docspace_invitation_link.staff user
