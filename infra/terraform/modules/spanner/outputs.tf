output "instance" {
  description = "Instance id (EXAMDAY_SPANNER_INSTANCE)."
  value       = google_spanner_instance.this.name
}

output "database" {
  description = "Database id (EXAMDAY_SPANNER_DATABASE)."
  value       = google_spanner_database.this.name
}
