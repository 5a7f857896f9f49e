variable "project_id" {
  description = "Project of the service accounts and the custom role."
  type        = string
}

variable "name" {
  description = "Prefix of the service account ids."
  type        = string
}

variable "namespace" {
  description = "Kubernetes namespace of the workloads' ServiceAccounts."
  type        = string
}

variable "workload_pool" {
  description = "The cluster's Workload Identity pool (<project>.svc.id.goog)."
  type        = string
}

variable "spanner_instance" {
  description = "Spanner instance id."
  type        = string
}

variable "spanner_database" {
  description = "Spanner database id."
  type        = string
}

variable "releases_topic" {
  description = "Id of examday-releases."
  type        = string
}

variable "session_events_topic" {
  description = "Id of examday-session-events."
  type        = string
}

variable "broadcasts_topic" {
  description = "Id of examday-broadcasts."
  type        = string
}

variable "papers_bucket" {
  description = "Bucket of the encrypted papers (release-gateway writes and serves them)."
  type        = string
}

variable "redis_iam_auth" {
  description = "The hot state is a Memorystore for Redis Cluster with IAM authentication: exam-session may connect to it."
  type        = bool
}
