# Import an account by its id or by its email address.
terraform import docspace_user.jane 3f1c2b7e-8d2a-4c55-9a41-0b6c5d7e9f10
terraform import docspace_user.bob bob@example.com
