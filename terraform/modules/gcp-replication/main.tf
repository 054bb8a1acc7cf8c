# Change data capture from RDS PostgreSQL into BigQuery with Datastream (merge mode, single
# target dataset). The source side (publication, slot, replication user, heartbeat) is prepared by
# the migrate function on AWS; this module only consumes it.
#
# Traps of the google provider avoided here (each would show a change, or replace the stream and
# so re-run the whole backfill, on every apply):
#  1. single_target_dataset.dataset_id takes the dataset's full id ("projects/P/datasets/D", as in
#     the provider's examples); a hand-written "P:D" or bare "D" does not match what is read back.
#  2. The write mode is spelled out (merge {}): left out, the API fills it in and plans drift.
#  3. data_freshness is written the way the API returns it ("900s", validated on the variable).
#  4. Tables are sorted: include_objects is a list, and a reordering alone would be a diff.
#  5. max_concurrent_backfill_tasks is not set and its server-chosen value is ignored.
#  6. The connection profile's password is write-only in the API: it is never read back, so
#     Terraform cannot notice a password changed elsewhere, and any change of the input updates
#     (and re-validates) the profile. The root passes a random_password without keepers, which
#     stays the same on every apply; rotating it is a deliberate step (examples/cloud/README.md).
#  7. Stream id, profile ids, publication and replication_slot are immutable: changing them
#     replaces the stream and starts a new backfill. They are fixed, not derived from anything
#     that changes.

resource "google_bigquery_dataset" "this" {
  project                    = var.project_id
  dataset_id                 = var.dataset_id
  friendly_name              = "Hybrid Shop analytics"
  description                = "Replica of the shop's PostgreSQL tables, written by Datastream (tables shop_<table>)."
  location                   = var.bigquery_location
  delete_contents_on_destroy = var.delete_dataset_contents_on_destroy
  labels                     = var.labels
}

# Creating the profile and the stream makes Datastream connect and check publication, slot and
# grants, so both wait for the migrate function (passed in as a marker, not as depends_on on a
# module, which would defer reads to apply time).
resource "terraform_data" "source_prepared" {
  input = var.source_prepared_marker
}

resource "google_datastream_connection_profile" "source" {
  project               = var.project_id
  location              = var.region
  connection_profile_id = "${var.name}-postgres"
  display_name          = "Hybrid Shop PostgreSQL (RDS)"
  labels                = var.labels

  # No forward_ssh_connectivity or private_connectivity block = IP allow-listing: Datastream
  # connects from its published static IPs, which the RDS security group admits. TLS is used
  # because the server requires it (rds.force_ssl=1).
  postgresql_profile {
    hostname = var.source_hostname
    port     = var.source_port
    database = var.source_database
    username = var.replication_user
    password = var.replication_password
  }

  dynamic "private_connectivity" {
    for_each = var.private_connection_id == null ? [] : [var.private_connection_id]

    content {
      private_connection = private_connectivity.value
    }
  }

  depends_on = [terraform_data.source_prepared]
}

resource "google_datastream_connection_profile" "destination" {
  project               = var.project_id
  location              = var.region
  connection_profile_id = "${var.name}-bigquery"
  display_name          = "Hybrid Shop BigQuery"
  labels                = var.labels

  bigquery_profile {}
}

resource "google_datastream_stream" "this" {
  project       = var.project_id
  location      = var.region
  stream_id     = "${var.name}-shop-to-bigquery"
  display_name  = "Hybrid Shop: PostgreSQL to BigQuery"
  desired_state = var.desired_state
  labels        = var.labels

  source_config {
    source_connection_profile = google_datastream_connection_profile.source.id

    postgresql_source_config {
      publication      = var.publication
      replication_slot = var.replication_slot

      include_objects {
        postgresql_schemas {
          schema = var.schema

          dynamic "postgresql_tables" {
            for_each = sort(var.tables)

            content {
              table = postgresql_tables.value
            }
          }
        }
      }
    }
  }

  destination_config {
    destination_connection_profile = google_datastream_connection_profile.destination.id

    bigquery_destination_config {
      data_freshness = var.data_freshness

      single_target_dataset {
        dataset_id = google_bigquery_dataset.this.id
      }

      merge {}
    }
  }

  # Copy the existing rows first, then stream changes.
  backfill_all {}

  lifecycle {
    ignore_changes = [
      source_config[0].postgresql_source_config[0].max_concurrent_backfill_tasks,
    ]
  }

  depends_on = [terraform_data.source_prepared]
}
