output "cluster_name" {
  description = "Cluster name."
  value       = google_container_cluster.this.name
}

output "workload_pool" {
  description = "Workload Identity pool (<project>.svc.id.goog)."
  value       = google_container_cluster.this.workload_identity_config[0].workload_pool
}

output "surge_pool_name" {
  description = "Name of the surge node pool (the ExamSchedule's nodeSelector value)."
  value       = google_container_node_pool.surge.name
}

output "node_service_account" {
  description = "Email of the nodes' service account."
  value       = google_service_account.nodes.email
}
