# Alert policies and one dashboard for the Google half: the Datastream stream and the Cloud Run
# web app. Every policy notifies one email channel. Metric and resource types are Google's
# (datastream.googleapis.com/stream/* on datastream.googleapis.com/Stream, run.googleapis.com/*
# on cloud_run_revision); the README gives each policy's runbook line.

locals {
  stream_filter = "resource.type = \"datastream.googleapis.com/Stream\" AND resource.labels.stream_id = \"${var.stream_id}\""
  web_filter    = "resource.type = \"cloud_run_revision\" AND resource.labels.service_name = \"${var.web_service_name}\""

  runbook = "Runbook: terraform/modules/gcp-monitoring/README.md"
}

resource "google_monitoring_notification_channel" "email" {
  project      = var.project_id
  display_name = "${var.name} alerts"
  type         = "email"
  labels       = { email_address = var.alert_email }
  user_labels  = var.labels
}

# --- Datastream -------------------------------------------------------------------------------------

# Seconds between a change's commit on PostgreSQL and Datastream reading it (0 when idle).
resource "google_monitoring_alert_policy" "datastream_freshness" {
  project               = var.project_id
  display_name          = "${var.name}: Datastream freshness"
  combiner              = "OR"
  notification_channels = [google_monitoring_notification_channel.email.id]
  user_labels           = var.labels

  conditions {
    display_name = "Stream freshness above ${var.datastream_freshness_seconds} s"

    condition_threshold {
      filter          = "${local.stream_filter} AND metric.type = \"datastream.googleapis.com/stream/freshness\""
      comparison      = "COMPARISON_GT"
      threshold_value = var.datastream_freshness_seconds
      duration        = "${var.datastream_freshness_minutes * 60}s"

      aggregations {
        alignment_period   = "60s"
        per_series_aligner = "ALIGN_MAX"
      }
    }
  }

  documentation {
    content   = "Datastream reads changes late: the analytics copy falls behind. ${local.runbook}#datastream-freshness"
    mime_type = "text/markdown"
  }
}

resource "google_monitoring_alert_policy" "datastream_unsupported_events" {
  project               = var.project_id
  display_name          = "${var.name}: Datastream unsupported events"
  combiner              = "OR"
  notification_channels = [google_monitoring_notification_channel.email.id]
  user_labels           = var.labels

  conditions {
    display_name = "More than ${var.datastream_unsupported_events} unsupported events in 10 minutes"

    condition_threshold {
      filter          = "${local.stream_filter} AND metric.type = \"datastream.googleapis.com/stream/unsupported_event_count\""
      comparison      = "COMPARISON_GT"
      threshold_value = var.datastream_unsupported_events
      duration        = "0s"

      aggregations {
        alignment_period     = "600s"
        per_series_aligner   = "ALIGN_SUM"
        cross_series_reducer = "REDUCE_SUM"
      }
    }
  }

  documentation {
    content   = "Datastream skipped changes it cannot write to BigQuery: those rows are missing from the copy. ${local.runbook}#datastream-unsupported-events"
    mime_type = "text/markdown"
  }
}

# Datastream publishes no state metric. The heartbeat function updates one row every minute, so a
# RUNNING stream processes at least one event a minute; no events for this long means the stream
# is not RUNNING (paused, failed, or stuck) — or the heartbeat stopped, which its own Lambda
# alarms report. Two conditions because a stopped stream may report zeros or nothing at all.
resource "google_monitoring_alert_policy" "datastream_not_running" {
  project               = var.project_id
  display_name          = "${var.name}: Datastream stream not running"
  combiner              = "OR"
  notification_channels = [google_monitoring_notification_channel.email.id]
  user_labels           = var.labels

  conditions {
    display_name = "No events reported for ${var.datastream_silence_minutes} minutes"

    condition_absent {
      filter   = "${local.stream_filter} AND metric.type = \"datastream.googleapis.com/stream/event_count\""
      duration = "${var.datastream_silence_minutes * 60}s"

      aggregations {
        alignment_period     = "300s"
        per_series_aligner   = "ALIGN_SUM"
        cross_series_reducer = "REDUCE_SUM"
      }
    }
  }

  conditions {
    display_name = "Fewer than ${var.datastream_min_events} events in ${var.datastream_silence_minutes} minutes"

    condition_threshold {
      filter          = "${local.stream_filter} AND metric.type = \"datastream.googleapis.com/stream/event_count\""
      comparison      = "COMPARISON_LT"
      threshold_value = var.datastream_min_events
      duration        = "0s"

      aggregations {
        alignment_period     = "${var.datastream_silence_minutes * 60}s"
        per_series_aligner   = "ALIGN_SUM"
        cross_series_reducer = "REDUCE_SUM"
      }
    }
  }

  documentation {
    content   = "The stream processes no events although the heartbeat writes one a minute. ${local.runbook}#datastream-not-running"
    mime_type = "text/markdown"
  }
}

# --- Cloud Run --------------------------------------------------------------------------------------

resource "google_monitoring_alert_policy" "web_5xx_rate" {
  project               = var.project_id
  display_name          = "${var.name}: web 5xx rate"
  combiner              = "OR"
  notification_channels = [google_monitoring_notification_channel.email.id]
  user_labels           = var.labels

  conditions {
    display_name = "More than ${var.web_5xx_ratio * 100}% of web requests answered 5xx"

    condition_threshold {
      filter             = "${local.web_filter} AND metric.type = \"run.googleapis.com/request_count\" AND metric.labels.response_code_class = \"5xx\""
      denominator_filter = "${local.web_filter} AND metric.type = \"run.googleapis.com/request_count\""
      comparison         = "COMPARISON_GT"
      threshold_value    = var.web_5xx_ratio
      duration           = "300s"

      aggregations {
        alignment_period     = "300s"
        per_series_aligner   = "ALIGN_DELTA"
        cross_series_reducer = "REDUCE_SUM"
      }

      denominator_aggregations {
        alignment_period     = "300s"
        per_series_aligner   = "ALIGN_DELTA"
        cross_series_reducer = "REDUCE_SUM"
      }
    }
  }

  documentation {
    content   = "Shoppers get error pages. ${local.runbook}#web-5xx-rate"
    mime_type = "text/markdown"
  }
}

resource "google_monitoring_alert_policy" "web_latency" {
  project               = var.project_id
  display_name          = "${var.name}: web p99 latency"
  combiner              = "OR"
  notification_channels = [google_monitoring_notification_channel.email.id]
  user_labels           = var.labels

  conditions {
    display_name = "p99 request latency above ${var.web_latency_p99_ms} ms"

    condition_threshold {
      filter          = "${local.web_filter} AND metric.type = \"run.googleapis.com/request_latencies\""
      comparison      = "COMPARISON_GT"
      threshold_value = var.web_latency_p99_ms
      duration        = "600s"

      # A distribution metric: merge the revisions' distributions, then take the percentile.
      aggregations {
        alignment_period     = "300s"
        per_series_aligner   = "ALIGN_DELTA"
        cross_series_reducer = "REDUCE_PERCENTILE_99"
      }
    }
  }

  documentation {
    content   = "Pages are slow for shoppers. ${local.runbook}#web-latency"
    mime_type = "text/markdown"
  }
}

# The web app's request log is JSON with a "severity" field, which Cloud Logging takes as the
# entry's severity (ERROR for every 5xx); its other log lines are plain text with the level after
# the time stamp, which Cloud Logging does not parse, hence the second half of the filter.
resource "google_monitoring_alert_policy" "web_error_logs" {
  project               = var.project_id
  display_name          = "${var.name}: web ERROR log lines"
  combiner              = "OR"
  notification_channels = [google_monitoring_notification_channel.email.id]
  user_labels           = var.labels

  conditions {
    display_name = "ERROR line in the web app's log"

    condition_matched_log {
      filter = "${local.web_filter} AND (severity >= ERROR OR textPayload =~ \"^\\\\d{2}:\\\\d{2}:\\\\d{2}\\\\.\\\\d{3} ERROR \")"
    }
  }

  alert_strategy {
    notification_rate_limit {
      period = "${var.web_error_log_notify_minutes * 60}s"
    }
    auto_close = "1800s"
  }

  documentation {
    content   = "The web app logged an error. ${local.runbook}#web-error-logs"
    mime_type = "text/markdown"
  }
}

# --- Dashboard --------------------------------------------------------------------------------------

locals {
  # title => (filter, aligner, reducer); every chart is one line per series after aggregation.
  charts = [
    { title = "Datastream freshness (s)", filter = "${local.stream_filter} AND metric.type = \"datastream.googleapis.com/stream/freshness\"", aligner = "ALIGN_MAX", reducer = "REDUCE_MAX" },
    { title = "Datastream events / 5 min", filter = "${local.stream_filter} AND metric.type = \"datastream.googleapis.com/stream/event_count\"", aligner = "ALIGN_SUM", reducer = "REDUCE_SUM" },
    { title = "Datastream unsupported events / 5 min", filter = "${local.stream_filter} AND metric.type = \"datastream.googleapis.com/stream/unsupported_event_count\"", aligner = "ALIGN_SUM", reducer = "REDUCE_SUM" },
    { title = "Datastream total latency p99 (s)", filter = "${local.stream_filter} AND metric.type = \"datastream.googleapis.com/stream/total_latencies\"", aligner = "ALIGN_DELTA", reducer = "REDUCE_PERCENTILE_99" },
    { title = "Web requests by status class / 5 min", filter = "${local.web_filter} AND metric.type = \"run.googleapis.com/request_count\"", aligner = "ALIGN_DELTA", reducer = "REDUCE_SUM", group_by = ["metric.label.response_code_class"] },
    { title = "Web latency p99 (ms)", filter = "${local.web_filter} AND metric.type = \"run.googleapis.com/request_latencies\"", aligner = "ALIGN_DELTA", reducer = "REDUCE_PERCENTILE_99" },
  ]

  alert_policies = [
    google_monitoring_alert_policy.datastream_freshness,
    google_monitoring_alert_policy.datastream_unsupported_events,
    google_monitoring_alert_policy.datastream_not_running,
    google_monitoring_alert_policy.web_5xx_rate,
    google_monitoring_alert_policy.web_latency,
    google_monitoring_alert_policy.web_error_logs,
  ]
}

resource "google_monitoring_dashboard" "this" {
  project = var.project_id
  dashboard_json = jsonencode({
    displayName = "${var.name} (Google)"
    mosaicLayout = {
      columns = 12
      tiles = concat(
        [for i, p in local.alert_policies : {
          xPos   = (i % 3) * 4
          yPos   = floor(i / 3) * 3
          width  = 4
          height = 3
          widget = { title = p.display_name, alertChart = { name = p.name } }
        }],
        [for i, c in local.charts : {
          xPos   = (i % 2) * 6
          yPos   = 6 + floor(i / 2) * 4
          width  = 6
          height = 4
          widget = {
            title = c.title
            xyChart = {
              dataSets = [{
                plotType = "LINE"
                timeSeriesQuery = {
                  timeSeriesFilter = {
                    filter = c.filter
                    aggregation = {
                      alignmentPeriod    = "300s"
                      perSeriesAligner   = c.aligner
                      crossSeriesReducer = c.reducer
                      groupByFields      = lookup(c, "group_by", [])
                    }
                  }
                }
              }]
            }
          }
        }],
      )
    }
  })
}
