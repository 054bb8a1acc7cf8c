output "web_url" {
  description = "The shop for shoppers (Cloud Run)."
  value       = module.gcp_web.service_url
}

output "api_url" {
  description = "The shop's HTTP API (API Gateway); GET /health answers without a token."
  value       = module.aws_api.api_endpoint
}

output "web_image_repository" {
  description = "Where to push the web image before setting web_image."
  value       = module.gcp_web.repository_url
}

output "web_service_account" {
  description = "Service account of the web app; its unique id is the only admin subject the API accepts."
  value       = module.gcp_web.service_account_email
}

output "database_address" {
  description = "RDS instance DNS name."
  value       = module.aws_database.instance_address
}

output "database_publicly_accessible" {
  description = "Whether RDS has a public address (Datastream IP allow-listing)."
  value       = module.aws_database.publicly_accessible
}

output "database_master_secret_arn" {
  description = "Secrets Manager ARN of the RDS-managed master credentials."
  value       = module.aws_database.master_user_secret_arn
}

output "migrate_function" {
  description = "Name of the migrate function."
  value       = module.aws_api.migrate_function_name
}

output "migrate_result" {
  description = "What the migrate function reported at the last deploy."
  value       = module.aws_api.migrate_result
}

output "datastream_stream" {
  description = "Datastream stream id and region, for gcloud datastream streams describe."
  value = {
    id       = module.gcp_replication.stream_id
    location = var.gcp_region
    state    = module.gcp_replication.stream_state
  }
}

output "bigquery_dataset" {
  description = "Analytics dataset (project:dataset) and its location."
  value = {
    id       = "${var.gcp_project_id}:${module.gcp_replication.dataset_id}"
    location = module.gcp_replication.dataset_location
  }
}

output "alarm_topic_arn" {
  description = "SNS topic every AWS alarm notifies (subscribe a pager or chat endpoint to it)."
  value       = module.aws_monitoring.alarm_topic_arn
}

output "dashboards" {
  description = "The CloudWatch and Cloud Monitoring dashboards."
  value = {
    aws    = module.aws_monitoring.dashboard_url
    google = module.gcp_monitoring.dashboard_url
  }
}
