variable "name" {
  description = "Prefix of the stream and connection profile ids."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}$", var.name))
    error_message = "name must be 2-31 characters of lower-case letters, digits and hyphens, starting with a letter."
  }
}

variable "project_id" {
  description = "Google Cloud project."
  type        = string
}

variable "region" {
  description = "Datastream region; its static IPs are the ones the database must allow."
  type        = string
}

variable "dataset_id" {
  description = "BigQuery dataset Datastream writes into (single target dataset: tables are named <schema>_<table>)."
  type        = string
  default     = "shop_analytics"

  validation {
    condition     = can(regex("^[A-Za-z0-9_]{1,1024}$", var.dataset_id))
    error_message = "dataset_id may contain letters, digits and underscores only."
  }
}

variable "bigquery_location" {
  description = "Location of the dataset (a multi-region such as EU or US, or a region). Cannot change after creation."
  type        = string
  default     = "EU"
}

variable "delete_dataset_contents_on_destroy" {
  description = "Let terraform destroy delete the dataset even though it holds the replicated tables."
  type        = bool
  default     = false
}

variable "source_hostname" {
  description = "DNS name of the PostgreSQL instance (not an IP: RDS addresses change on failover)."
  type        = string
}

variable "source_port" {
  description = "PostgreSQL port."
  type        = number
  default     = 5432
}

variable "source_database" {
  description = "Database holding the shop schema."
  type        = string
}

variable "replication_user" {
  description = "User Datastream logs in as (created with rds_replication and SELECT by the migrate function)."
  type        = string
}

variable "replication_password" {
  description = "Password of replication_user."
  type        = string
  sensitive   = true
}

variable "source_prepared_marker" {
  description = <<-EOT
    Any value that becomes known only once the source database is prepared (publication, slot and
    replication user exist), e.g. the migrate invocation's result. The connection profile and the
    stream are created after it, because Datastream validates both against the live database.
  EOT
  type        = string
}

variable "private_connection_id" {
  description = "Datastream private connection (projects/…/locations/…/privateConnections/…) to reach the database through; null means IP allow-listing over the internet."
  type        = string
  default     = null
}

variable "publication" {
  description = "PostgreSQL publication of the shop tables (created by the migrate function; must match shop-core)."
  type        = string
  default     = "shop_publication"
}

variable "replication_slot" {
  description = "pgoutput logical replication slot (created by the migrate function; must match shop-core). Immutable in a stream."
  type        = string
  default     = "shop_datastream_slot"
}

variable "schema" {
  description = "PostgreSQL schema of the shop tables."
  type        = string
  default     = "shop"
}

variable "tables" {
  description = "Tables to replicate; all must be in the publication and have primary keys."
  type        = list(string)
  default     = ["products", "orders", "order_lines", "stock_movements", "replication_heartbeat"]

  validation {
    condition     = length(var.tables) > 0 && length(var.tables) == length(distinct(var.tables))
    error_message = "tables must list at least one table, each once."
  }
}

variable "desired_state" {
  description = "NOT_STARTED (create only), RUNNING, or PAUSED. A new stream can only be NOT_STARTED or RUNNING; once started, pause instead of going back to NOT_STARTED."
  type        = string
  default     = "NOT_STARTED"

  validation {
    condition     = contains(["NOT_STARTED", "RUNNING", "PAUSED"], var.desired_state)
    error_message = "desired_state must be NOT_STARTED, RUNNING or PAUSED."
  }
}

variable "data_freshness" {
  description = <<-EOT
    Staleness BigQuery may serve (the tables' max_staleness), in seconds with an "s" suffix.
    Datastream applies changes with background merge jobs at roughly this interval: a smaller value
    means fresher data but more merge compute (billed to the project's BigQuery), a larger one is
    cheaper. 900s is Datastream's default and fits dashboards that tolerate 15 minutes.
  EOT
  type        = string
  default     = "900s"

  validation {
    # Datastream returns durations as "<seconds>s": any other spelling would show a diff forever.
    condition     = can(regex("^[0-9]+s$", var.data_freshness))
    error_message = "data_freshness must be a whole number of seconds with an s suffix, e.g. \"900s\"."
  }
}

variable "labels" {
  description = "Labels for every resource that takes them."
  type        = map(string)
  default     = {}
}
