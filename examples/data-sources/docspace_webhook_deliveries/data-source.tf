data "docspace_webhook_deliveries" "siem" {
  webhook_id = 12
}

output "failed_deliveries" {
  value = [for d in data.docspace_webhook_deliveries.siem.deliveries : d.id if d.status >= 300]
}
