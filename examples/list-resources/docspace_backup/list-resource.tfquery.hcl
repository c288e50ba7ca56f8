# backups.tfquery.hcl: list the archives in the backup history (Terraform 1.14+).
#   terraform query                                   # show them
#   terraform query -generate-config-out=backups.tf   # write import blocks and config
list "docspace_backup" "documents" {
  provider = docspace
  config {
    storage_types = ["Documents", "ThirdPartyConsumer"]
  }
}

list "docspace_backup" "server" {
  provider = docspace
  config {
    dump = true # self-hosted servers only
  }
}
