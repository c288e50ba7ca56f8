# Room quotas must be on for the portal before a room's quota counts.
resource "docspace_quota_settings" "this" {
  room_quotas_enabled = true
}

# A collaboration room with a quota and tags.
resource "docspace_room" "launch" {
  title     = "Launch Q3"
  room_type = "collaboration"
  quota     = 10737418240 # 10 GiB; -1 for unlimited, unset for the portal default
  tags      = ["launch", "marketing"]
  color     = "1A73E8"

  depends_on = [docspace_quota_settings.this]
}

# The same room, archived once the launch is over.
# archived = true
