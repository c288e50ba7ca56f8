# Import a webhook by its id. The secret is never reported: the webhook keeps its
# secret until secret_wo with a secret_wo_version (or secret) is set.
terraform import docspace_webhook.siem 12
