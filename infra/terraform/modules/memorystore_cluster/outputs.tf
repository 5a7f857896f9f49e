output "discovery_address" {
  description = "The cluster's discovery endpoint IP: exam-session's examday.redis.cluster-nodes seed."
  value       = google_redis_cluster.this.discovery_endpoints[0].address
}

output "discovery_port" {
  description = "The discovery endpoint's port."
  value       = google_redis_cluster.this.discovery_endpoints[0].port
}

output "server_ca_pem" {
  description = "PEM of the CAs that sign the nodes' server certificates."
  value       = join("\n", google_redis_cluster.this.managed_server_ca[0].ca_certs[0].certificates)
}
