# An OAuth client is imported by its client id (the list resource docspace_oauth_client
# finds them). Its secret is read into state with it.
terraform import docspace_oauth_client.dashboard 7a0c9a4e-2f7d-4d1e-9b3a-5c8e1f2d4b6a
