# The LDAP settings are one per portal: import them with the id "portal". The bind
# password is never read back; set password_wo after importing.
terraform import docspace_ldap_settings.this portal
