output "network_id" {
  description = "Self link id of the VPC."
  value       = google_compute_network.vpc.id
}

output "subnet_id" {
  description = "Id of the cluster's subnet."
  value       = google_compute_subnetwork.gke.id
}

output "pods_range_name" {
  description = "Name of the pods secondary range."
  value       = google_compute_subnetwork.gke.secondary_ip_range[0].range_name
}

output "services_range_name" {
  description = "Name of the services secondary range."
  value       = google_compute_subnetwork.gke.secondary_ip_range[1].range_name
}

output "private_service_range_name" {
  description = "Name of the range reserved for private service access."
  value       = google_compute_global_address.private_services.name
}

output "private_services_connection" {
  description = "The service networking peering (depend on it before creating Memorystore)."
  value       = google_service_networking_connection.private_services.id
}
