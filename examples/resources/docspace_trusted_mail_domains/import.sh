# A portal has one of this setting: import it with the id "portal".
terraform import docspace_trusted_mail_domains.this portal
