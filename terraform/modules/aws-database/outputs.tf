output "instance_id" {
  description = "RDS instance identifier."
  value       = aws_db_instance.this.identifier
}

output "instance_address" {
  description = "DNS name of the instance itself (Datastream and the migrate function connect here)."
  value       = aws_db_instance.this.address
}

output "client_address" {
  description = "DNS name the API functions connect to: RDS Proxy when enabled, else the instance."
  value       = var.enable_proxy ? aws_db_proxy.this[0].endpoint : aws_db_instance.this.address
}

output "port" {
  description = "PostgreSQL port."
  value       = aws_db_instance.this.port
}

output "db_name" {
  description = "Name of the application database."
  value       = aws_db_instance.this.db_name
}

output "master_user_secret_arn" {
  description = "ARN of the RDS-managed secret holding the master credentials (JSON with username and password)."
  value       = aws_db_instance.this.master_user_secret[0].secret_arn
}

output "replication_password_secret_arn" {
  description = "ARN of the secret holding the replication user's password (available once its value is stored)."
  # Taken from the version so that readers are ordered after the value exists.
  value = aws_secretsmanager_secret_version.replication.arn
}

output "security_group_id" {
  description = "Security group of the instance."
  value       = aws_security_group.db.id
}

output "publicly_accessible" {
  description = "Whether the instance has a public address (IP allow-listing for Datastream)."
  value       = aws_db_instance.this.publicly_accessible
}
