# --- Naming and placement -------------------------------------------------------------------------

variable "name" {
  description = "Prefix of every resource name on both clouds."
  type        = string
  default     = "hybrid-shop"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,25}$", var.name))
    error_message = "name must be 2-26 characters of lower-case letters, digits and hyphens, starting with a letter."
  }
}

variable "aws_region" {
  description = "AWS region of the database, the functions and the HTTP API."
  type        = string
  default     = "us-east-1"

  validation {
    condition     = can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", var.aws_region))
    error_message = "aws_region must be an AWS region name such as us-east-1."
  }
}

variable "gcp_project_id" {
  description = "Google Cloud project of the web app, Datastream and BigQuery."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$", var.gcp_project_id))
    error_message = "gcp_project_id must be a Google Cloud project id (6-30 lower-case letters, digits and hyphens)."
  }
}

variable "gcp_region" {
  description = "Google Cloud region of Cloud Run, Artifact Registry and Datastream."
  type        = string
  default     = "europe-west1"

  validation {
    condition     = can(regex("^[a-z]+-[a-z]+[0-9]$", var.gcp_region))
    error_message = "gcp_region must be a Google Cloud region name such as europe-west1."
  }
}

variable "bigquery_location" {
  description = "Location of the analytics dataset (EU, US or a region). Cannot change once the dataset exists."
  type        = string
  default     = "EU"
}

variable "tags" {
  description = "Extra AWS tags / Google labels for every resource (keys and values: lower-case letters, digits, - and _)."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for k, v in var.tags : can(regex("^[a-z][a-z0-9_-]{0,62}$", k)) && can(regex("^[a-z0-9_-]{0,63}$", v))])
    error_message = "tags must be valid as Google labels too: lower-case letters, digits, - and _, at most 63 characters."
  }
}

# --- Shop -----------------------------------------------------------------------------------------

variable "currency" {
  description = "ISO-4217 currency of every price and order."
  type        = string
  default     = "EUR"

  validation {
    condition     = can(regex("^[A-Z]{3}$", var.currency))
    error_message = "currency must be an ISO-4217 code such as EUR."
  }
}

variable "admin_password_hash" {
  description = "Hash of the admin sign-in password for the web app (SHOP_ADMIN_PASSWORD_HASH); see examples/cloud/README.md for how to produce it. Never the password itself."
  type        = string
  sensitive   = true

  validation {
    condition     = length(var.admin_password_hash) >= 20
    error_message = "admin_password_hash looks too short to be a password hash."
  }
}

variable "alert_email" {
  description = "Email address that receives every alarm (SNS on AWS, a notification channel on Google); confirm the SNS subscription mail once."
  type        = string

  validation {
    condition     = can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", var.alert_email))
    error_message = "alert_email must be an email address."
  }
}

# --- Artifacts ------------------------------------------------------------------------------------

variable "lambda_artifact_path" {
  description = "Lambda zip built by ./mvnw package, relative to the directory terraform runs in."
  type        = string
  default     = "../shop-aws/target/shop-aws-lambda.zip"

  validation {
    condition     = fileexists(var.lambda_artifact_path)
    error_message = "The Lambda zip does not exist: run ./mvnw package at the repository root first."
  }
}

variable "web_image" {
  description = "Web app image in the Artifact Registry repository this configuration creates, ideally by digest: <region>-docker.pkg.dev/<project>/<name>/shop-web@sha256:..."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9.-]+(:[0-9]+)?/.+(:[A-Za-z0-9_.-]+|@sha256:[0-9a-f]{64})$", var.web_image))
    error_message = "web_image must be a full image reference with a tag or, better, a digest."
  }
}

# --- Database -------------------------------------------------------------------------------------

variable "vpc_cidr" {
  description = "IPv4 CIDR of the AWS VPC."
  type        = string
  default     = "10.40.0.0/16"
}

variable "db_instance_class" {
  description = "RDS instance class."
  type        = string
  default     = "db.t4g.micro"
}

variable "db_allocated_storage_gb" {
  description = "Initial database storage (GiB, gp3)."
  type        = number
  default     = 20
}

variable "db_max_allocated_storage_gb" {
  description = "Database storage autoscaling ceiling (GiB)."
  type        = number
  default     = 100
}

variable "db_multi_az" {
  description = "Synchronous standby in a second zone (doubles the instance price)."
  type        = bool
  default     = false
}

variable "db_backup_retention_days" {
  description = "Days of automated backups and point-in-time recovery."
  type        = number
  default     = 7
}

variable "db_deletion_protection" {
  description = "Protect the database from deletion; set false and apply before terraform destroy."
  type        = bool
  default     = true
}

variable "db_max_slot_wal_keep_size_mb" {
  description = "WAL a stalled replication slot may hold back before PostgreSQL invalidates it (MB)."
  type        = number
  default     = 5120
}

variable "enable_rds_proxy" {
  description = "Put RDS Proxy between the API functions and the database (recommended beyond a few dozen concurrent functions)."
  type        = bool
  default     = false
}

# --- API ------------------------------------------------------------------------------------------

variable "lambda_memory_mb" {
  description = "Memory of the API functions."
  type        = number
  default     = 1024
}

variable "lambda_timeout_seconds" {
  description = "Timeout of the API functions (below API Gateway's 30 s)."
  type        = number
  default     = 15
}

variable "migrate_timeout_seconds" {
  description = "Timeout of the deploy-time migrate function."
  type        = number
  default     = 300
}

variable "api_throttling_rate_limit" {
  description = "Steady requests per second the HTTP API accepts (10 orders/s with browsing is about 60)."
  type        = number
  default     = 100
}

variable "api_throttling_burst_limit" {
  description = "Request burst the HTTP API accepts."
  type        = number
  default     = 200
}

variable "log_retention_days" {
  description = "Retention of Lambda and API access logs (a CloudWatch Logs value: 1, 3, 5, 7, 14, 30, 60, 90, ...)."
  type        = number
  default     = 30
}

# --- Web ------------------------------------------------------------------------------------------

variable "web_min_instances" {
  description = "Cloud Run instances kept warm (0 scales to zero)."
  type        = number
  default     = 0
}

variable "web_max_instances" {
  description = "Cloud Run instance ceiling."
  type        = number
  default     = 3
}

variable "web_public_access" {
  description = "Allow unauthenticated shoppers (allUsers invoker)."
  type        = bool
  default     = true
}

variable "web_deletion_protection" {
  description = "Protect the Cloud Run service from deletion."
  type        = bool
  default     = true
}

# --- Replication ----------------------------------------------------------------------------------

variable "datastream_private_connection_id" {
  description = <<-EOT
    null (default): Datastream reaches RDS over the internet from its static IPs; the database
    gets a public address, but its security group admits only those IPs and the Lambda group, and
    only TLS sessions. Set to a Datastream private connection id (projects/…/privateConnections/…)
    that already routes into the VPC (Cloud VPN or Interconnect to AWS) to keep the database
    entirely private. See examples/cloud/README.md, "Choosing how Datastream reaches RDS".
  EOT
  type        = string
  default     = null
}

variable "datastream_desired_state" {
  description = "NOT_STARTED on first apply; RUNNING to start replication; PAUSED to stop it without losing the slot position."
  type        = string
  default     = "NOT_STARTED"
}

variable "bigquery_delete_contents_on_destroy" {
  description = "Let terraform destroy delete the analytics dataset with the replicated tables in it (false: destroy stops at a non-empty dataset)."
  type        = bool
  default     = false
}

variable "datastream_data_freshness" {
  description = "BigQuery max staleness of the replicated tables, e.g. 900s (cheaper) or 60s (fresher, more merge cost)."
  type        = string
  default     = "900s"
}
