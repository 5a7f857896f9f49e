# Hot session state. Standard tier with read replicas: a zone loss fails over automatically.
# Nothing here is the record (Spanner is): an eviction would not lose an answer, but it would
# silently drop "accepted, not durable" markers and the failed-login counters, so the policy is
# noeviction: a full Redis refuses writes loudly (the service answers 503, retryable) instead.

resource "google_redis_instance" "this" {
  name           = var.name
  display_name   = "${var.name} hot session state"
  tier           = "STANDARD_HA"
  memory_size_gb = var.memory_size_gb
  region         = var.region
  redis_version  = var.redis_version
  labels         = var.labels

  authorized_network = var.network_id
  connect_mode       = "PRIVATE_SERVICE_ACCESS"
  reserved_ip_range  = var.reserved_range

  replica_count      = var.replica_count
  read_replicas_mode = "READ_REPLICAS_ENABLED"

  # AUTH plus TLS (server authentication, port 6378): the URL the service uses is
  # rediss://:<auth>@<host>:6378, and it trusts server_ca_certs.
  auth_enabled            = true
  transit_encryption_mode = "SERVER_AUTHENTICATION"

  redis_configs = {
    "maxmemory-policy" = "noeviction"
  }

  # Maintenance on a weekday night, never the exam weekend; add a deny period before a sitting
  # (gcloud redis instances update --maintenance-window-...) if one falls on a weekday.
  maintenance_policy {
    weekly_maintenance_window {
      day = "TUESDAY"
      start_time {
        hours   = 21
        minutes = 0
      }
    }
  }
}
