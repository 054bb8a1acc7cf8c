output "vpc_id" {
  description = "ID of the VPC."
  value       = aws_vpc.this.id
}

output "vpc_cidr_block" {
  description = "IPv4 CIDR of the VPC."
  value       = aws_vpc.this.cidr_block
}

output "availability_zones" {
  description = "The two availability zones the subnets are in."
  value       = local.azs
}

output "private_subnet_ids" {
  description = "Private subnets (no route out of the VPC): Lambda ENIs, the Secrets Manager endpoint, RDS Proxy."
  value       = aws_subnet.private[*].id
}

output "database_subnet_ids" {
  description = "Database subnets; they route to the internet gateway only when database_internet_access is true."
  value       = aws_subnet.database[*].id
}

output "lambda_security_group_id" {
  description = "Security group for the Lambda functions (egress: 443 to the endpoint, 5432 inside the VPC)."
  value       = aws_security_group.lambda.id
}

output "secretsmanager_endpoint_id" {
  description = "ID of the Secrets Manager interface endpoint; functions that read secrets must not run before it exists."
  value       = aws_vpc_endpoint.secretsmanager.id
}
