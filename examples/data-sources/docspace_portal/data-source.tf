data "docspace_portal" "this" {}

# Manage the audit retention only where the plan has the audit trail.
resource "docspace_audit_settings" "this" {
  count            = data.docspace_portal.this.audit ? 1 : 0
  audit_trail_days = 180
}
