# A set of project rooms from a map, each with its own members.
terraform {
  required_providers {
    docspace = {
      source  = "docspace-terraform/docspace"
      version = "~> 0.1"
    }
  }
}

variable "projects" {
  description = "Project rooms: title => settings and members."
  type = map(object({
    type    = string
    quota   = optional(number)
    tags    = optional(set(string), [])
    members = map(string) # user or group id => access level
    groups  = optional(set(string), [])
  }))
  default = {
    "Apollo" = {
      type    = "collaboration"
      quota   = 5368709120
      tags    = ["engineering"]
      members = {}
    }
  }
}

# Room quotas count only while the portal has them switched on.
resource "docspace_quota_settings" "this" {
  room_quotas_enabled = true
}

resource "docspace_room" "project" {
  for_each  = var.projects
  title     = each.key
  room_type = each.value.type
  quota     = each.value.quota
  tags      = each.value.tags

  depends_on = [docspace_quota_settings.this]
}

resource "docspace_room_members" "project" {
  for_each = var.projects
  room_id  = docspace_room.project[each.key].id
  members = [
    for id, access in each.value.members : (
      contains(each.value.groups, id)
      ? { user_id = null, group_id = id, access = access }
      : { user_id = id, group_id = null, access = access }
    )
  ]
}

output "room_ids" {
  value = { for title, room in docspace_room.project : title => room.id }
}
