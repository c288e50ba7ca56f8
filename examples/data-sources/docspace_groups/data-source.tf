data "docspace_groups" "teams" {
  name_contains = "team"
}

output "teams" {
  value = { for g in data.docspace_groups.teams.groups : g.name => g.members_count }
}
