# A portal has one of this setting: import it with the id "portal". DocSpace never
# returns the password: set password_wo (and password_wo_version) before the next apply.
terraform import docspace_smtp_settings.this portal
