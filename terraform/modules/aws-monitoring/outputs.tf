output "alarm_topic_arn" {
  description = "SNS topic every alarm notifies; subscribe more endpoints (chat, pager) to it."
  value       = aws_sns_topic.alarms.arn
}

output "alarm_names" {
  description = "Names of every alarm this module creates."
  value       = [for a in local.all_alarms : a.alarm_name]
}

output "dashboard_url" {
  description = "CloudWatch dashboard of the AWS half."
  value       = "https://${local.region}.console.aws.amazon.com/cloudwatch/home?region=${local.region}#dashboards/dashboard/${aws_cloudwatch_dashboard.this.dashboard_name}"
}
