variable "name" {
  description = "Instance id."
  type        = string
}

variable "config" {
  description = "Instance configuration: regional-<region>, or a multi-region such as asia1 (zero RPO through a region loss)."
  type        = string
}

variable "processing_units" {
  description = "Compute capacity (1,000 PU = 1 node). The exam-day value comes from docs/capacity.md."
  type        = number
}

variable "database" {
  description = "Database id."
  type        = string
}

variable "version_retention" {
  description = "Point-in-time recovery window (1h-7d)."
  type        = string
}

variable "deletion_protection" {
  description = "Protect the database from terraform destroy and from drops."
  type        = bool
}

variable "labels" {
  description = "Resource labels."
  type        = map(string)
}
