output "host" {
  description = "Primary endpoint IP."
  value       = google_redis_instance.this.host
}

output "port" {
  description = "Port (6378 with in-transit encryption)."
  value       = google_redis_instance.this.port
}

output "auth_string" {
  description = "AUTH string."
  value       = google_redis_instance.this.auth_string
  sensitive   = true
}

output "server_ca_pem" {
  description = "PEM of the CA that signed the server certificate."
  value       = google_redis_instance.this.server_ca_certs[0].cert
}
