# Password policy changes (action 6004) this month.
data "docspace_audit_events" "policy_changes" {
  action = 6004
  from   = "2026-11-01T00:00:00Z"
}

output "policy_changes" {
  value = [for e in data.docspace_audit_events.policy_changes.events : "${e.date} ${e.user}: ${e.text}"]
}
