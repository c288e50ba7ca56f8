# A portal has one of this setting: import it with the id "portal". The SP private key is
# never read back: set sp_private_key_wo before the next apply if the SP certificate is used.
terraform import docspace_sso_settings.this portal
