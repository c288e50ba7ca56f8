# A portal has one of this setting: import it with the id "portal".
terraform import docspace_branding.this portal
