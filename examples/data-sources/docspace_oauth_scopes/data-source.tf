# Every read scope the portal offers, for an auditing application.
data "docspace_oauth_scopes" "all" {}

locals {
  read_scopes = [for s in data.docspace_oauth_scopes.all.scopes : s.name if s.type == "read"]
}
