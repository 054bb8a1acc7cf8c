# Remote state. The state holds the generated replication password, the cookie secret and the
# admin password hash (the RDS master password is NOT in it: RDS manages that one), so keep it in
# an encrypted, access-controlled bucket with versioning, never in git. Uncomment ONE backend,
# create the bucket first (outside this configuration), then run `terraform init -migrate-state`.
#
# terraform {
#   backend "s3" {
#     bucket       = "my-org-terraform-state"
#     key          = "hybrid-shop/terraform.tfstate"
#     region       = "us-east-1"
#     encrypt      = true
#     use_lockfile = true # S3-native locking, Terraform >= 1.10 (older: dynamodb_table = "...")
#   }
# }
#
# terraform {
#   backend "gcs" {
#     bucket = "my-org-terraform-state"
#     prefix = "hybrid-shop"
#   }
# }
