# A group per department, with its manager and its members, from one map.
terraform {
  required_providers {
    docspace = {
      source  = "docspace-terraform/docspace"
      version = "~> 0.1"
    }
  }
}

variable "departments" {
  description = "department => manager's and members' account ids"
  type = map(object({
    manager = optional(string)
    members = set(string)
  }))
  default = {}
}

resource "docspace_group" "department" {
  for_each = var.departments
  name     = each.key
  manager  = each.value.manager
}

resource "docspace_group_members" "department" {
  for_each = var.departments
  group_id = docspace_group.department[each.key].id
  members  = each.value.members
}

output "group_ids" {
  value = { for name, g in docspace_group.department : name => g.id }
}
