# The answer of record. Terraform owns the instance, its size and the (empty) database;
# the schema is NOT here: ddl = [] and changes to it are ignored. The schema migration job
# (java -jar examday-common.jar, an Argo CD PreSync hook in argocd/exam-session) applies
# common/src/main/resources/db/migration/V*.sql and records each in its history table, so:
#   - the DDL is versioned next to the code that needs it, and rolled out with it;
#   - Terraform never races the migrator, or tries to "fix" a schema it does not know;
#   - a long schema change (backfilling an index over 10^9 answer rows) runs as an operation
#     the migrator waits for, not inside a terraform apply with a provider timeout.

resource "google_spanner_instance" "this" {
  name         = var.name
  config       = var.config
  display_name = "${var.name} answers of record"
  labels       = var.labels

  # Raised for an exam (see README: capacity knobs), lowered after. Not autoscaled: an
  # autoscaler reacts to CPU after the herd arrived, which is exactly too late.
  processing_units = var.processing_units

  # Never delete backups together with the instance.
  force_destroy = false
}

resource "google_spanner_database" "this" {
  instance                 = google_spanner_instance.this.name
  name                     = var.database
  database_dialect         = "GOOGLE_STANDARD_SQL"
  version_retention_period = var.version_retention

  # Two locks: Terraform refuses to destroy it, and Spanner itself refuses a drop from any
  # client (console, gcloud) while enable_drop_protection is on.
  deletion_protection    = var.deletion_protection
  enable_drop_protection = var.deletion_protection

  ddl = []

  lifecycle {
    ignore_changes = [ddl]
  }
}

# Daily full backups kept two weeks: answers survive even a migration that drops a table.
resource "google_spanner_backup_schedule" "daily" {
  instance = google_spanner_instance.this.name
  database = google_spanner_database.this.name
  name     = "daily"

  retention_duration = "1209600s"

  spec {
    cron_spec {
      text = "0 2 * * *"
    }
  }

  full_backup_spec {}
}
