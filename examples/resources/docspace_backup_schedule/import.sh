# The portal's schedule is imported as "portal", a self-hosted server's dump schedule as "server".
terraform import docspace_backup_schedule.weekly portal
