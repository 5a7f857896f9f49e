output "releases_topic_id" {
  description = "examday-releases: one message per exam release."
  value       = google_pubsub_topic.this["releases"].id
}

output "session_events_topic_id" {
  description = "examday-session-events: deadline changes and submits from exam-session."
  value       = google_pubsub_topic.this["session_events"].id
}

output "broadcasts_topic_id" {
  description = "examday-broadcasts: proctor broadcasts fanned out by every gateway."
  value       = google_pubsub_topic.this["broadcasts"].id
}
