# Register the reporting dashboard as an OAuth application: people sign in to it with
# their DocSpace account and let it read rooms and files for them.
resource "docspace_oauth_client" "dashboard" {
  name        = "Reporting dashboard"
  description = "Weekly reports on rooms and files"
  logo        = "data:image/png;base64,${filebase64("${path.module}/logo.png")}"

  website_url         = "https://reports.example.com"
  terms_url           = "https://reports.example.com/terms"
  policy_url          = "https://reports.example.com/privacy"
  logout_redirect_uri = "https://reports.example.com/signed-out"
  redirect_uris       = ["https://reports.example.com/oauth/callback"]
  allowed_origins     = ["https://reports.example.com"]
  scopes              = ["openid", "rooms:read", "files:read"]

  # Change the value (a date, a counter) to have DocSpace issue a new secret.
  client_secret_rotation = "2026-12"
}

# Hand the credentials to the application's secret store, never to an output in clear text.
output "dashboard_client_id" {
  value = docspace_oauth_client.dashboard.client_id
}

output "dashboard_client_secret" {
  value     = docspace_oauth_client.dashboard.client_secret
  sensitive = true
}
