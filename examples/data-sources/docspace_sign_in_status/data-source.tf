# Stop a plan early when the portal's plan has no SSO, instead of failing at apply.
data "docspace_sign_in_status" "now" {}

check "sso_is_available" {
  assert {
    condition     = data.docspace_sign_in_status.now.sso_available
    error_message = "This portal's plan does not include single sign-on."
  }
}
