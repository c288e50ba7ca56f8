# People sign in with their directory accounts; DocSpace syncs them (and their groups)
# every night at 03:00. The bind password comes from an ephemeral value (Terraform 1.11+
# write-only attribute) and is never stored.
variable "ldap_bind_password" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "docspace_ldap_settings" "this" {
  enabled   = true
  server    = "ldap.example.com"
  port      = 389
  start_tls = true
  user_dn   = "ou=people,dc=example,dc=com"

  group_membership = true
  group_dn         = "ou=groups,dc=example,dc=com"

  authentication      = true
  login               = "cn=docspace,ou=services,dc=example,dc=com"
  password_wo         = var.ldap_bind_password
  password_wo_version = 1 # raise it when the password changes

  new_users_type = "user"
  auto_sync_cron = "0 0 3 * * ?"
}
