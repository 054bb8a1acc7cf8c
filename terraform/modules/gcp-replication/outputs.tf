output "dataset_id" {
  description = "Short id of the analytics dataset."
  value       = google_bigquery_dataset.this.dataset_id
}

output "dataset_location" {
  description = "Location of the analytics dataset."
  value       = google_bigquery_dataset.this.location
}

output "stream_id" {
  description = "Datastream stream id (gcloud datastream streams describe <id> --location=<region>)."
  value       = google_datastream_stream.this.stream_id
}

output "stream_name" {
  description = "Full resource name of the stream."
  value       = google_datastream_stream.this.name
}

output "stream_state" {
  description = "State of the stream as last read by Terraform."
  value       = google_datastream_stream.this.state
}
