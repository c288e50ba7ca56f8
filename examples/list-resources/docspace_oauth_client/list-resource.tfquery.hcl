# oauth.tfquery.hcl: list OAuth clients to adopt (Terraform 1.14+).
#   terraform query -generate-config-out=oauth.tf
list "docspace_oauth_client" "all" {
  provider = docspace
}
