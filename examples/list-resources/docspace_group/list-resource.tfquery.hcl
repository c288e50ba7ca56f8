# groups.tfquery.hcl: list groups to adopt (Terraform 1.14+).
#   terraform query -generate-config-out=groups.tf
list "docspace_group" "all" {
  provider = docspace
}
