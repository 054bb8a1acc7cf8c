output "api_endpoint" {
  description = "Base URL of the HTTP API (SHOP_API_URL of the web app)."
  value       = aws_apigatewayv2_api.this.api_endpoint
}

output "jwt_audience" {
  description = "Audience the JWT authorizer expects in Google ID tokens (SHOP_API_AUDIENCE of the web app)."
  value       = local.jwt_audience
}

output "api_id" {
  description = "ID of the HTTP API."
  value       = aws_apigatewayv2_api.this.id
}

output "function_names" {
  description = "API function names by key."
  value       = { for k, f in aws_lambda_function.api : k => f.function_name }
}

output "migrate_function_name" {
  description = "Name of the migrate function (invoke it by hand to re-run the deploy step)."
  value       = aws_lambda_function.migrate.function_name
}

output "migrate_result" {
  description = "JSON the migrate function returned at the last deploy; known only once the database is prepared."
  value       = aws_lambda_invocation.migrate.result
}

output "access_log_group" {
  description = "CloudWatch log group of the API access logs."
  value       = aws_cloudwatch_log_group.access.name
}

output "functions" {
  description = "Every function of this module by key (the API functions, migrate and heartbeat), with name and timeout, for the alarms."
  value = merge(
    { for k, f in aws_lambda_function.api : k => { name = f.function_name, timeout_seconds = f.timeout } },
    { migrate = { name = aws_lambda_function.migrate.function_name, timeout_seconds = aws_lambda_function.migrate.timeout } },
    { heartbeat = { name = aws_lambda_function.heartbeat.function_name, timeout_seconds = aws_lambda_function.heartbeat.timeout } },
  )
}

output "heartbeat_schedule" {
  description = "EventBridge Scheduler schedule that runs the heartbeat function every minute."
  value       = aws_scheduler_schedule.heartbeat.name
}
