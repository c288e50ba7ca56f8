# Room quotas on, 10 GiB for each room without a quota of its own; users unlimited.
resource "docspace_quota_settings" "this" {
  room_quotas_enabled = true
  room_default_quota  = 10737418240
}
