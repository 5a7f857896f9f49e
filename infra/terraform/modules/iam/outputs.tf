output "service_accounts" {
  description = "Kubernetes ServiceAccount name => Google service account email."
  value       = { for k, w in local.workloads : w.ksa => google_service_account.workload[k].email }
}
