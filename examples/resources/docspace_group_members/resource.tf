resource "docspace_group" "finance" {
  name = "Finance"
}

resource "docspace_user" "analyst" {
  email      = "analyst@example.com"
  first_name = "Ana"
  type       = "user"
}

# Everyone in Finance, and nobody else: members added in DocSpace are removed on apply.
# The manager (set on docspace_group) stays a member whether listed or not.
resource "docspace_group_members" "finance" {
  group_id = docspace_group.finance.id
  members = [
    docspace_user.analyst.id,
    "3f1c2b7e-8d2a-4c55-9a41-0b6c5d7e9f10", # an account made in the UI
  ]
}
