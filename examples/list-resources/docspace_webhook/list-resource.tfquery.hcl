# webhooks.tfquery.hcl: list webhooks to adopt (Terraform 1.14+).
#   terraform query -generate-config-out=webhooks.tf
list "docspace_webhook" "all" {
  provider = docspace
}
