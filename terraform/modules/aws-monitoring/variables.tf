variable "name" {
  description = "Prefix of the topic, alarm and dashboard names."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}$", var.name))
    error_message = "name must be 2-31 characters of lower-case letters, digits and hyphens, starting with a letter."
  }
}

variable "alert_email" {
  description = "Email address the SNS topic sends alarms to (the subscription must be confirmed from that mailbox)."
  type        = string

  validation {
    condition     = can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", var.alert_email))
    error_message = "alert_email must be an email address."
  }
}

variable "functions" {
  description = "Every Lambda function to watch, by key: its name and timeout (aws-api's functions output)."
  type = map(object({
    name            = string
    timeout_seconds = number
  }))
}

variable "api_id" {
  description = "ID of the HTTP API (dimension ApiId of the AWS/ApiGateway metrics)."
  type        = string
}

variable "db_instance_id" {
  description = "RDS instance identifier (dimension DBInstanceIdentifier of the AWS/RDS metrics)."
  type        = string
}

variable "period_seconds" {
  description = "Period over which every alarm aggregates its metric; the multi-period alarms span a few of these."
  type        = number
  default     = 300

  validation {
    condition     = contains([60, 300, 900, 3600], var.period_seconds)
    error_message = "period_seconds must be 60, 300, 900 or 3600."
  }
}

variable "business_metrics_namespace" {
  description = "CloudWatch namespace of the business metrics the API functions write as Embedded Metric Format lines (shop-aws EmfLog), shown on the dashboard."
  type        = string
  default     = "HybridShop"
}

# --- Thresholds ------------------------------------------------------------------------------------

variable "lambda_errors_threshold" {
  description = "Function errors (unhandled exceptions and timeouts) per period that raise the alarm."
  type        = number
  default     = 1
}

variable "lambda_throttles_threshold" {
  description = "Throttled invocations per period that raise the alarm."
  type        = number
  default     = 1
}

variable "lambda_duration_timeout_ratio" {
  description = "Share of a function's timeout that its p99 duration may reach before the alarm (0.8 = 80%)."
  type        = number
  default     = 0.8

  validation {
    condition     = var.lambda_duration_timeout_ratio > 0 && var.lambda_duration_timeout_ratio < 1
    error_message = "lambda_duration_timeout_ratio must be between 0 and 1."
  }
}

variable "api_5xx_rate_percent" {
  description = "Share of API requests answered 5xx (percent) that raises the alarm."
  type        = number
  default     = 5
}

variable "api_5xx_min_requests" {
  description = "Requests per period below which the 5xx share is not judged (too little traffic for a rate)."
  type        = number
  default     = 20
}

variable "api_latency_p99_ms" {
  description = "p99 latency of the HTTP API (ms) that, held for two periods, raises the alarm."
  type        = number
  default     = 3000
}

variable "db_cpu_percent" {
  description = "Average database CPU (percent) that, held for three periods, raises the alarm."
  type        = number
  default     = 80
}

variable "db_free_storage_gb" {
  description = "Free database storage (GiB) below which the alarm is raised."
  type        = number
  default     = 2
}

variable "db_freeable_memory_mb" {
  description = "Freeable database memory (MiB) below which, for three periods, the alarm is raised."
  type        = number
  default     = 64
}

variable "db_max_connections" {
  description = "max_connections of the instance. RDS's default is LEAST(DBInstanceClassMemory/9531392, 5000): about 80 on db.t4g.micro, 180 on db.t4g.small."
  type        = number
  default     = 80
}

variable "db_connections_ratio" {
  description = "Share of db_max_connections in use that raises the alarm (0.8 = 80%)."
  type        = number
  default     = 0.8

  validation {
    condition     = var.db_connections_ratio > 0 && var.db_connections_ratio <= 1
    error_message = "db_connections_ratio must be between 0 and 1."
  }
}

variable "db_replication_slot_lag_mb" {
  description = "WAL (MiB) the most lagging replication slot may hold unread, for two periods, before the alarm."
  type        = number
  default     = 1024
}

variable "db_transaction_logs_mb" {
  description = "WAL on the database disk (MiB) that raises the alarm; keep it below max_slot_wal_keep_size, where the slot is invalidated."
  type        = number
  default     = 3072
}

variable "tags" {
  description = "Extra tags for every resource."
  type        = map(string)
  default     = {}
}
