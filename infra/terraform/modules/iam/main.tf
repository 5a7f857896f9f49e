# One Google service account per workload that calls Google APIs, each bound to exactly one
# Kubernetes ServiceAccount through Workload Identity, each holding the least it needs, granted
# on the resource (database, topic), not the project, wherever the API allows it.
#
#   exam-session     Spanner databaseUser (read/write data, no DDL); publisher on session-events;
#                    Redis Cluster connection user (IAM auth) when the hot state is a cluster
#   release-gateway  Spanner databaseUser; publisher on releases and broadcasts; subscriber on the
#                    three topics; create/delete its own per-pod subscriptions (custom role)
#                    objectUser on the encrypted-paper bucket (ciphertext only)
#   schema-migrate   Spanner databaseAdmin on the one database (DDL), used only by the PreSync job
#   scaling-operator no Google service account at all: it talks only to the Kubernetes API
#                    (its Kubernetes RBAC is in argocd/scaling-operator/rbac.yaml)

locals {
  workloads = {
    exam-session    = { account_id = "${var.name}-session", ksa = "exam-session" }
    release-gateway = { account_id = "${var.name}-gateway", ksa = "release-gateway" }
    schema-migrate  = { account_id = "${var.name}-migrate", ksa = "schema-migrate" }
  }
}

resource "google_service_account" "workload" {
  for_each = local.workloads

  account_id   = each.value.account_id
  display_name = "examday ${each.key} (Workload Identity: ${var.namespace}/${each.value.ksa})"
}

resource "google_service_account_iam_member" "workload_identity" {
  for_each = local.workloads

  service_account_id = google_service_account.workload[each.key].name
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:${var.workload_pool}[${var.namespace}/${each.value.ksa}]"
}

# --- Spanner -------------------------------------------------------------------------------

resource "google_spanner_database_iam_member" "user" {
  for_each = toset(["exam-session", "release-gateway"])

  instance = var.spanner_instance
  database = var.spanner_database
  role     = "roles/spanner.databaseUser"
  member   = "serviceAccount:${google_service_account.workload[each.key].email}"
}

resource "google_spanner_database_iam_member" "migrate" {
  instance = var.spanner_instance
  database = var.spanner_database
  role     = "roles/spanner.databaseAdmin"
  member   = "serviceAccount:${google_service_account.workload["schema-migrate"].email}"
}

# --- Pub/Sub -------------------------------------------------------------------------------

resource "google_pubsub_topic_iam_member" "session_publishes_events" {
  topic  = var.session_events_topic
  role   = "roles/pubsub.publisher"
  member = "serviceAccount:${google_service_account.workload["exam-session"].email}"
}

resource "google_pubsub_topic_iam_member" "gateway_publishes" {
  for_each = { releases = var.releases_topic, broadcasts = var.broadcasts_topic }

  topic  = each.value
  role   = "roles/pubsub.publisher"
  member = "serviceAccount:${google_service_account.workload["release-gateway"].email}"
}

# Subscriber on a topic grants pubsub.topics.attachSubscription: the gateway may attach its
# own subscriptions to these three topics and to no other.
resource "google_pubsub_topic_iam_member" "gateway_subscribes" {
  for_each = {
    releases       = var.releases_topic
    session_events = var.session_events_topic
    broadcasts     = var.broadcasts_topic
  }

  topic  = each.value
  role   = "roles/pubsub.subscriber"
  member = "serviceAccount:${google_service_account.workload["release-gateway"].email}"
}

# Creating a subscription is a project-level permission (the subscription does not exist yet
# to grant on). A custom role keeps it to subscriptions only: no topic admin, no IAM changes.
resource "google_project_iam_custom_role" "gateway_subscriptions" {
  role_id     = replace("${var.name}_gateway_subscriptions", "-", "_")
  title       = "examday gateway: own per-pod subscriptions"
  description = "Create, consume and delete the per-pod subscriptions of release-gateway."
  permissions = [
    "pubsub.subscriptions.consume",
    "pubsub.subscriptions.create",
    "pubsub.subscriptions.delete",
    "pubsub.subscriptions.get",
  ]
}

resource "google_project_iam_member" "gateway_subscriptions" {
  project = var.project_id
  role    = google_project_iam_custom_role.gateway_subscriptions.id
  member  = "serviceAccount:${google_service_account.workload["release-gateway"].email}"
}

# --- Encrypted papers ----------------------------------------------------------------------

resource "google_storage_bucket_iam_member" "gateway_papers" {
  bucket = var.papers_bucket
  role   = "roles/storage.objectUser"
  member = "serviceAccount:${google_service_account.workload["release-gateway"].email}"
}

# --- Hot state (Memorystore for Redis Cluster, IAM authentication) -------------------------

# exam-session authenticates each new Redis connection with its own access token. The role is
# granted on the project: Memorystore has no per-cluster IAM resource in Terraform, and the
# project holds this one cluster.
resource "google_project_iam_member" "session_redis" {
  count = var.redis_iam_auth ? 1 : 0

  project = var.project_id
  role    = "roles/redis.dbConnectionUser"
  member  = "serviceAccount:${google_service_account.workload["exam-session"].email}"
}
