# Hybrid Shop on two clouds:
#   AWS    — RDS PostgreSQL (system of record), Lambda handlers behind an API Gateway HTTP API,
#            a migrate function Terraform runs on every new artifact.
#   Google — Cloud Run web app, Datastream CDC from RDS into BigQuery.
# The web app authenticates to the API with Google-signed ID tokens of its service account
# (JWT authorizer): no static cloud keys exist anywhere.

locals {
  tags   = merge(var.tags, { app = "hybrid-shop", managed-by = "terraform" })
  labels = local.tags

  # IP allow-listing unless a Datastream private connection is given.
  datastream_over_internet = var.datastream_private_connection_id == null

  # Fixed by the contract with shop-core/shop-aws (the migrate function creates this user).
  replication_user = "shop_replicator"
}

# --- Google APIs ----------------------------------------------------------------------------------

resource "google_project_service" "this" {
  for_each = toset([
    "artifactregistry.googleapis.com",
    "bigquery.googleapis.com",
    "datastream.googleapis.com",
    "iam.googleapis.com",
    "logging.googleapis.com",
    "monitoring.googleapis.com",
    "run.googleapis.com",
    "secretmanager.googleapis.com",
  ])

  project = var.gcp_project_id
  service = each.value
  # Turning APIs off on destroy would break anything else in the project that uses them.
  disable_on_destroy = false
}

# The addresses Datastream connects from in this region (allow-listed on the RDS security group).
data "google_datastream_static_ips" "this" {
  project  = var.gcp_project_id
  location = var.gcp_region

  depends_on = [google_project_service.this]
}

# The certificate authorities of RDS in this region, so the functions can verify the database's
# certificate (sslmode verify-full). Public data, fetched from AWS's trust store over HTTPS.
data "http" "rds_ca_bundle" {
  url = "https://truststore.pki.rds.amazonaws.com/${var.aws_region}/${var.aws_region}-bundle.pem"

  lifecycle {
    postcondition {
      condition     = self.status_code == 200 && strcontains(self.response_body, "-----BEGIN CERTIFICATE-----")
      error_message = "Could not download the RDS CA bundle for ${var.aws_region}."
    }
  }
}

# --- Generated secrets (in state: use an encrypted remote backend, see backend.tf) ---------------

# Letters and digits only: the value travels through SQL (ALTER ROLE) and connection strings.
resource "random_password" "replication" {
  length  = 40
  special = false
}

resource "random_password" "cookie_secret" {
  length  = 64
  special = false
}

# --- AWS ------------------------------------------------------------------------------------------

module "aws_network" {
  source = "./modules/aws-network"

  name                     = var.name
  cidr_block               = var.vpc_cidr
  database_internet_access = local.datastream_over_internet
  tags                     = local.tags
}

module "aws_database" {
  source = "./modules/aws-database"

  name                      = var.name
  vpc_id                    = module.aws_network.vpc_id
  subnet_ids                = module.aws_network.database_subnet_ids
  proxy_subnet_ids          = module.aws_network.private_subnet_ids
  client_security_group_ids = [module.aws_network.lambda_security_group_id]
  publicly_accessible       = local.datastream_over_internet
  datastream_cidr_blocks    = [for ip in data.google_datastream_static_ips.this.static_ips : "${ip}/32"]
  instance_class            = var.db_instance_class
  allocated_storage_gb      = var.db_allocated_storage_gb
  max_allocated_storage_gb  = var.db_max_allocated_storage_gb
  multi_az                  = var.db_multi_az
  backup_retention_days     = var.db_backup_retention_days
  deletion_protection       = var.db_deletion_protection
  max_slot_wal_keep_size_mb = var.db_max_slot_wal_keep_size_mb
  enable_proxy              = var.enable_rds_proxy
  replication_password      = random_password.replication.result
  tags                      = local.tags
}

module "aws_api" {
  source = "./modules/aws-api"

  name                            = var.name
  artifact_path                   = var.lambda_artifact_path
  memory_mb                       = var.lambda_memory_mb
  timeout_seconds                 = var.lambda_timeout_seconds
  migrate_timeout_seconds         = var.migrate_timeout_seconds
  subnet_ids                      = module.aws_network.private_subnet_ids
  security_group_ids              = [module.aws_network.lambda_security_group_id]
  vpc_endpoint_ids                = [module.aws_network.secretsmanager_endpoint_id]
  db_host                         = module.aws_database.client_address
  db_via_proxy                    = var.enable_rds_proxy
  db_ca_bundle_pem                = data.http.rds_ca_bundle.response_body
  db_migrate_host                 = module.aws_database.instance_address
  db_port                         = module.aws_database.port
  db_name                         = module.aws_database.db_name
  db_credentials_secret_arn       = module.aws_database.master_user_secret_arn
  replication_user                = local.replication_user
  replication_password_secret_arn = module.aws_database.replication_password_secret_arn
  currency                        = var.currency
  admin_jwt_subjects              = [module.gcp_web.service_account_unique_id]
  throttling_rate_limit           = var.api_throttling_rate_limit
  throttling_burst_limit          = var.api_throttling_burst_limit
  log_retention_days              = var.log_retention_days
  tags                            = local.tags
}

# --- Google Cloud ---------------------------------------------------------------------------------

module "gcp_replication" {
  source = "./modules/gcp-replication"

  name                   = var.name
  project_id             = var.gcp_project_id
  region                 = var.gcp_region
  bigquery_location      = var.bigquery_location
  source_hostname        = module.aws_database.instance_address
  source_port            = module.aws_database.port
  source_database        = module.aws_database.db_name
  replication_user       = local.replication_user
  replication_password   = random_password.replication.result
  source_prepared_marker = module.aws_api.migrate_result
  private_connection_id  = var.datastream_private_connection_id
  desired_state          = var.datastream_desired_state
  data_freshness         = var.datastream_data_freshness
  labels                 = local.labels

  delete_dataset_contents_on_destroy = var.bigquery_delete_contents_on_destroy

  depends_on = [google_project_service.this]
}

module "gcp_web" {
  source = "./modules/gcp-web"

  name                = var.name
  project_id          = var.gcp_project_id
  region              = var.gcp_region
  image               = var.web_image
  api_url             = module.aws_api.api_endpoint
  api_audience        = module.aws_api.jwt_audience
  currency            = var.currency
  bigquery_project_id = var.gcp_project_id
  bigquery_dataset_id = module.gcp_replication.dataset_id
  bigquery_location   = module.gcp_replication.dataset_location
  cookie_secret       = random_password.cookie_secret.result
  admin_password_hash = var.admin_password_hash
  min_instances       = var.web_min_instances
  max_instances       = var.web_max_instances
  public_access       = var.web_public_access
  deletion_protection = var.web_deletion_protection
  labels              = local.labels

  depends_on = [google_project_service.this]
}

# --- Monitoring: alarms, alert policies and dashboards on both clouds ------------------------------

module "aws_monitoring" {
  source = "./modules/aws-monitoring"

  name           = var.name
  alert_email    = var.alert_email
  functions      = module.aws_api.functions
  api_id         = module.aws_api.api_id
  db_instance_id = module.aws_database.instance_id
  tags           = local.tags
}

module "gcp_monitoring" {
  source = "./modules/gcp-monitoring"

  name             = var.name
  project_id       = var.gcp_project_id
  alert_email      = var.alert_email
  stream_id        = module.gcp_replication.stream_id
  web_service_name = module.gcp_web.service_name
  labels           = local.labels

  depends_on = [google_project_service.this]
}
