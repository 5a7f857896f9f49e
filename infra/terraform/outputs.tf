output "cluster_name" {
  description = "GKE cluster name: gcloud container clusters get-credentials <it> --region <region>."
  value       = module.gke.cluster_name
}

output "spanner" {
  description = "EXAMDAY_SPANNER_PROJECT / _INSTANCE / _DATABASE for both services and the migration job."
  value = {
    project  = var.project_id
    instance = module.spanner.instance
    database = module.spanner.database
  }
}

output "redis_endpoint" {
  description = "Memorystore host:port (TLS, port 6378). The URL with its AUTH string goes to Vault, not to git: see README."
  value       = "${module.memorystore.host}:${module.memorystore.port}"
}

output "redis_auth_string" {
  description = "Memorystore AUTH string: copy it into Vault (secret/examday/exam-session), never into a file in git."
  value       = module.memorystore.auth_string
  sensitive   = true
}

output "redis_server_ca_pem" {
  description = "CA that signs Memorystore's server certificate; the exam-session pods trust it (Vault, then the CSI volume)."
  value       = module.memorystore.server_ca_pem
}

output "pubsub_topics" {
  description = "Topic ids, for EXAMDAY_PUBSUB_PROJECT and the gateway's defaults."
  value = {
    releases       = module.pubsub.releases_topic_id
    session_events = module.pubsub.session_events_topic_id
    broadcasts     = module.pubsub.broadcasts_topic_id
  }
}

output "security_policy" {
  description = "Cloud Armor policy name, referenced by the GCPBackendPolicy of each service (argocd/)."
  value       = module.armor.policy_name
}

output "edge" {
  description = "Global address name (the Gateway's NamedAddress), its IP (point the DNS or Akamai's origin at it), the certificate map and the DNS records that prove domain ownership."
  value = {
    address_name       = module.edge.address_name
    address            = module.edge.address
    certificate_map    = module.edge.certificate_map
    dns_authorizations = module.edge.dns_authorizations
  }
}

output "workload_service_accounts" {
  description = "Google service accounts per Kubernetes ServiceAccount: the value of the iam.gke.io/gcp-service-account annotation."
  value       = module.iam.service_accounts
}
