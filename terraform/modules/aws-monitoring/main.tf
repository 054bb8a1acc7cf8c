# Alarms and one dashboard for the AWS half: every function, the HTTP API and the database.
# Every alarm notifies one SNS topic (email subscription), on ALARM and again on OK, so whoever
# was paged also learns that it is over. Metric names, namespaces, dimensions and statistics are
# the ones AWS documents for Lambda (AWS/Lambda, FunctionName), HTTP APIs (AWS/ApiGateway, ApiId;
# metrics 5xx, Count and Latency, not the REST API's 5XXError) and RDS (AWS/RDS,
# DBInstanceIdentifier); the README links each to its runbook line.

locals {
  alarm_actions = [aws_sns_topic.alarms.arn]
  region        = data.aws_region.current.region

  mb = 1024 * 1024
  gb = 1024 * 1024 * 1024
}

data "aws_region" "current" {}

# --- Notifications --------------------------------------------------------------------------------
# Not encrypted with a KMS key: CloudWatch can publish to an encrypted topic only with a
# customer-managed key whose policy admits it, and alarm messages carry no shop data.

resource "aws_sns_topic" "alarms" {
  name = "${var.name}-alarms"
  tags = var.tags
}

# Email subscriptions must be confirmed from the mailbox; until then nothing is delivered.
resource "aws_sns_topic_subscription" "email" {
  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = var.alert_email
}

# --- Lambda: per function --------------------------------------------------------------------------

resource "aws_cloudwatch_metric_alarm" "lambda_errors" {
  for_each = var.functions

  alarm_name          = "${var.name}-${each.key}-errors"
  alarm_description   = "Function ${each.value.name} failed (unhandled error or timeout). Runbook: terraform/modules/aws-monitoring/README.md#lambda-errors"
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  dimensions          = { FunctionName = each.value.name }
  statistic           = "Sum"
  period              = var.period_seconds
  evaluation_periods  = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = var.lambda_errors_threshold
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "lambda_throttles" {
  for_each = var.functions

  alarm_name          = "${var.name}-${each.key}-throttles"
  alarm_description   = "Invocations of ${each.value.name} were throttled (concurrency limit). Runbook: terraform/modules/aws-monitoring/README.md#lambda-throttles"
  namespace           = "AWS/Lambda"
  metric_name         = "Throttles"
  dimensions          = { FunctionName = each.value.name }
  statistic           = "Sum"
  period              = var.period_seconds
  evaluation_periods  = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = var.lambda_throttles_threshold
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags
}

# Duration is in milliseconds; the threshold is a share of the function's own timeout, so it
# follows when the timeout changes.
resource "aws_cloudwatch_metric_alarm" "lambda_duration" {
  for_each = var.functions

  alarm_name          = "${var.name}-${each.key}-duration-p99"
  alarm_description   = "p99 duration of ${each.value.name} is close to its ${each.value.timeout_seconds} s timeout. Runbook: terraform/modules/aws-monitoring/README.md#lambda-duration"
  namespace           = "AWS/Lambda"
  metric_name         = "Duration"
  dimensions          = { FunctionName = each.value.name }
  extended_statistic  = "p99"
  period              = var.period_seconds
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = each.value.timeout_seconds * 1000 * var.lambda_duration_timeout_ratio
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags
}

# --- HTTP API -------------------------------------------------------------------------------------

# 5xx as a share of all requests, and only once there is enough traffic for a share to mean
# something (a single failed request out of two is not an outage).
resource "aws_cloudwatch_metric_alarm" "api_5xx_rate" {
  alarm_name          = "${var.name}-api-5xx-rate"
  alarm_description   = "More than ${var.api_5xx_rate_percent}% of API requests answered 5xx. Runbook: terraform/modules/aws-monitoring/README.md#api-5xx-rate"
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.api_5xx_rate_percent
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags

  metric_query {
    id          = "rate"
    label       = "5xx share of requests (%)"
    expression  = "IF(requests >= ${var.api_5xx_min_requests}, 100 * errors / requests, 0)"
    return_data = true
  }

  metric_query {
    id = "errors"

    metric {
      namespace   = "AWS/ApiGateway"
      metric_name = "5xx"
      dimensions  = { ApiId = var.api_id }
      stat        = "Sum"
      period      = var.period_seconds
    }
  }

  metric_query {
    id = "requests"

    metric {
      namespace   = "AWS/ApiGateway"
      metric_name = "Count"
      dimensions  = { ApiId = var.api_id }
      stat        = "Sum"
      period      = var.period_seconds
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "api_latency" {
  alarm_name          = "${var.name}-api-latency-p99"
  alarm_description   = "p99 latency of the HTTP API is above ${var.api_latency_p99_ms} ms. Runbook: terraform/modules/aws-monitoring/README.md#api-latency"
  namespace           = "AWS/ApiGateway"
  metric_name         = "Latency"
  dimensions          = { ApiId = var.api_id }
  extended_statistic  = "p99"
  period              = var.period_seconds
  evaluation_periods  = 2
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.api_latency_p99_ms
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags
}

# --- Database ---------------------------------------------------------------------------------------

locals {
  # name => what to watch. Thresholds are converted to the metric's unit (bytes, percent, count).
  db_alarms = {
    cpu = {
      title       = "Database CPU (%)"
      metric      = "CPUUtilization"
      statistic   = "Average"
      comparison  = "GreaterThanThreshold"
      threshold   = var.db_cpu_percent
      periods     = 3
      missing     = "missing"
      description = "CPU of the database above ${var.db_cpu_percent}% for 15 minutes"
    }
    free-storage = {
      title       = "Database free storage (bytes)"
      metric      = "FreeStorageSpace"
      statistic   = "Minimum"
      comparison  = "LessThanThreshold"
      threshold   = var.db_free_storage_gb * local.gb
      periods     = 1
      missing     = "missing"
      description = "Less than ${var.db_free_storage_gb} GB of database storage free"
    }
    freeable-memory = {
      title       = "Database freeable memory (bytes)"
      metric      = "FreeableMemory"
      statistic   = "Minimum"
      comparison  = "LessThanThreshold"
      threshold   = var.db_freeable_memory_mb * local.mb
      periods     = 3
      missing     = "missing"
      description = "Less than ${var.db_freeable_memory_mb} MB of database memory free for 15 minutes"
    }
    connections = {
      title       = "Database connections"
      metric      = "DatabaseConnections"
      statistic   = "Maximum"
      comparison  = "GreaterThanThreshold"
      threshold   = floor(var.db_max_connections * var.db_connections_ratio)
      periods     = 1
      missing     = "missing"
      description = "More than ${floor(var.db_max_connections * var.db_connections_ratio)} of ${var.db_max_connections} database connections in use"
    }
    # The slot metrics are published only while a slot exists; no data is not an alarm.
    replication-slot-lag = {
      title       = "Replication slot lag (bytes)"
      metric      = "OldestReplicationSlotLag"
      statistic   = "Maximum"
      comparison  = "GreaterThanThreshold"
      threshold   = var.db_replication_slot_lag_mb * local.mb
      periods     = 2
      missing     = "notBreaching"
      description = "The replication slot holds more than ${var.db_replication_slot_lag_mb} MB of WAL Datastream has not read"
    }
    transaction-logs = {
      title       = "WAL on disk (bytes)"
      metric      = "TransactionLogsDiskUsage"
      statistic   = "Maximum"
      comparison  = "GreaterThanThreshold"
      threshold   = var.db_transaction_logs_mb * local.mb
      periods     = 1
      missing     = "notBreaching"
      description = "WAL on the database disk above ${var.db_transaction_logs_mb} MB"
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "db" {
  for_each = local.db_alarms

  alarm_name          = "${var.name}-db-${each.key}"
  alarm_description   = "${each.value.description}. Runbook: terraform/modules/aws-monitoring/README.md#db-${each.key}"
  namespace           = "AWS/RDS"
  metric_name         = each.value.metric
  dimensions          = { DBInstanceIdentifier = var.db_instance_id }
  statistic           = each.value.statistic
  period              = var.period_seconds
  evaluation_periods  = each.value.periods
  comparison_operator = each.value.comparison
  threshold           = each.value.threshold
  treat_missing_data  = each.value.missing
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags
}

# --- Dashboard --------------------------------------------------------------------------------------

locals {
  function_metrics = {
    Errors    = [for key, f in var.functions : ["AWS/Lambda", "Errors", "FunctionName", f.name, { label = key }]]
    Throttles = [for key, f in var.functions : ["AWS/Lambda", "Throttles", "FunctionName", f.name, { label = key }]]
    Duration  = [for key, f in var.functions : ["AWS/Lambda", "Duration", "FunctionName", f.name, { label = key }]]
  }

  # Six rows of two 12-wide widgets; the alarm overview on top.
  fixed_widgets = [
    { title = "Lambda errors", metrics = local.function_metrics.Errors, stat = "Sum" },
    { title = "Lambda throttles", metrics = local.function_metrics.Throttles, stat = "Sum" },
    { title = "Lambda duration p99 (ms)", metrics = local.function_metrics.Duration, stat = "p99" },
    {
      title = "API requests, 4xx and 5xx"
      stat  = "Sum"
      metrics = [
        ["AWS/ApiGateway", "Count", "ApiId", var.api_id, { stat = "Sum" }],
        ["AWS/ApiGateway", "4xx", "ApiId", var.api_id, { stat = "Sum" }],
        ["AWS/ApiGateway", "5xx", "ApiId", var.api_id, { stat = "Sum" }],
      ]
    },
    {
      title = "API latency (ms)"
      stat  = "p99"
      metrics = [
        ["AWS/ApiGateway", "Latency", "ApiId", var.api_id, { stat = "p99" }],
        ["AWS/ApiGateway", "IntegrationLatency", "ApiId", var.api_id, { stat = "p99" }],
      ]
    },
    {
      title   = "Orders placed and units sold (business metrics)"
      stat    = "Sum"
      metrics = [[{ id = "sales", label = "", expression = "SEARCH('{${var.business_metrics_namespace},Function} MetricName=\"OrdersPlaced\" OR MetricName=\"UnitsSold\"', 'Sum', ${var.period_seconds})" }]]
    },
    {
      title   = "Stock-outs, idempotent replays, database-unavailable 503s"
      stat    = "Sum"
      metrics = [[{ id = "trouble", label = "", expression = "SEARCH('{${var.business_metrics_namespace},Function} MetricName=\"StockOuts\" OR MetricName=\"IdempotentReplays\" OR MetricName=\"DatabaseUnavailable\"', 'Sum', ${var.period_seconds})" }]]
    },
  ]

  db_widgets = [
    for a in local.db_alarms : {
      title   = a.title
      stat    = a.statistic
      metrics = [["AWS/RDS", a.metric, "DBInstanceIdentifier", var.db_instance_id, { stat = a.statistic }]]
    }
  ]

  dashboard_widgets = concat(local.fixed_widgets, local.db_widgets)

  all_alarms = concat(
    values(aws_cloudwatch_metric_alarm.lambda_errors),
    values(aws_cloudwatch_metric_alarm.lambda_throttles),
    values(aws_cloudwatch_metric_alarm.lambda_duration),
    [aws_cloudwatch_metric_alarm.api_5xx_rate, aws_cloudwatch_metric_alarm.api_latency],
    values(aws_cloudwatch_metric_alarm.db),
  )
}

resource "aws_cloudwatch_dashboard" "this" {
  dashboard_name = var.name
  dashboard_body = jsonencode({
    widgets = concat(
      [{
        type       = "alarm"
        x          = 0
        y          = 0
        width      = 24
        height     = 4
        properties = { title = "Alarms", alarms = [for a in local.all_alarms : a.arn] }
      }],
      [for i, w in local.dashboard_widgets : {
        type   = "metric"
        x      = (i % 2) * 12
        y      = 4 + floor(i / 2) * 6
        width  = 12
        height = 6
        properties = {
          title   = w.title
          region  = local.region
          stat    = w.stat
          period  = var.period_seconds
          view    = "timeSeries"
          metrics = w.metrics
        }
      }],
    )
  })
}
