variable "name" {
  description = "Prefix for every resource name and Name tag."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}$", var.name))
    error_message = "name must be 2-31 characters of lower-case letters, digits and hyphens, starting with a letter."
  }
}

variable "cidr_block" {
  description = "IPv4 CIDR of the VPC. It is cut into four equal subnets: two private, two for the database."
  type        = string
  default     = "10.40.0.0/16"

  validation {
    condition     = can(cidrhost(var.cidr_block, 0)) && tonumber(split("/", var.cidr_block)[1]) <= 24
    error_message = "cidr_block must be a valid IPv4 CIDR of /24 or larger."
  }
}

variable "database_internet_access" {
  description = <<-EOT
    Give the database subnets a route to an internet gateway. Needed only when Datastream reaches
    the database by IP allow-listing (its static public IPs); leave false when Datastream comes in
    over private connectivity (VPN or interconnect), then nothing in this VPC can reach the internet.
  EOT
  type        = bool
  default     = false
}

variable "tags" {
  description = "Extra tags for every resource (the provider's default_tags apply as well)."
  type        = map(string)
  default     = {}
}
