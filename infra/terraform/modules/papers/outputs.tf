output "bucket" {
  description = "Bucket name (the gateway's GCS FUSE volume bucketName)."
  value       = google_storage_bucket.papers.name
}
