# Keep the audit trail and the login history for the longest DocSpace allows.
resource "docspace_audit_settings" "this" {
  login_history_days = 180
  audit_trail_days   = 180
}
