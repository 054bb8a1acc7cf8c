variable "name" {
  description = "Prefix for every resource name; also the RDS instance identifier."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}$", var.name))
    error_message = "name must be 2-31 characters of lower-case letters, digits and hyphens, starting with a letter."
  }
}

variable "vpc_id" {
  description = "VPC of the database."
  type        = string
}

variable "subnet_ids" {
  description = "Subnets of the DB subnet group (two availability zones)."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 2
    error_message = "RDS needs subnets in at least two availability zones."
  }
}

variable "proxy_subnet_ids" {
  description = "Private subnets for RDS Proxy (used only when enable_proxy is true)."
  type        = list(string)
  default     = []
}

variable "client_security_group_ids" {
  description = "Security groups allowed to connect on 5432 (the Lambda functions)."
  type        = list(string)
}

variable "publicly_accessible" {
  description = <<-EOT
    Give the instance a public address so Datastream can reach it by IP allow-listing. The
    security group still admits only client_security_group_ids and datastream_cidr_blocks, and
    rds.force_ssl rejects unencrypted sessions. Set false with Datastream private connectivity.
  EOT
  type        = bool
}

variable "datastream_cidr_blocks" {
  description = "Datastream's static egress IPs for its region, as /32 CIDRs. Ignored when publicly_accessible is false."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for c in var.datastream_cidr_blocks : can(cidrhost(c, 0)) && endswith(c, "/32")])
    error_message = "datastream_cidr_blocks must be single addresses in /32 CIDR form."
  }
}

variable "engine_version" {
  description = "PostgreSQL version. A major version only (\"17\") lets RDS pick and auto-upgrade the minor."
  type        = string
  default     = "17"

  validation {
    condition     = can(regex("^1[7-9](\\.[0-9]+)?$", var.engine_version))
    error_message = "engine_version must be PostgreSQL 17 or newer, e.g. \"17\" or \"17.6\"."
  }
}

variable "instance_class" {
  description = "RDS instance class."
  type        = string
  default     = "db.t4g.micro"
}

variable "allocated_storage_gb" {
  description = "Initial gp3 storage in GiB."
  type        = number
  default     = 20

  validation {
    condition     = var.allocated_storage_gb >= 20
    error_message = "allocated_storage_gb must be at least 20 (the gp3 minimum)."
  }
}

variable "max_allocated_storage_gb" {
  description = "Storage autoscaling ceiling in GiB; an unread replication slot can fill the disk, so keep headroom."
  type        = number
  default     = 100
}

variable "multi_az" {
  description = "Run a synchronous standby in the second zone (doubles the instance price)."
  type        = bool
  default     = false
}

variable "backup_retention_days" {
  description = "Days of automated backups and point-in-time recovery."
  type        = number
  default     = 7

  validation {
    condition     = var.backup_retention_days >= 1 && var.backup_retention_days <= 35
    error_message = "backup_retention_days must be between 1 and 35."
  }
}

variable "deletion_protection" {
  description = "Refuse to delete the instance (set false, apply, then destroy)."
  type        = bool
  default     = true
}

variable "max_slot_wal_keep_size_mb" {
  description = <<-EOT
    Upper bound of WAL a replication slot may hold back (MB). When Datastream stops reading, the
    slot is invalidated at this size instead of filling the disk; the stream then needs a new
    backfill. Must stay well below the allocated storage.
  EOT
  type        = number
  default     = 5120

  validation {
    condition     = var.max_slot_wal_keep_size_mb >= 1024
    error_message = "max_slot_wal_keep_size_mb must be at least 1024: Datastream needs room to catch up after a pause."
  }
}

variable "db_name" {
  description = "Name of the application database."
  type        = string
  default     = "shop"
}

variable "master_username" {
  description = "Master user; its password is generated and rotated by RDS in Secrets Manager."
  type        = string
  default     = "shop_admin"
}

variable "replication_password" {
  description = "Password of the replication user that Datastream logs in as; stored here in Secrets Manager for the migrate function."
  type        = string
  sensitive   = true

  validation {
    condition     = length(var.replication_password) >= 24
    error_message = "replication_password must be at least 24 characters."
  }
}

variable "enable_proxy" {
  description = "Put RDS Proxy in front of the instance for the API functions (pools connections under bursts)."
  type        = bool
  default     = false
}

variable "kms_key_arn" {
  description = "Customer-managed KMS key for storage, the master secret and the replication secret; null uses the AWS-managed keys."
  type        = string
  default     = null
}

variable "recovery_window_days" {
  description = "Days the replication secret stays restorable after deletion (0 deletes it at once)."
  type        = number
  default     = 7

  validation {
    condition     = var.recovery_window_days == 0 || (var.recovery_window_days >= 7 && var.recovery_window_days <= 30)
    error_message = "recovery_window_days must be 0 or between 7 and 30."
  }
}

variable "apply_immediately" {
  description = "Apply instance changes now instead of in the next maintenance window."
  type        = bool
  default     = false
}

variable "tags" {
  description = "Extra tags for every resource."
  type        = map(string)
  default     = {}
}
