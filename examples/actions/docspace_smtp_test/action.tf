# Send DocSpace's test message after every change of the mail settings (Terraform 1.14 or
# later); a refused message fails the apply with the mail server's answer. On demand:
#   terraform apply -invoke=action.docspace_smtp_test.after_change
action "docspace_smtp_test" "after_change" {}

resource "docspace_smtp_settings" "this" {
  host           = "smtp.example.com"
  port           = 25
  sender_address = "docspace@example.com"

  lifecycle {
    action_trigger {
      events  = [after_create, after_update]
      actions = [action.docspace_smtp_test.after_change]
    }
  }
}
