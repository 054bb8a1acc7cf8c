output "service_url" {
  description = "HTTPS URL of the web app."
  value       = google_cloud_run_v2_service.web.uri
}

output "service_name" {
  description = "Name of the Cloud Run service."
  value       = google_cloud_run_v2_service.web.name
}

output "service_account_email" {
  description = "Email of the web app's service account."
  value       = google_service_account.web.email
}

output "service_account_unique_id" {
  description = "Numeric unique id of the service account: the `sub` claim of its ID tokens (admin subject on the API)."
  value       = google_service_account.web.unique_id
}

output "repository_url" {
  description = "Docker repository to push the web image to."
  value       = "${google_artifact_registry_repository.web.location}-docker.pkg.dev/${var.project_id}/${google_artifact_registry_repository.web.repository_id}"
}
