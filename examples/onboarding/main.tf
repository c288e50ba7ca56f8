# Onboarding and offboarding through a pull request: one map of people, one account each.
# Adding an entry creates the account; setting leaver = true disables it (the plan shows
# exactly who loses access); removing the entry deletes it.
terraform {
  required_providers {
    docspace = {
      source  = "docspace-terraform/docspace"
      version = "~> 0.1"
    }
  }
}

variable "people" {
  description = "email => who they are"
  type = map(object({
    first_name = string
    last_name  = optional(string)
    type       = optional(string, "user")
    leaver     = optional(bool, false)
  }))
  default = {
    "ana.lima@example.com" = { first_name = "Ana", last_name = "Lima", type = "room_admin" }
    "li.wei@example.com"   = { first_name = "Li", last_name = "Wei" }
  }
}

resource "docspace_user" "person" {
  for_each   = var.people
  email      = each.key
  first_name = each.value.first_name
  last_name  = each.value.last_name
  type       = each.value.type
  disabled   = each.value.leaver
}

output "user_ids" {
  description = "email => account id, for room and group membership."
  value       = { for email, u in docspace_user.person : email => u.id }
}
