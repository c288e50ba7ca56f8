# A key for the reporting job: reads everything, changes nothing, expires in 90 days (plan
# after that replaces it with a new key).
resource "docspace_api_key" "reporting" {
  name            = "reporting"
  permissions     = ["*:read"]
  expires_in_days = 90
}

# Hand it to the job's secret store, never to an output in clear text.
output "reporting_key" {
  value     = docspace_api_key.reporting.key
  sensitive = true
}
