provider "aws" {
  region = var.aws_region

  default_tags {
    tags = local.tags
  }
}

provider "google" {
  project        = var.gcp_project_id
  region         = var.gcp_region
  default_labels = local.labels
}
