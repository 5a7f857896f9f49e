variable "name" {
  description = "Instance id."
  type        = string
}

variable "region" {
  description = "Region (the same as the cluster's)."
  type        = string
}

variable "network_id" {
  description = "VPC the instance is reachable from."
  type        = string
}

variable "reserved_range" {
  description = "Name of the private service access range the instance takes its addresses from."
  type        = string
}

variable "memory_size_gb" {
  description = "Memory in GiB (docs/capacity.md: candidates x (hot state + login directory entry) bytes x 2; 9 GiB for 1.4 M candidates at 10 questions)."
  type        = number
}

variable "replica_count" {
  description = "Read replicas (1-5); the failover target is one of them."
  type        = number
}

variable "redis_version" {
  description = "Redis version, e.g. REDIS_7_2."
  type        = string
}

variable "labels" {
  description = "Resource labels."
  type        = map(string)
}
