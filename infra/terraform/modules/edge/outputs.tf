output "address_name" {
  description = "Name of the global address (Gateway spec.addresses NamedAddress)."
  value       = google_compute_global_address.edge.name
}

output "address" {
  description = "The IP itself."
  value       = google_compute_global_address.edge.address
}

output "certificate_map" {
  description = "Certificate map name (Gateway annotation networking.gke.io/certmap)."
  value       = google_certificate_manager_certificate_map.this.name
}

output "dns_authorizations" {
  description = "CNAME records to create in the zone, per hostname, so the certificates can be issued."
  value = {
    for h, a in google_certificate_manager_dns_authorization.this : h => {
      name  = a.dns_resource_record[0].name
      type  = a.dns_resource_record[0].type
      value = a.dns_resource_record[0].data
    }
  }
}
