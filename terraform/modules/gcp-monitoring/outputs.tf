output "notification_channel" {
  description = "Email notification channel every policy uses; add more channels to the policies as needed."
  value       = google_monitoring_notification_channel.email.id
}

output "alert_policies" {
  description = "Display names of every alert policy this module creates."
  value       = [for p in local.alert_policies : p.display_name]
}

output "dashboard_url" {
  description = "Cloud Monitoring dashboard of the Google half."
  value       = "https://console.cloud.google.com/monitoring/dashboards/builder/${element(split("/", google_monitoring_dashboard.this.id), 3)}?project=${var.project_id}"
}
