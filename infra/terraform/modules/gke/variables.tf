variable "project_id" {
  description = "Project of the cluster (and of the Workload Identity pool)."
  type        = string
}

variable "name" {
  description = "Cluster name and prefix of the node service account."
  type        = string
}

variable "region" {
  description = "Region of the regional cluster (nodes in every zone of it)."
  type        = string
}

variable "network_id" {
  description = "VPC id."
  type        = string
}

variable "subnet_id" {
  description = "Subnet id (with the pods and services secondary ranges)."
  type        = string
}

variable "pods_range_name" {
  description = "Secondary range name for pods."
  type        = string
}

variable "services_range_name" {
  description = "Secondary range name for Services."
  type        = string
}

variable "control_plane_cidr" {
  description = "The /28 of the private control plane."
  type        = string
}

variable "master_authorized_networks" {
  description = "CIDRs allowed to reach the control plane endpoint."
  type = list(object({
    cidr_block   = string
    display_name = string
  }))
}

variable "release_channel" {
  description = "GKE release channel."
  type        = string
}

variable "baseline_machine_type" {
  description = "Machine type of the always-on pool."
  type        = string
}

variable "baseline_min_per_zone" {
  description = "Minimum baseline nodes per zone."
  type        = number
}

variable "baseline_max_per_zone" {
  description = "Maximum baseline nodes per zone."
  type        = number
}

variable "surge_machine_type" {
  description = "Machine type of the surge pool."
  type        = string
}

variable "surge_min_per_zone" {
  description = "Minimum surge nodes per zone (0 between exams)."
  type        = number
}

variable "surge_max_per_zone" {
  description = "Maximum surge nodes per zone: the exam-day ceiling (docs/capacity.md)."
  type        = number
}

variable "surge_spot" {
  description = "Run the surge pool on Spot VMs (cheaper; a reclaimed node costs reconnects, never an answer)."
  type        = bool
}

variable "maintenance_exclusions" {
  description = "Exam windows during which GKE performs no minor or node upgrades (RFC 3339 times)."
  type = list(object({
    name       = string
    start_time = string
    end_time   = string
  }))
}

variable "deletion_protection" {
  description = "Refuse terraform destroy of the cluster."
  type        = bool
}

variable "labels" {
  description = "Resource labels."
  type        = map(string)
}
