variable "name" {
  description = "Prefix of the service, repository, service account and secret names."
  type        = string

  validation {
    # The service account id "<name>-web" must fit in 30 characters.
    condition     = can(regex("^[a-z][a-z0-9-]{1,25}$", var.name))
    error_message = "name must be 2-26 characters of lower-case letters, digits and hyphens, starting with a letter."
  }
}

variable "project_id" {
  description = "Google Cloud project."
  type        = string
}

variable "region" {
  description = "Region of the Cloud Run service and the Artifact Registry repository."
  type        = string
}

variable "image" {
  description = "Container image of the web app, preferably by digest (…/shop-web@sha256:…). Push it to repository_url first."
  type        = string

  validation {
    condition     = length(trimspace(var.image)) > 0
    error_message = "image must name a container image."
  }
}

variable "api_url" {
  description = "Base URL of the shop's HTTP API on AWS (SHOP_API_URL)."
  type        = string

  validation {
    condition     = startswith(var.api_url, "https://")
    error_message = "api_url must be an https:// URL."
  }
}

variable "api_audience" {
  description = "Audience of the Google ID tokens the web app sends to the API (SHOP_API_AUDIENCE)."
  type        = string
}

variable "currency" {
  description = "ISO-4217 currency of the shop (SHOP_CURRENCY)."
  type        = string

  validation {
    condition     = can(regex("^[A-Z]{3}$", var.currency))
    error_message = "currency must be an ISO-4217 code such as EUR."
  }
}

variable "bigquery_project_id" {
  description = "Project of the analytics dataset (SHOP_BQ_PROJECT)."
  type        = string
}

variable "bigquery_dataset_id" {
  description = "Analytics dataset the dashboard reads (SHOP_BQ_DATASET); the service account may read only this dataset."
  type        = string
}

variable "bigquery_location" {
  description = "Location of the analytics dataset (SHOP_BQ_LOCATION)."
  type        = string
}

variable "cookie_secret" {
  description = "Key that signs the session and cart cookies (SHOP_COOKIE_SECRET); stored in Secret Manager."
  type        = string
  sensitive   = true

  validation {
    condition     = length(var.cookie_secret) >= 32
    error_message = "cookie_secret must be at least 32 characters."
  }
}

variable "admin_password_hash" {
  description = "Hash of the admin sign-in password (SHOP_ADMIN_PASSWORD_HASH), in the format the web app documents; stored in Secret Manager."
  type        = string
  sensitive   = true

  validation {
    condition     = length(var.admin_password_hash) > 0
    error_message = "admin_password_hash must not be empty."
  }
}

variable "min_instances" {
  description = "Instances kept warm (0 scales to zero: cheapest, but the first request after idle waits for a cold start)."
  type        = number
  default     = 0

  validation {
    condition     = var.min_instances >= 0
    error_message = "min_instances must not be negative."
  }
}

variable "max_instances" {
  description = "Upper bound of instances; also bounds the load the web app can put on the API."
  type        = number
  default     = 3

  validation {
    condition     = var.max_instances >= 1 && var.max_instances <= 100
    error_message = "max_instances must be between 1 and 100."
  }
}

variable "cpu" {
  description = "CPU limit per instance."
  type        = string
  default     = "1"
}

variable "memory" {
  description = "Memory limit per instance."
  type        = string
  default     = "512Mi"
}

variable "max_request_concurrency" {
  description = "Requests one instance serves at once."
  type        = number
  default     = 40
}

variable "public_access" {
  description = "Let anyone on the internet open the shop (roles/run.invoker for allUsers). Organisations with domain-restricted sharing must set false and front the service otherwise."
  type        = bool
  default     = true
}

variable "deletion_protection" {
  description = "Refuse to delete the Cloud Run service (set false, apply, then destroy)."
  type        = bool
  default     = true
}

variable "labels" {
  description = "Labels for every resource that takes them."
  type        = map(string)
  default     = {}
}
