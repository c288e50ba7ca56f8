# Sign in through the company's identity provider; new people become users. The
# certificates are PEM text (from the IdP's metadata, a secret store or a tls_ resource);
# the portal's own signing key comes from a secret store and is never stored in state.
variable "idp_signing_certificate" {
  type = string
}

variable "sp_certificate" {
  type = string
}

variable "sp_private_key" {
  type      = string
  sensitive = true
  ephemeral = true
}

resource "docspace_sso_settings" "this" {
  enabled          = true
  idp_entity_id    = "https://idp.example.com/realms/staff"
  idp_sso_url      = "https://idp.example.com/realms/staff/protocol/saml"
  idp_slo_url      = "https://idp.example.com/realms/staff/protocol/saml"
  idp_certificates = [var.idp_signing_certificate]
  verify_algorithm = "rsa-sha256"

  verify_auth_responses_sign = true

  sp_certificate            = var.sp_certificate
  sp_private_key_wo         = var.sp_private_key
  sp_private_key_wo_version = 1 # raise it when the key changes
  sign_auth_requests        = true
  signing_algorithm         = "rsa-sha256"

  login_label    = "Sign in with Example ID"
  new_users_type = "user"
}
