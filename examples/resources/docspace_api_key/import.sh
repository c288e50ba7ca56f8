# An API key is imported by its id (the list resource docspace_api_key finds them). An
# imported key has no `key` in state: DocSpace shows a secret once, when it is created.
terraform import docspace_api_key.reporting 3f1c2b9e-5d4a-4c1b-9e7f-2a6d8c0b1e34
