variable "name" {
  description = "Bucket name (globally unique: <project>-papers)."
  type        = string
}

variable "region" {
  description = "Bucket location (the cluster's region)."
  type        = string
}

variable "labels" {
  description = "Resource labels."
  type        = map(string)
}
