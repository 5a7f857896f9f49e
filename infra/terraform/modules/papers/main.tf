# Encrypted exam papers (ciphertext, content-addressed by digest, immutable). An administrator
# uploads a paper to one release-gateway pod; every pod serves it from this bucket, mounted with
# the Cloud Storage FUSE CSI driver. The key is not here: it stays in Vault until T-0, so the
# bucket leaking before the exam leaks nothing readable. Still private: no public access.

resource "google_storage_bucket" "papers" {
  name     = var.name
  location = var.region
  labels   = var.labels

  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  force_destroy               = false

  # A paper is written once; versioning keeps an overwritten or deleted one recoverable.
  versioning {
    enabled = true
  }

  soft_delete_policy {
    retention_duration_seconds = 604800
  }
}
