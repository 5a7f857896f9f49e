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

output "redis_mode" {
  description = "cluster or standard: which settings exam-session takes (README, after the first apply)."
  value       = var.redis.mode
}

output "redis_endpoint" {
  description = "host:port of the hot state: the cluster's discovery endpoint (examday.redis.cluster-nodes), or the instance (TLS, port 6378; its URL with the AUTH string goes to Vault, not to git: see README)."
  value = (var.redis.mode == "cluster"
    ? "${module.memorystore_cluster[0].discovery_address}:${module.memorystore_cluster[0].discovery_port}"
  : "${module.memorystore[0].host}:${module.memorystore[0].port}")
}

output "redis_auth_string" {
  description = "The Standard instance's AUTH string (copy it into Vault, secret/examday/exam-session, never into a file in git); null for the cluster, which uses IAM authentication."
  value       = var.redis.mode == "standard" ? module.memorystore[0].auth_string : null
  sensitive   = true
}

output "redis_server_ca_pem" {
  description = "CA that signs Memorystore's server certificates; the exam-session pods trust it (Vault, then the CSI volume)."
  value       = var.redis.mode == "cluster" ? module.memorystore_cluster[0].server_ca_pem : module.memorystore[0].server_ca_pem
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
