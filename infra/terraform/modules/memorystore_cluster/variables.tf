variable "name" {
  description = "Cluster id."
  type        = string
}

variable "region" {
  description = "Region (the same as the GKE cluster's)."
  type        = string
}

variable "network_id" {
  description = "VPC the cluster is reachable from."
  type        = string
}

variable "subnet_id" {
  description = "Subnet where Private Service Connect creates the cluster's endpoints (the GKE subnet)."
  type        = string
}

variable "shard_count" {
  description = "Shards (docs/capacity.md, Redis: ceil(commands per second / commands per shard); 15 for 1.4 M candidates at a 15 s autosave)."
  type        = number
}

variable "replica_count" {
  description = "Replicas per shard (0-2); 1 survives a zone loss."
  type        = number
}

variable "node_type" {
  description = "Node type, e.g. REDIS_STANDARD_SMALL; shards x node memory must hold the hot state (docs/capacity.md)."
  type        = string
}

variable "deletion_protection" {
  description = "Refuse to delete the cluster (on in production)."
  type        = bool
}
