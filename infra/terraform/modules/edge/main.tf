# What the GKE Gateway (argocd/platform/gateway.yaml) needs from outside the cluster: a global
# static IP (Akamai's origin, or the DNS A records) and Google-managed certificates for both
# hostnames, served through a Certificate Manager map. DNS authorization lets the certificates
# be issued before traffic is pointed at the load balancer (no waiting on exam week).

resource "google_compute_global_address" "edge" {
  name         = "${var.name}-edge"
  address_type = "EXTERNAL"
  ip_version   = "IPV4"
}

resource "google_certificate_manager_dns_authorization" "this" {
  for_each = toset(var.hostnames)

  name   = "${var.name}-${replace(each.value, ".", "-")}"
  domain = each.value
  labels = var.labels
}

resource "google_certificate_manager_certificate" "this" {
  name   = "${var.name}-edge"
  labels = var.labels

  managed {
    domains            = var.hostnames
    dns_authorizations = [for h in var.hostnames : google_certificate_manager_dns_authorization.this[h].id]
  }
}

resource "google_certificate_manager_certificate_map" "this" {
  name   = "${var.name}-edge"
  labels = var.labels
}

resource "google_certificate_manager_certificate_map_entry" "this" {
  for_each = toset(var.hostnames)

  name         = "${var.name}-${replace(each.value, ".", "-")}"
  map          = google_certificate_manager_certificate_map.this.name
  hostname     = each.value
  certificates = [google_certificate_manager_certificate.this.id]
  labels       = var.labels
}
