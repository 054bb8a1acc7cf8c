# The shopper-facing web app on Cloud Run, with its own service account. It calls the AWS API
# with a Google-signed ID token of that account (fetched from the metadata server, audience =
# api_audience): there are no AWS credentials anywhere on the Google side.

locals {
  # Exactly the variables the web app reads (contract: shop-gcp configuration). PORT is not
  # listed: Cloud Run sets it from container_port and rejects it as a user variable.
  plain_env = {
    SHOP_API_URL      = var.api_url
    SHOP_API_AUDIENCE = var.api_audience
    SHOP_CURRENCY     = var.currency
    SHOP_WAREHOUSE    = "bigquery"
    SHOP_BQ_PROJECT   = var.bigquery_project_id
    SHOP_BQ_DATASET   = var.bigquery_dataset_id
    SHOP_BQ_LOCATION  = var.bigquery_location
  }

  # Environment variable => Secret Manager secret (suffix of its id). Values never appear in the
  # service definition, only a reference to a pinned secret version.
  secret_env = {
    SHOP_COOKIE_SECRET       = "cookie-secret"
    SHOP_ADMIN_PASSWORD_HASH = "admin-password-hash"
  }

  web_member = "serviceAccount:${google_service_account.web.email}"

  # for_each runs over the ids only: sensitive values cannot key resource instances.
  secret_ids = toset(values(local.secret_env))

  secret_values = {
    "cookie-secret"       = var.cookie_secret
    "admin-password-hash" = var.admin_password_hash
  }
}

resource "google_artifact_registry_repository" "web" {
  project       = var.project_id
  location      = var.region
  repository_id = var.name
  description   = "Hybrid Shop web app images"
  format        = "DOCKER"
  labels        = var.labels

  # Keep the ten newest images (the running one among them), delete the rest after 30 days.
  cleanup_policies {
    id     = "keep-recent"
    action = "KEEP"

    most_recent_versions {
      keep_count = 10
    }
  }

  cleanup_policies {
    id     = "delete-old"
    action = "DELETE"

    condition {
      older_than = "2592000s"
    }
  }
}

resource "google_service_account" "web" {
  project      = var.project_id
  account_id   = "${var.name}-web"
  display_name = "Hybrid Shop web app (Cloud Run)"
  description  = "Reads its own secrets and the analytics dataset; its ID tokens authenticate it to the AWS API."
}

# --- Secrets ------------------------------------------------------------------------------------

resource "google_secret_manager_secret" "web" {
  for_each = local.secret_ids

  project   = var.project_id
  secret_id = "${var.name}-${each.key}"
  labels    = var.labels

  replication {
    auto {}
  }
}

resource "google_secret_manager_secret_version" "web" {
  for_each = local.secret_ids

  secret      = google_secret_manager_secret.web[each.key].id
  secret_data = local.secret_values[each.key]
}

resource "google_secret_manager_secret_iam_member" "web" {
  for_each = local.secret_ids

  project   = var.project_id
  secret_id = google_secret_manager_secret.web[each.key].secret_id
  role      = "roles/secretmanager.secretAccessor"
  member    = local.web_member
}

# --- Analytics: read one dataset, run query jobs -------------------------------------------------

resource "google_bigquery_dataset_iam_member" "web_reader" {
  project    = var.bigquery_project_id
  dataset_id = var.bigquery_dataset_id
  role       = "roles/bigquery.dataViewer"
  member     = local.web_member
}

# Running a query is a project-level permission; what the query can read is still limited to the
# dataset above.
resource "google_project_iam_member" "web_job_user" {
  project = var.bigquery_project_id
  role    = "roles/bigquery.jobUser"
  member  = local.web_member
}

# --- The service ----------------------------------------------------------------------------------

resource "google_cloud_run_v2_service" "web" {
  project             = var.project_id
  location            = var.region
  name                = var.name
  description         = "Hybrid Shop web app"
  ingress             = "INGRESS_TRAFFIC_ALL"
  deletion_protection = var.deletion_protection
  labels              = var.labels

  template {
    service_account                  = google_service_account.web.email
    max_instance_request_concurrency = var.max_request_concurrency
    timeout                          = "30s"

    scaling {
      min_instance_count = var.min_instances
      max_instance_count = var.max_instances
    }

    containers {
      image = var.image

      ports {
        container_port = 8080
      }

      resources {
        limits = {
          cpu    = var.cpu
          memory = var.memory
        }
        # CPU only while serving requests (cheapest); the JVM gets a boost while starting.
        cpu_idle          = true
        startup_cpu_boost = true
      }

      dynamic "env" {
        for_each = local.plain_env

        content {
          name  = env.key
          value = env.value
        }
      }

      dynamic "env" {
        for_each = local.secret_env

        content {
          name = env.key

          value_source {
            secret_key_ref {
              secret = google_secret_manager_secret.web[env.value].secret_id
              # Pinned, so a new secret value rolls out as a new revision (and can be rolled back).
              version = google_secret_manager_secret_version.web[env.value].version
            }
          }
        }
      }

      startup_probe {
        initial_delay_seconds = 2
        period_seconds        = 3
        failure_threshold     = 20
        timeout_seconds       = 2

        http_get {
          path = "/healthz"
        }
      }

      liveness_probe {
        period_seconds    = 30
        failure_threshold = 3
        timeout_seconds   = 5

        http_get {
          path = "/healthz"
        }
      }
    }
  }

  lifecycle {
    # gcloud and the console stamp these on every deploy they make; they carry no configuration.
    ignore_changes = [client, client_version]
  }

  # A revision that cannot read its secrets never becomes ready.
  depends_on = [google_secret_manager_secret_iam_member.web]
}

resource "google_cloud_run_v2_service_iam_member" "public" {
  count = var.public_access ? 1 : 0

  project  = var.project_id
  location = google_cloud_run_v2_service.web.location
  name     = google_cloud_run_v2_service.web.name
  role     = "roles/run.invoker"
  member   = "allUsers"
}
