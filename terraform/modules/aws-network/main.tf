# A VPC without NAT: the Lambdas only talk to PostgreSQL (inside the VPC) and to Secrets Manager
# (through an interface endpoint), so nothing needs a route to the internet. The database subnets
# get an internet gateway route only when Datastream has to reach RDS by IP allow-listing.

data "aws_availability_zones" "available" {
  state = "available"

  # Local Zones and Wavelength Zones are opt-in and lack RDS/Lambda: keep to regular zones.
  filter {
    name   = "opt-in-status"
    values = ["opt-in-not-required"]
  }
}

data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

locals {
  azs = slice(sort(data.aws_availability_zones.available.names), 0, 2)

  # The VPC in four equal quarters: 0-1 private (Lambda ENIs, endpoint, RDS Proxy), 2-3 database.
  private_cidrs  = [for i in range(2) : cidrsubnet(var.cidr_block, 2, i)]
  database_cidrs = [for i in range(2) : cidrsubnet(var.cidr_block, 2, i + 2)]
}

resource "aws_vpc" "this" {
  cidr_block = var.cidr_block

  # Both are required for the interface endpoint's private DNS name to answer inside the VPC,
  # and for the RDS endpoint to resolve to its private address from the Lambdas.
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = merge(var.tags, { Name = var.name })
}

# Take every rule away from the default security group so nothing lands in it by accident.
resource "aws_default_security_group" "this" {
  vpc_id = aws_vpc.this.id
  tags   = merge(var.tags, { Name = "${var.name}-default-unused" })
}

resource "aws_subnet" "private" {
  count = 2

  vpc_id                  = aws_vpc.this.id
  cidr_block              = local.private_cidrs[count.index]
  availability_zone       = local.azs[count.index]
  map_public_ip_on_launch = false

  tags = merge(var.tags, { Name = "${var.name}-private-${local.azs[count.index]}", tier = "private" })
}

resource "aws_subnet" "database" {
  count = 2

  vpc_id            = aws_vpc.this.id
  cidr_block        = local.database_cidrs[count.index]
  availability_zone = local.azs[count.index]
  # RDS attaches its own public address when publicly_accessible = true; nothing else may.
  map_public_ip_on_launch = false

  tags = merge(var.tags, { Name = "${var.name}-database-${local.azs[count.index]}", tier = "database" })
}

# Private route table: the implicit local route only.
resource "aws_route_table" "private" {
  vpc_id = aws_vpc.this.id
  tags   = merge(var.tags, { Name = "${var.name}-private" })
}

resource "aws_route_table_association" "private" {
  count = 2

  subnet_id      = aws_subnet.private[count.index].id
  route_table_id = aws_route_table.private.id
}

resource "aws_route_table" "database" {
  vpc_id = aws_vpc.this.id
  tags   = merge(var.tags, { Name = "${var.name}-database" })
}

resource "aws_route_table_association" "database" {
  count = 2

  subnet_id      = aws_subnet.database[count.index].id
  route_table_id = aws_route_table.database.id
}

resource "aws_internet_gateway" "this" {
  count = var.database_internet_access ? 1 : 0

  vpc_id = aws_vpc.this.id
  tags   = merge(var.tags, { Name = var.name })
}

# Switching database_internet_access only adds or removes this route: the subnets (and so the
# RDS instance in them) are never re-created.
resource "aws_route" "database_internet" {
  count = var.database_internet_access ? 1 : 0

  route_table_id         = aws_route_table.database.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.this[0].id
}

# --- Security groups ---------------------------------------------------------------------------

resource "aws_security_group" "lambda" {
  name_prefix = "${var.name}-lambda-"
  description = "Hybrid Shop Lambda functions: out to PostgreSQL and the Secrets Manager endpoint only."
  vpc_id      = aws_vpc.this.id
  tags        = merge(var.tags, { Name = "${var.name}-lambda" })

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_security_group" "endpoints" {
  name_prefix = "${var.name}-endpoints-"
  description = "VPC interface endpoints: HTTPS in from the Lambda functions only."
  vpc_id      = aws_vpc.this.id
  tags        = merge(var.tags, { Name = "${var.name}-endpoints" })

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_egress_rule" "lambda_to_endpoints" {
  security_group_id            = aws_security_group.lambda.id
  description                  = "HTTPS to the Secrets Manager interface endpoint"
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  referenced_security_group_id = aws_security_group.endpoints.id
}

# PostgreSQL lives in the database subnets, RDS Proxy in the private ones: allow 5432 to the VPC
# only (the database's own security group then admits the Lambda group by id).
resource "aws_vpc_security_group_egress_rule" "lambda_to_postgres" {
  security_group_id = aws_security_group.lambda.id
  description       = "PostgreSQL (RDS or RDS Proxy) inside the VPC"
  ip_protocol       = "tcp"
  from_port         = 5432
  to_port           = 5432
  cidr_ipv4         = aws_vpc.this.cidr_block
}

resource "aws_vpc_security_group_ingress_rule" "endpoints_from_lambda" {
  security_group_id            = aws_security_group.endpoints.id
  description                  = "HTTPS from the Lambda functions"
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  referenced_security_group_id = aws_security_group.lambda.id
}

# --- Secrets Manager endpoint (instead of a NAT gateway) -------------------------------------

data "aws_iam_policy_document" "secretsmanager_endpoint" {
  # The endpoint only serves reads, and only for principals of this account: a compromised
  # function cannot use it to reach secrets (or exfiltrate to) another account.
  statement {
    sid       = "ReadOwnAccountSecrets"
    effect    = "Allow"
    actions   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
    resources = ["*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:ResourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_vpc_endpoint" "secretsmanager" {
  vpc_id              = aws_vpc.this.id
  service_name        = "com.amazonaws.${data.aws_region.current.region}.secretsmanager"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = aws_subnet.private[*].id
  security_group_ids  = [aws_security_group.endpoints.id]
  policy              = data.aws_iam_policy_document.secretsmanager_endpoint.json

  tags = merge(var.tags, { Name = "${var.name}-secretsmanager" })
}
