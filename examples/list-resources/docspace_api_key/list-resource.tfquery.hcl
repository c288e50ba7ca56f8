# keys.tfquery.hcl: list API keys to adopt (Terraform 1.14+). Secrets are never listed.
#   terraform query -generate-config-out=keys.tf
list "docspace_api_key" "all" {
  provider = docspace
}
