output "policy_name" {
  description = "Security policy name (GCPBackendPolicy spec.default.securityPolicy)."
  value       = google_compute_security_policy.this.name
}

output "policy_id" {
  description = "Security policy id."
  value       = google_compute_security_policy.this.id
}
