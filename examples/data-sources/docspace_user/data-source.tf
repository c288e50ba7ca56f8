# Look an account up by email (or by id) to use it without managing it.
data "docspace_user" "cfo" {
  email = "cfo@example.com"
}

output "cfo_type" {
  value = data.docspace_user.cfo.type
}
