resource "docspace_password_policy" "this" {
  min_length         = 12
  upper_case         = true
  digits             = true
  special_characters = true
}
