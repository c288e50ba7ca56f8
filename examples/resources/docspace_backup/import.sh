# Import a backup by its id, as listed by the docspace_backup_history data source.
terraform import docspace_backup.release 3f2b8c1e-5d4a-4e6f-9a7b-0c1d2e3f4a5b
