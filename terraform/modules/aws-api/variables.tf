variable "name" {
  description = "Prefix for function, role, API and log group names."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}$", var.name))
    error_message = "name must be 2-31 characters of lower-case letters, digits and hyphens, starting with a letter."
  }
}

variable "artifact_path" {
  description = "Path of the Lambda deployment zip built by ./mvnw package (shop-aws/target/shop-aws-lambda.zip)."
  type        = string

  validation {
    condition     = fileexists(var.artifact_path)
    error_message = "The Lambda zip does not exist: run ./mvnw package at the repository root first."
  }
}

variable "architecture" {
  description = "Lambda architecture; the artifact is pure Java, and arm64 (Graviton) costs about 20% less per GB-second."
  type        = string
  default     = "arm64"

  validation {
    condition     = contains(["arm64", "x86_64"], var.architecture)
    error_message = "architecture must be arm64 or x86_64."
  }
}

variable "memory_mb" {
  description = "Memory of the API functions (CPU grows with it; Java starts faster with 1024 or more)."
  type        = number
  default     = 1024

  validation {
    condition     = var.memory_mb >= 256 && var.memory_mb <= 10240
    error_message = "memory_mb must be between 256 and 10240."
  }
}

variable "timeout_seconds" {
  description = "Timeout of the API functions; API Gateway gives up after 30 s anyway."
  type        = number
  default     = 15

  validation {
    condition     = var.timeout_seconds >= 1 && var.timeout_seconds <= 29
    error_message = "timeout_seconds must be between 1 and 29 (below the HTTP API's 30 s integration limit)."
  }
}

variable "migrate_memory_mb" {
  description = "Memory of the migrate function."
  type        = number
  default     = 1024

  validation {
    condition     = var.migrate_memory_mb >= 256 && var.migrate_memory_mb <= 10240
    error_message = "migrate_memory_mb must be between 256 and 10240."
  }
}

variable "migrate_timeout_seconds" {
  description = "Timeout of the migrate function (schema migrations and replication setup)."
  type        = number
  default     = 300

  validation {
    condition     = var.migrate_timeout_seconds >= 30 && var.migrate_timeout_seconds <= 900
    error_message = "migrate_timeout_seconds must be between 30 and 900."
  }
}

variable "heartbeat_memory_mb" {
  description = "Memory of the heartbeat function (one UPDATE a minute)."
  type        = number
  default     = 512

  validation {
    condition     = var.heartbeat_memory_mb >= 256 && var.heartbeat_memory_mb <= 10240
    error_message = "heartbeat_memory_mb must be between 256 and 10240."
  }
}

variable "heartbeat_timeout_seconds" {
  description = "Timeout of the heartbeat function; below the one-minute schedule so beats never overlap."
  type        = number
  default     = 30

  validation {
    condition     = var.heartbeat_timeout_seconds >= 5 && var.heartbeat_timeout_seconds < 60
    error_message = "heartbeat_timeout_seconds must be between 5 and 59."
  }
}

variable "subnet_ids" {
  description = "Private subnets for the functions' network interfaces."
  type        = list(string)
}

variable "security_group_ids" {
  description = "Security groups of the functions."
  type        = list(string)
}

variable "vpc_endpoint_ids" {
  description = "VPC endpoints the functions need (Secrets Manager); used only to order the migrate invocation after them."
  type        = list(string)
}

variable "db_host" {
  description = "Database host for the API functions (RDS Proxy or the instance)."
  type        = string
}

variable "db_migrate_host" {
  description = "Database host for the migrate function: always the instance, since Flyway's advisory lock would pin proxy sessions."
  type        = string
}

variable "db_port" {
  description = "PostgreSQL port."
  type        = number
  default     = 5432
}

variable "db_name" {
  description = "Application database name."
  type        = string
}

variable "db_sslmode" {
  description = "PostgreSQL sslmode the functions use (DB_SSLMODE)."
  type        = string
  default     = "verify-full"

  validation {
    condition     = contains(["require", "verify-ca", "verify-full"], var.db_sslmode)
    error_message = "db_sslmode must be require, verify-ca or verify-full: the database only accepts TLS."
  }
}

variable "db_ca_bundle_pem" {
  description = "PEM bundle of the RDS certificate authorities; shipped to the functions as a layer so verify-full can check the instance's certificate."
  type        = string

  validation {
    condition     = strcontains(var.db_ca_bundle_pem, "-----BEGIN CERTIFICATE-----")
    error_message = "db_ca_bundle_pem must hold PEM certificates."
  }
}

variable "db_via_proxy" {
  description = "Whether db_host is RDS Proxy. Its certificate chains to Amazon Trust Services, which the JVM trusts, so the API functions then use the JVM trust store instead of the RDS bundle."
  type        = bool
  default     = false
}

variable "db_credentials_secret_arn" {
  description = "ARN of the RDS-managed master secret (JSON username/password), read by every function."
  type        = string
}

variable "replication_user" {
  description = "PostgreSQL user the migrate function creates for Datastream."
  type        = string
  default     = "shop_replicator"
}

variable "replication_password_secret_arn" {
  description = "ARN of the secret holding the replication user's password, read by the migrate function only."
  type        = string
}

variable "currency" {
  description = "ISO-4217 currency of the shop."
  type        = string

  validation {
    condition     = can(regex("^[A-Z]{3}$", var.currency))
    error_message = "currency must be an ISO-4217 code such as EUR."
  }
}

variable "admin_jwt_subjects" {
  description = "`sub` claims of Google ID tokens that count as admin (the Cloud Run service account's unique id)."
  type        = list(string)

  validation {
    condition     = length(var.admin_jwt_subjects) > 0
    error_message = "admin_jwt_subjects must name at least one subject, otherwise nobody can administer the shop."
  }
}

variable "throttling_rate_limit" {
  description = "Steady-state requests per second the API accepts (all routes together)."
  type        = number
  default     = 100
}

variable "throttling_burst_limit" {
  description = "Burst of requests the API accepts above the steady rate."
  type        = number
  default     = 200
}

variable "log_retention_days" {
  description = "Retention of the function and access logs."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of the values CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, ...)."
  }
}

variable "kms_key_arn" {
  description = "Customer-managed KMS key of the secrets, if any (the functions then need kms:Decrypt through Secrets Manager)."
  type        = string
  default     = null
}

variable "tags" {
  description = "Extra tags for every resource."
  type        = map(string)
  default     = {}
}
