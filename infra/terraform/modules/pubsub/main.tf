# The topics. Subscriptions are deliberately NOT here: every release-gateway pod must receive
# every release (it pushes to its own sockets), so each pod creates its own subscription at
# start-up (release-gateway-<pod>-<random>) with an expiration policy of 24 h, and deletes it on
# a clean shutdown. A fixed Terraform subscription would be shared, i.e. load-balanced: each
# release would reach only one pod. A pod that misses a message (starting, or Pub/Sub down)
# still sees the release through its Spanner poll, a poll interval later; topic retention lets
# an operator replay (seek) a subscription during an incident.

locals {
  topics = {
    releases       = "examday-releases"
    session_events = "examday-session-events"
    broadcasts     = "examday-broadcasts"
  }
}

resource "google_pubsub_topic" "this" {
  for_each = local.topics

  name                       = each.value
  message_retention_duration = var.message_retention
  labels                     = var.labels

  # Messages (exam ids, session ids, deadlines) stay in the region of the exam.
  message_storage_policy {
    allowed_persistence_regions = [var.region]
  }
}
