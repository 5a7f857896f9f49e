# Hot session state sharded over a Memorystore for Redis Cluster: the national exam needs more
# commands per second than one primary serves (docs/capacity.md, Redis: up to 1.17 M/s at a
# 15 s autosave, 15 shards at an assumed 80,000/s each). exam-session's keys carry hash tags (a
# session's keys share a slot), so its scripts run on one shard; its client is cluster-aware
# (examday.redis.cluster-nodes, RedisClusterIT). Nothing here is the record (Spanner is), so no
# persistence; noeviction, as on the single instance: a full shard refuses writes loudly (503,
# retryable) rather than silently dropping "accepted, not durable" markers.
#
# Clients reach the cluster through Private Service Connect: the policy below lets Memorystore
# create its endpoints in the cluster's subnet.

resource "google_network_connectivity_service_connection_policy" "redis" {
  name          = "${var.name}-redis"
  location      = var.region
  service_class = "gcp-memorystore-redis"
  description   = "Private Service Connect endpoints of the examday hot-state cluster"
  network       = var.network_id

  psc_config {
    subnetworks = [var.subnet_id]
  }
}

resource "google_redis_cluster" "this" {
  name        = var.name
  region      = var.region
  shard_count = var.shard_count
  # One replica per shard in another zone: a zone loss fails over to it.
  replica_count = var.replica_count
  node_type     = var.node_type

  psc_configs {
    network = var.network_id
  }

  zone_distribution_config {
    mode = "MULTI_ZONE"
  }

  # TLS with server authentication (exam-session trusts managed_server_ca: examday.redis.cluster-tls)
  # and IAM authentication: exam-session's service account sends an access token per new
  # connection (examday.redis.cluster-auth=IAM, roles/redis.dbConnectionUser in modules/iam).
  transit_encryption_mode = "TRANSIT_ENCRYPTION_MODE_SERVER_AUTHENTICATION"
  authorization_mode      = "AUTH_MODE_IAM_AUTH"

  redis_configs = {
    "maxmemory-policy" = "noeviction"
  }

  deletion_protection_enabled = var.deletion_protection

  depends_on = [google_network_connectivity_service_connection_policy.redis]
}
