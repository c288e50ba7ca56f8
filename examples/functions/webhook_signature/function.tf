# Check that a delivery a receiver logged was really sent by the portal.
# Provider functions need the provider in required_providers.
terraform {
  required_providers {
    docspace = {
      source = "docspace-terraform/docspace"
    }
  }
}

variable "webhook_secret" {
  type      = string
  sensitive = true
}

variable "delivery_body" {
  description = "The body of a delivery, exactly as received."
  type        = string
}

variable "delivery_signature" {
  description = "Its x-docspace-signature-256 header."
  type        = string
}

check "delivery_is_signed_by_the_portal" {
  assert {
    condition     = provider::docspace::webhook_signature(var.webhook_secret, var.delivery_body) == var.delivery_signature
    error_message = "The delivery's signature does not match the webhook's secret."
  }
}
