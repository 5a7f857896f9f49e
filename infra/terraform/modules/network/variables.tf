variable "name" {
  description = "Prefix of the network's resource names."
  type        = string
}

variable "region" {
  description = "Region of the subnet and the NAT router."
  type        = string
}

variable "nodes_cidr" {
  description = "Primary range of the subnet (node IPs)."
  type        = string
}

variable "pods_cidr" {
  description = "Secondary range for pod IPs (VPC-native cluster)."
  type        = string
}

variable "services_cidr" {
  description = "Secondary range for Service cluster IPs."
  type        = string
}

variable "private_service_cidr" {
  description = "Range reserved for private service access (Memorystore)."
  type        = string
}
