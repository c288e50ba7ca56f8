# Colleagues with a company address may join on their own, as users.
resource "docspace_trusted_mail_domains" "this" {
  mode          = "custom"
  domains       = ["example.com", "example.org"]
  join_as_users = true
}
