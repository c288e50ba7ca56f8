# Block a login for 15 minutes after 5 failures within a minute.
resource "docspace_login_settings" "this" {
  attempt_count        = 5
  check_period_seconds = 60
  block_seconds        = 900
}
