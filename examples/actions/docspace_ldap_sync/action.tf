# Sync people and groups from the directory after every change of the LDAP settings
# (Terraform 1.14 or later); DocSpace's progress is reported while it runs, and a failed
# sync fails the apply with the directory's answer. On demand:
#   terraform apply -invoke=action.docspace_ldap_sync.now
action "docspace_ldap_sync" "now" {}

resource "docspace_ldap_settings" "this" {
  enabled        = true
  server         = "ldap.example.com"
  user_dn        = "ou=people,dc=example,dc=com"
  authentication = false

  lifecycle {
    action_trigger {
      events  = [after_create, after_update]
      actions = [action.docspace_ldap_sync.now]
    }
  }
}
