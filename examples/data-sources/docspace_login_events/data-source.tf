# The last 50 failed sign-ins through the API (action 1013).
data "docspace_login_events" "failed" {
  action = 1013
  limit  = 50
}

output "failed_logins" {
  value = [for e in data.docspace_login_events.failed.events : "${e.date} ${e.login} from ${e.ip}"]
}
