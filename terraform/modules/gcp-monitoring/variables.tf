variable "name" {
  description = "Prefix of the channel, policy and dashboard names."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}$", var.name))
    error_message = "name must be 2-31 characters of lower-case letters, digits and hyphens, starting with a letter."
  }
}

variable "project_id" {
  description = "Google Cloud project of the stream and the web service."
  type        = string
}

variable "alert_email" {
  description = "Email address of the notification channel every alert policy uses."
  type        = string

  validation {
    condition     = can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", var.alert_email))
    error_message = "alert_email must be an email address."
  }
}

variable "stream_id" {
  description = "Short id of the Datastream stream (resource label stream_id)."
  type        = string
}

variable "web_service_name" {
  description = "Name of the Cloud Run service (resource label service_name)."
  type        = string
}

variable "labels" {
  description = "User labels for the channel and the policies."
  type        = map(string)
  default     = {}
}

# --- Thresholds ------------------------------------------------------------------------------------

variable "datastream_freshness_seconds" {
  description = "Stream freshness (seconds Datastream is behind the source) that raises the alert."
  type        = number
  default     = 600
}

variable "datastream_freshness_minutes" {
  description = "Minutes the freshness must stay above the threshold before the alert."
  type        = number
  default     = 5
}

variable "datastream_unsupported_events" {
  description = "Unsupported events per 10 minutes above which the alert is raised (0: any)."
  type        = number
  default     = 0
}

variable "datastream_silence_minutes" {
  description = "Minutes without (enough) stream events that count as the stream not running; the heartbeat writes one a minute."
  type        = number
  default     = 15

  validation {
    condition     = var.datastream_silence_minutes >= 5 && var.datastream_silence_minutes <= 1440
    error_message = "datastream_silence_minutes must be between 5 and 1440."
  }
}

variable "datastream_min_events" {
  description = "Events per silence window below which the stream counts as not running."
  type        = number
  default     = 1
}

variable "web_5xx_ratio" {
  description = "Share of web requests answered 5xx (0.05 = 5%) that, for 5 minutes, raises the alert."
  type        = number
  default     = 0.05

  validation {
    condition     = var.web_5xx_ratio > 0 && var.web_5xx_ratio < 1
    error_message = "web_5xx_ratio must be between 0 and 1."
  }
}

variable "web_latency_p99_ms" {
  description = "p99 latency of the web app (ms) that, for 10 minutes, raises the alert."
  type        = number
  default     = 3000
}

variable "web_error_log_notify_minutes" {
  description = "At most one notification per this many minutes for ERROR log lines."
  type        = number
  default     = 15

  validation {
    condition     = var.web_error_log_notify_minutes >= 5
    error_message = "web_error_log_notify_minutes must be at least 5 (Cloud Monitoring's minimum for log-match alerts)."
  }
}
