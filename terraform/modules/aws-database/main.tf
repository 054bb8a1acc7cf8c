locals {
  engine_major = split(".", var.engine_version)[0]
}

data "aws_region" "current" {}

resource "aws_db_subnet_group" "this" {
  name_prefix = "${var.name}-"
  description = "Hybrid Shop PostgreSQL"
  subnet_ids  = var.subnet_ids
  tags        = var.tags

  lifecycle {
    create_before_destroy = true
  }
}

# --- Network access ---------------------------------------------------------------------------
# aws_security_group_rule (not the newer per-rule resources) because Datastream's addresses come
# from a data source: one rule with a list of CIDRs works even when the list is unknown at plan
# time, whereas for_each over unknown values fails. All rules of this group use the same kind.

resource "aws_security_group" "db" {
  name_prefix = "${var.name}-db-"
  description = "PostgreSQL: 5432 from the shop's functions, RDS Proxy and Datastream only."
  vpc_id      = var.vpc_id
  tags        = merge(var.tags, { Name = "${var.name}-db" })

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_security_group_rule" "db_from_clients" {
  count = length(var.client_security_group_ids)

  type                     = "ingress"
  security_group_id        = aws_security_group.db.id
  description              = "PostgreSQL from the shop functions"
  protocol                 = "tcp"
  from_port                = 5432
  to_port                  = 5432
  source_security_group_id = var.client_security_group_ids[count.index]
}

resource "aws_security_group_rule" "db_from_datastream" {
  count = var.publicly_accessible ? 1 : 0

  type              = "ingress"
  security_group_id = aws_security_group.db.id
  description       = "PostgreSQL from Google Datastream static IPs"
  protocol          = "tcp"
  from_port         = 5432
  to_port           = 5432
  cidr_blocks       = var.datastream_cidr_blocks
}

resource "aws_security_group_rule" "db_from_proxy" {
  count = var.enable_proxy ? 1 : 0

  type                     = "ingress"
  security_group_id        = aws_security_group.db.id
  description              = "PostgreSQL from RDS Proxy"
  protocol                 = "tcp"
  from_port                = 5432
  to_port                  = 5432
  source_security_group_id = aws_security_group.proxy[0].id
}

# --- Parameters for logical replication ---------------------------------------------------------

resource "aws_db_parameter_group" "this" {
  name_prefix = "${var.name}-pg${local.engine_major}-"
  family      = "postgres${local.engine_major}"
  description = "Hybrid Shop: logical replication for Datastream, TLS only"
  tags        = var.tags

  # wal_level = logical. Static: takes effect at the first boot with this group (it is attached
  # at creation) or after a reboot when added later.
  parameter {
    name         = "rds.logical_replication"
    value        = "1"
    apply_method = "pending-reboot"
  }

  # An unread slot would keep WAL until the disk is full; past this size the slot is invalidated
  # instead (the stream must then be backfilled again, which is cheaper than a full disk).
  parameter {
    name         = "max_slot_wal_keep_size"
    value        = tostring(var.max_slot_wal_keep_size_mb)
    apply_method = "immediate"
  }

  # Datastream asks for 0 (no timeout) or at least 10 minutes so idle streams are not cut.
  parameter {
    name         = "wal_sender_timeout"
    value        = "0"
    apply_method = "immediate"
  }

  # Refuse unencrypted connections from anyone, including Datastream over the internet.
  parameter {
    name         = "rds.force_ssl"
    value        = "1"
    apply_method = "immediate"
  }

  # pg_stat_statements, for finding expensive statements (CREATE EXTENSION pg_stat_statements to
  # query it). Static: read at boot only. The replication heartbeat is a scheduled Lambda function
  # (aws-api), so nothing needs pg_cron.
  parameter {
    name         = "shared_preload_libraries"
    value        = "pg_stat_statements"
    apply_method = "pending-reboot"
  }

  # A new group is created before the old one is dropped on a major-version change.
  lifecycle {
    create_before_destroy = true
  }
}

# --- The instance ---------------------------------------------------------------------------------

resource "aws_db_instance" "this" {
  identifier     = var.name
  engine         = "postgres"
  engine_version = var.engine_version
  instance_class = var.instance_class

  allocated_storage     = var.allocated_storage_gb
  max_allocated_storage = var.max_allocated_storage_gb
  storage_type          = "gp3"
  storage_encrypted     = true
  kms_key_id            = var.kms_key_arn

  db_name  = var.db_name
  username = var.master_username
  # RDS generates the master password, stores it in Secrets Manager and rotates it: it never
  # appears in Terraform variables or state.
  manage_master_user_password   = true
  master_user_secret_kms_key_id = var.kms_key_arn

  port                   = 5432
  db_subnet_group_name   = aws_db_subnet_group.this.name
  vpc_security_group_ids = [aws_security_group.db.id]
  publicly_accessible    = var.publicly_accessible
  parameter_group_name   = aws_db_parameter_group.this.name
  ca_cert_identifier     = "rds-ca-rsa2048-g1"

  multi_az                = var.multi_az
  backup_retention_period = var.backup_retention_days
  backup_window           = "02:00-03:00"
  maintenance_window      = "sun:03:30-sun:04:30"
  copy_tags_to_snapshot   = true

  auto_minor_version_upgrade  = true
  allow_major_version_upgrade = false
  apply_immediately           = var.apply_immediately

  deletion_protection       = var.deletion_protection
  skip_final_snapshot       = false
  final_snapshot_identifier = "${var.name}-final"
  delete_automated_backups  = false

  enabled_cloudwatch_logs_exports = ["postgresql"]

  tags = var.tags
}

# --- Replication user's password (read by the migrate function) --------------------------------

resource "aws_secretsmanager_secret" "replication" {
  name_prefix             = "${var.name}-replication-password-"
  description             = "Password of the PostgreSQL replication user that Datastream logs in as."
  kms_key_id              = var.kms_key_arn
  recovery_window_in_days = var.recovery_window_days
  tags                    = var.tags
}

resource "aws_secretsmanager_secret_version" "replication" {
  secret_id     = aws_secretsmanager_secret.replication.id
  secret_string = var.replication_password
}

# --- Optional RDS Proxy -------------------------------------------------------------------------

resource "aws_security_group" "proxy" {
  count = var.enable_proxy ? 1 : 0

  name_prefix = "${var.name}-proxy-"
  description = "RDS Proxy: 5432 from the shop functions, out to the database only."
  vpc_id      = var.vpc_id
  tags        = merge(var.tags, { Name = "${var.name}-proxy" })

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_security_group_rule" "proxy_from_clients" {
  count = var.enable_proxy ? length(var.client_security_group_ids) : 0

  type                     = "ingress"
  security_group_id        = aws_security_group.proxy[0].id
  description              = "PostgreSQL from the shop functions"
  protocol                 = "tcp"
  from_port                = 5432
  to_port                  = 5432
  source_security_group_id = var.client_security_group_ids[count.index]
}

resource "aws_security_group_rule" "proxy_to_db" {
  count = var.enable_proxy ? 1 : 0

  type                     = "egress"
  security_group_id        = aws_security_group.proxy[0].id
  description              = "PostgreSQL to the database"
  protocol                 = "tcp"
  from_port                = 5432
  to_port                  = 5432
  source_security_group_id = aws_security_group.db.id
}

data "aws_iam_policy_document" "proxy_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["rds.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "proxy" {
  statement {
    sid       = "ReadMasterSecret"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [aws_db_instance.this.master_user_secret[0].secret_arn]
  }

  # With a customer-managed key the proxy must also decrypt the secret (through Secrets Manager
  # only); the AWS-managed key's policy already allows that.
  dynamic "statement" {
    for_each = var.kms_key_arn == null ? [] : [var.kms_key_arn]

    content {
      sid       = "DecryptMasterSecret"
      actions   = ["kms:Decrypt"]
      resources = [statement.value]

      condition {
        test     = "StringEquals"
        variable = "kms:ViaService"
        values   = ["secretsmanager.${data.aws_region.current.region}.amazonaws.com"]
      }
    }
  }
}

resource "aws_iam_role" "proxy" {
  count = var.enable_proxy ? 1 : 0

  name_prefix        = "${var.name}-rds-proxy-"
  assume_role_policy = data.aws_iam_policy_document.proxy_assume.json
  tags               = var.tags
}

resource "aws_iam_role_policy" "proxy" {
  count = var.enable_proxy ? 1 : 0

  name   = "read-master-secret"
  role   = aws_iam_role.proxy[0].id
  policy = data.aws_iam_policy_document.proxy.json
}

resource "aws_db_proxy" "this" {
  count = var.enable_proxy ? 1 : 0

  name                   = var.name
  engine_family          = "POSTGRESQL"
  require_tls            = true
  idle_client_timeout    = 1800
  role_arn               = aws_iam_role.proxy[0].arn
  vpc_subnet_ids         = var.proxy_subnet_ids
  vpc_security_group_ids = [aws_security_group.proxy[0].id]

  auth {
    auth_scheme               = "SECRETS"
    secret_arn                = aws_db_instance.this.master_user_secret[0].secret_arn
    iam_auth                  = "DISABLED"
    client_password_auth_type = "POSTGRES_SCRAM_SHA_256"
  }

  tags = var.tags

  lifecycle {
    precondition {
      condition     = length(var.proxy_subnet_ids) >= 2
      error_message = "enable_proxy needs proxy_subnet_ids in two availability zones."
    }
  }

  depends_on = [aws_iam_role_policy.proxy]
}

resource "aws_db_proxy_default_target_group" "this" {
  count = var.enable_proxy ? 1 : 0

  db_proxy_name = aws_db_proxy.this[0].name

  connection_pool_config {
    # Leave room for the migrate function and an operator's psql session.
    max_connections_percent      = 80
    max_idle_connections_percent = 40
    connection_borrow_timeout    = 10
  }
}

resource "aws_db_proxy_target" "this" {
  count = var.enable_proxy ? 1 : 0

  db_proxy_name          = aws_db_proxy.this[0].name
  target_group_name      = aws_db_proxy_default_target_group.this[0].name
  db_instance_identifier = aws_db_instance.this.identifier
}
