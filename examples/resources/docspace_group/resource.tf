data "docspace_user" "cfo" {
  email = "cfo@example.com"
}

resource "docspace_group" "finance" {
  name    = "Finance"
  manager = data.docspace_user.cfo.id
}
