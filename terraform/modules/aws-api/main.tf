# The shop's HTTP API: four SnapStart Lambda functions behind an API Gateway HTTP API, plus a
# migrate function that Terraform invokes once per artifact (schema migrations, publication,
# replication slot and replication user for Datastream), and a heartbeat function that EventBridge
# Scheduler runs every minute.

locals {
  # Handler strings as the runtime wants them. The deployment checks (examples/deployment) load
  # each class from shop-aws and compare the routes below with the classes' ROUTES fields.
  functions = {
    products = { handler = "io.github.hybridshop.aws.products.ProductsHandler::handleRequest" }
    admin    = { handler = "io.github.hybridshop.aws.admin.AdminHandler::handleRequest" }
    orders   = { handler = "io.github.hybridshop.aws.orders.OrdersHandler::handleRequest" }
    health   = { handler = "io.github.hybridshop.aws.health.HealthHandler::handleRequest" }
  }

  migrate_handler   = "io.github.hybridshop.aws.migrate.MigrateHandler::handleRequest"
  heartbeat_handler = "io.github.hybridshop.aws.heartbeat.HeartbeatHandler::handleRequest"

  # Route key => function serving it. Admin routes need a Google-signed ID token (JWT authorizer);
  # the AdminHandler then accepts only the subjects in SHOP_ADMIN_JWT_SUBJECTS, because any Google
  # account can mint a token for any audience.
  routes = {
    "GET /products"               = { function = "products", admin = false }
    "GET /products/{id}"          = { function = "products", admin = false }
    "POST /products"              = { function = "admin", admin = true }
    "POST /products/{id}/restock" = { function = "admin", admin = true }
    "POST /orders"                = { function = "orders", admin = false }
    "GET /orders/{id}"            = { function = "orders", admin = false }
    "GET /health"                 = { function = "health", admin = false }
  }

  artifact_hash = filebase64sha256(var.artifact_path)

  # Where the RDS CA layer puts the bundle (layers are unpacked under /opt).
  ca_bundle_path = "/opt/rds/ca-bundle.pem"

  # Exactly the variables the handlers read (the shop-aws configuration contract). Without
  # DB_SSLROOTCERT the JVM trust store is used, which trusts RDS Proxy but not the instance.
  db_env = {
    SHOP_DB_SECRET_ARN = var.db_credentials_secret_arn
    DB_HOST            = var.db_host
    DB_PORT            = tostring(var.db_port)
    DB_NAME            = var.db_name
    DB_SSLMODE         = var.db_sslmode
  }

  # What every function that connects like the API (through the proxy when there is one) reads.
  db_client_env = merge(
    local.db_env,
    { for k, v in { DB_SSLROOTCERT = local.ca_bundle_path } : k => v if !var.db_via_proxy },
  )

  api_env = merge(local.db_client_env, { SHOP_CURRENCY = var.currency })

  function_env = {
    products = local.api_env
    admin    = merge(local.api_env, { SHOP_ADMIN_JWT_SUBJECTS = join(",", var.admin_jwt_subjects) })
    orders   = local.api_env
    health   = local.api_env
  }

  migrate_env = merge(local.db_env, {
    DB_HOST                              = var.db_migrate_host
    DB_SSLROOTCERT                       = local.ca_bundle_path
    SHOP_REPLICATION_USER                = var.replication_user
    SHOP_REPLICATION_PASSWORD_SECRET_ARN = var.replication_password_secret_arn
    SHOP_REPLICATION_FLAVOUR             = "rds"
  })

  # The JWT audience Cloud Run requests its ID token for: the API's own URL.
  jwt_audience = aws_apigatewayv2_api.this.api_endpoint
}

data "aws_region" "current" {}

# --- Logs ---------------------------------------------------------------------------------------
# Created here (not by Lambda on first write) so they have a retention and the roles need no
# logs:CreateLogGroup.

resource "aws_cloudwatch_log_group" "function" {
  for_each = local.functions

  name              = "/aws/lambda/${var.name}-${each.key}"
  retention_in_days = var.log_retention_days
  tags              = var.tags
}

resource "aws_cloudwatch_log_group" "migrate" {
  name              = "/aws/lambda/${var.name}-migrate"
  retention_in_days = var.log_retention_days
  tags              = var.tags
}

resource "aws_cloudwatch_log_group" "heartbeat" {
  name              = "/aws/lambda/${var.name}-heartbeat"
  retention_in_days = var.log_retention_days
  tags              = var.tags
}

resource "aws_cloudwatch_log_group" "access" {
  name              = "/aws/apigateway/${var.name}"
  retention_in_days = var.log_retention_days
  tags              = var.tags
}

# --- RDS certificate authorities, as a layer --------------------------------------------------------
# verify-full needs the CA that signed the instance's certificate; it is not in the JVM's trust
# store, and baking it into the shop-aws artifact would tie the artifact to a region.

data "archive_file" "rds_ca_layer" {
  type        = "zip"
  output_path = "${path.root}/.terraform/tmp/${var.name}-rds-ca-layer.zip"

  source {
    content  = var.db_ca_bundle_pem
    filename = trimprefix(local.ca_bundle_path, "/opt/")
  }
}

resource "aws_lambda_layer_version" "rds_ca" {
  layer_name               = "${var.name}-rds-ca"
  description              = "RDS certificate authorities at ${local.ca_bundle_path}"
  filename                 = data.archive_file.rds_ca_layer.output_path
  source_code_hash         = data.archive_file.rds_ca_layer.output_base64sha256
  compatible_runtimes      = ["java21"]
  compatible_architectures = [var.architecture]
}

# --- IAM: one role for the API functions, one for migrate, one for the heartbeat -------------------
# Split so that the functions serving the internet cannot read the replication password, and each
# role writes only its own logs.

data "aws_iam_policy_document" "lambda_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

locals {
  # One policy per role; they differ only in whose logs they write and which secrets they read.
  role_permissions = {
    api = {
      log_group_arns = [for g in aws_cloudwatch_log_group.function : g.arn]
      secret_arns    = [var.db_credentials_secret_arn]
    }
    migrate = {
      log_group_arns = [aws_cloudwatch_log_group.migrate.arn]
      secret_arns    = [var.db_credentials_secret_arn, var.replication_password_secret_arn]
    }
    heartbeat = {
      log_group_arns = [aws_cloudwatch_log_group.heartbeat.arn]
      secret_arns    = [var.db_credentials_secret_arn]
    }
  }
}

data "aws_iam_policy_document" "role" {
  for_each = local.role_permissions

  statement {
    sid       = "WriteOwnLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = [for arn in each.value.log_group_arns : "${arn}:*"]
  }

  # The network interfaces of a VPC function. These are the actions of the AWS-managed
  # AWSLambdaVPCAccessExecutionRole; EC2's Describe* calls support no resource-level scoping.
  statement {
    sid = "VpcNetworkInterfaces"
    actions = [
      "ec2:CreateNetworkInterface",
      "ec2:DescribeNetworkInterfaces",
      "ec2:DescribeSubnets",
      "ec2:DeleteNetworkInterface",
      "ec2:AssignPrivateIpAddresses",
      "ec2:UnassignPrivateIpAddresses",
    ]
    resources = ["*"]
  }

  statement {
    sid       = "ReadOwnSecrets"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = each.value.secret_arns
  }

  dynamic "statement" {
    for_each = var.kms_key_arn == null ? [] : [var.kms_key_arn]

    content {
      sid       = "DecryptSecrets"
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

resource "aws_iam_role" "api" {
  name_prefix        = "${var.name}-api-"
  description        = "Hybrid Shop API functions"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
  tags               = var.tags
}

resource "aws_iam_role_policy" "api" {
  name   = "least-privilege"
  role   = aws_iam_role.api.id
  policy = data.aws_iam_policy_document.role["api"].json
}

resource "aws_iam_role" "migrate" {
  name_prefix        = "${var.name}-migrate-"
  description        = "Hybrid Shop deploy-time migrate function"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
  tags               = var.tags
}

resource "aws_iam_role_policy" "migrate" {
  name   = "least-privilege"
  role   = aws_iam_role.migrate.id
  policy = data.aws_iam_policy_document.role["migrate"].json
}

resource "aws_iam_role" "heartbeat" {
  name_prefix        = "${var.name}-heartbeat-"
  description        = "Hybrid Shop replication heartbeat function"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
  tags               = var.tags
}

resource "aws_iam_role_policy" "heartbeat" {
  name   = "least-privilege"
  role   = aws_iam_role.heartbeat.id
  policy = data.aws_iam_policy_document.role["heartbeat"].json
}

# --- Migrate: runs once per artifact, before the API functions are updated ------------------------

resource "aws_lambda_function" "migrate" {
  function_name    = "${var.name}-migrate"
  description      = "Flyway migrations, publication, slot and replication user (invoked by Terraform)"
  role             = aws_iam_role.migrate.arn
  runtime          = "java21"
  architectures    = [var.architecture]
  handler          = local.migrate_handler
  filename         = var.artifact_path
  source_code_hash = local.artifact_hash
  memory_size      = var.migrate_memory_mb
  timeout          = var.migrate_timeout_seconds
  layers           = [aws_lambda_layer_version.rds_ca.arn]
  # Invoked once per deploy: a SnapStart snapshot would cost more time than it saves.
  publish = false

  environment {
    variables = local.migrate_env
  }

  vpc_config {
    subnet_ids         = var.subnet_ids
    security_group_ids = var.security_group_ids
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.migrate.name
  }

  tags = var.tags

  depends_on = [aws_iam_role_policy.migrate]
}

# Orders the invocation after the Secrets Manager endpoint exists, without a module-level
# depends_on (which would defer every data source in this module to apply time).
resource "terraform_data" "network_ready" {
  input = var.vpc_endpoint_ids
}

# Re-invoked whenever the artifact or the database endpoint changes. A failed migration
# (FunctionError) fails the apply, and the API functions below are then not updated.
resource "aws_lambda_invocation" "migrate" {
  function_name = aws_lambda_function.migrate.function_name

  input = jsonencode({
    action         = "migrate"
    artifactSha256 = local.artifact_hash
  })

  triggers = {
    artifact = local.artifact_hash
    database = var.db_migrate_host
  }

  depends_on = [terraform_data.network_ready]
}

# --- API functions (SnapStart on published versions, served through the "live" alias) ------------

resource "aws_lambda_function" "api" {
  for_each = local.functions

  function_name    = "${var.name}-${each.key}"
  description      = "Hybrid Shop API: ${join(", ", [for k, r in local.routes : k if r.function == each.key])}"
  role             = aws_iam_role.api.arn
  runtime          = "java21"
  architectures    = [var.architecture]
  handler          = each.value.handler
  filename         = var.artifact_path
  source_code_hash = local.artifact_hash
  memory_size      = var.memory_mb
  timeout          = var.timeout_seconds
  layers           = [aws_lambda_layer_version.rds_ca.arn]
  publish          = true

  snap_start {
    apply_on = "PublishedVersions"
  }

  environment {
    variables = local.function_env[each.key]
  }

  vpc_config {
    subnet_ids         = var.subnet_ids
    security_group_ids = var.security_group_ids
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.function[each.key].name
  }

  tags = var.tags

  # New code only goes live once the schema it expects is in place.
  depends_on = [aws_iam_role_policy.api, aws_lambda_invocation.migrate]
}

resource "aws_lambda_alias" "live" {
  for_each = local.functions

  name             = "live"
  description      = "Published version served by the HTTP API (SnapStart applies to published versions only)"
  function_name    = aws_lambda_function.api[each.key].function_name
  function_version = aws_lambda_function.api[each.key].version
}

# --- HTTP API -------------------------------------------------------------------------------------

resource "aws_apigatewayv2_api" "this" {
  name          = var.name
  description   = "Hybrid Shop API (called server-to-server by the Cloud Run web app)"
  protocol_type = "HTTP"
  # No CORS: browsers never call this API directly, only the web app's server does.
  tags = var.tags
}

# Trusts ID tokens signed by Google for this API's audience. Cloud Run obtains one for its
# service account from the metadata server: no static AWS keys exist anywhere.
resource "aws_apigatewayv2_authorizer" "google" {
  api_id           = aws_apigatewayv2_api.this.id
  name             = "google-id-token"
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]

  jwt_configuration {
    issuer   = "https://accounts.google.com"
    audience = [local.jwt_audience]
  }
}

resource "aws_apigatewayv2_integration" "api" {
  for_each = local.functions

  api_id                 = aws_apigatewayv2_api.this.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_alias.live[each.key].invoke_arn
  payload_format_version = "2.0"
  timeout_milliseconds   = 30000
}

resource "aws_apigatewayv2_route" "api" {
  for_each = local.routes

  api_id             = aws_apigatewayv2_api.this.id
  route_key          = each.key
  target             = "integrations/${aws_apigatewayv2_integration.api[each.value.function].id}"
  authorization_type = each.value.admin ? "JWT" : "NONE"
  authorizer_id      = each.value.admin ? aws_apigatewayv2_authorizer.google.id : null
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.this.id
  name        = "$default"
  auto_deploy = true

  default_route_settings {
    throttling_rate_limit  = var.throttling_rate_limit
    throttling_burst_limit = var.throttling_burst_limit
  }

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.access.arn
    format = jsonencode({
      requestId        = "$context.requestId"
      requestTime      = "$context.requestTime"
      sourceIp         = "$context.identity.sourceIp"
      routeKey         = "$context.routeKey"
      status           = "$context.status"
      responseLength   = "$context.responseLength"
      latencyMs        = "$context.responseLatency"
      integrationError = "$context.integrationErrorMessage"
      authorizerError  = "$context.authorizer.error"
      subject          = "$context.authorizer.claims.sub"
    })
  }

  tags = var.tags
}

# Each function may be invoked by this API, through its alias, for its own routes only.
resource "aws_lambda_permission" "api" {
  for_each = local.routes

  statement_id  = "http-api-${replace(replace(lower(each.key), "/[^a-z0-9]+/", "-"), "/-$/", "")}"
  action        = "lambda:InvokeFunction"
  principal     = "apigateway.amazonaws.com"
  function_name = aws_lambda_function.api[each.value.function].function_name
  qualifier     = aws_lambda_alias.live[each.value.function].name
  source_arn = format("%s/*/%s%s",
    aws_apigatewayv2_api.this.execution_arn,
    split(" ", each.key)[0],
    replace(split(" ", each.key)[1], "/\\{[^}]+\\}/", "*"),
  )
}

# --- Heartbeat: every minute, so the analytics side can measure its freshness ----------------------
# It rewrites shop.replication_heartbeat; the replicated copy's age is the freshness report, and
# the steady change keeps the replication slot moving (and Datastream's event count above zero)
# on an otherwise idle database.

resource "aws_lambda_function" "heartbeat" {
  function_name    = "${var.name}-heartbeat"
  description      = "Rewrites the replication heartbeat row (run every minute by EventBridge Scheduler)"
  role             = aws_iam_role.heartbeat.arn
  runtime          = "java21"
  architectures    = [var.architecture]
  handler          = local.heartbeat_handler
  filename         = var.artifact_path
  source_code_hash = local.artifact_hash
  memory_size      = var.heartbeat_memory_mb
  timeout          = var.heartbeat_timeout_seconds
  layers           = [aws_lambda_layer_version.rds_ca.arn]
  publish          = true

  snap_start {
    apply_on = "PublishedVersions"
  }

  environment {
    variables = local.db_client_env
  }

  vpc_config {
    subnet_ids         = var.subnet_ids
    security_group_ids = var.security_group_ids
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.heartbeat.name
  }

  tags = var.tags

  # The heartbeat table is created by the migrations.
  depends_on = [aws_iam_role_policy.heartbeat, aws_lambda_invocation.migrate]
}

resource "aws_lambda_alias" "heartbeat" {
  name             = "live"
  description      = "Published version the schedule invokes (SnapStart applies to published versions only)"
  function_name    = aws_lambda_function.heartbeat.function_name
  function_version = aws_lambda_function.heartbeat.version
}

data "aws_caller_identity" "current" {}

# The schedule's own role: it may invoke the heartbeat alias and nothing else, and only
# EventBridge Scheduler of this account may assume it.
data "aws_iam_policy_document" "scheduler_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["scheduler.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

data "aws_iam_policy_document" "scheduler" {
  statement {
    sid       = "InvokeHeartbeat"
    actions   = ["lambda:InvokeFunction"]
    resources = [aws_lambda_alias.heartbeat.arn]
  }
}

resource "aws_iam_role" "scheduler" {
  name_prefix        = "${var.name}-heartbeat-schedule-"
  description        = "EventBridge Scheduler: invoke the Hybrid Shop heartbeat"
  assume_role_policy = data.aws_iam_policy_document.scheduler_assume.json
  tags               = var.tags
}

resource "aws_iam_role_policy" "scheduler" {
  name   = "invoke-heartbeat"
  role   = aws_iam_role.scheduler.id
  policy = data.aws_iam_policy_document.scheduler.json
}

resource "aws_scheduler_schedule" "heartbeat" {
  name                = "${var.name}-heartbeat"
  description         = "Hybrid Shop replication heartbeat"
  schedule_expression = "rate(1 minute)"
  state               = "ENABLED"

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = aws_lambda_alias.heartbeat.arn
    role_arn = aws_iam_role.scheduler.arn
    input    = jsonencode({ source = "scheduler" })

    # A missed beat is not worth retrying: the next one comes within the minute.
    retry_policy {
      maximum_event_age_in_seconds = 60
      maximum_retry_attempts       = 0
    }
  }

  depends_on = [aws_iam_role_policy.scheduler]
}
