# A regional (three-zone) private cluster. Two node pools:
#   baseline: always on, holds Argo CD, the scaling-operator and the services' everyday floor;
#   surge:    named "surge" and tainted examday.io/surge=true:NoSchedule. It sits at its minimum
#             (usually 0) between exams; before T-0 the scaling-operator's balloon pods, which
#             select cloud.google.com/gke-nodepool=surge and tolerate the taint, make the cluster
#             autoscaler add nodes, and the pre-pull DaemonSet puts the images on them. When the
#             HPA floors rise, real pods (which tolerate the taint too) evict the balloons.

locals {
  surge_pool_name = "surge"
  oauth_scopes    = ["https://www.googleapis.com/auth/cloud-platform"]
}

# Nodes run as a dedicated, nearly powerless account (never the default compute account):
# write logs and metrics, pull images. Workloads never see it (Workload Identity).
resource "google_service_account" "nodes" {
  account_id   = "${var.name}-gke-nodes"
  display_name = "examday GKE nodes"
}

resource "google_project_iam_member" "nodes" {
  for_each = toset([
    "roles/artifactregistry.reader",
    "roles/logging.logWriter",
    "roles/monitoring.metricWriter",
    "roles/monitoring.viewer",
    "roles/stackdriver.resourceMetadata.writer",
  ])
  project = var.project_id
  role    = each.value
  member  = "serviceAccount:${google_service_account.nodes.email}"
}

resource "google_container_cluster" "this" {
  provider = google-beta

  name     = var.name
  location = var.region

  network    = var.network_id
  subnetwork = var.subnet_id

  # Node pools are managed below; the default pool is removed once the cluster exists.
  remove_default_node_pool = true
  initial_node_count       = 1

  deletion_protection = var.deletion_protection
  resource_labels     = var.labels

  release_channel {
    channel = var.release_channel
  }

  ip_allocation_policy {
    cluster_secondary_range_name  = var.pods_range_name
    services_secondary_range_name = var.services_range_name
  }

  private_cluster_config {
    enable_private_nodes    = true
    enable_private_endpoint = false
    master_ipv4_cidr_block  = var.control_plane_cidr

    master_global_access_config {
      enabled = false
    }
  }

  master_authorized_networks_config {
    dynamic "cidr_blocks" {
      for_each = var.master_authorized_networks
      content {
        cidr_block   = cidr_blocks.value.cidr_block
        display_name = cidr_blocks.value.display_name
      }
    }
  }

  workload_identity_config {
    workload_pool = "${var.project_id}.svc.id.goog"
  }

  # Dataplane V2 (eBPF): NetworkPolicy enforcement without a separate Calico.
  datapath_provider = "ADVANCED_DATAPATH"

  # The services are exposed through the Gateway API (argocd/platform): one global external
  # Application Load Balancer for both hostnames, Cloud Armor attached by GCPBackendPolicy.
  gateway_api_config {
    channel = "CHANNEL_STANDARD"
  }

  addons_config {
    http_load_balancing {
      disabled = false
    }
    horizontal_pod_autoscaling {
      disabled = false
    }
    gce_persistent_disk_csi_driver_config {
      enabled = true
    }
    # release-gateway mounts the encrypted-paper bucket (modules/papers) with it.
    gcs_fuse_csi_driver_config {
      enabled = true
    }
  }

  # Node auto-provisioning stays off: the two pools are the plan, a surprise machine type is
  # not. BALANCED, not OPTIMIZE_UTILIZATION: the latter removes idle nodes sooner, and a surge
  # node between a balloon's eviction and the real pod's arrival looks idle.
  cluster_autoscaling {
    enabled             = false
    autoscaling_profile = "BALANCED"
  }

  vertical_pod_autoscaling {
    enabled = false
  }

  security_posture_config {
    mode               = "BASIC"
    vulnerability_mode = "VULNERABILITY_BASIC"
  }

  monitoring_config {
    # HPA and DEPLOYMENT: the war room sees desired vs ready replicas during the warm-up.
    enable_components = ["SYSTEM_COMPONENTS", "APISERVER", "SCHEDULER", "CONTROLLER_MANAGER", "HPA", "DEPLOYMENT"]
    managed_prometheus {
      enabled = true
    }
  }

  logging_config {
    enable_components = ["SYSTEM_COMPONENTS", "WORKLOADS"]
  }

  # Maintenance on weekday nights (4 h x 4 days a week: GKE wants >= 48 h per 32 days), and
  # never around an exam: each sitting is a maintenance exclusion (no minor or node upgrades)
  # from the day before to the day after.
  maintenance_policy {
    recurring_window {
      start_time = "2026-01-05T20:00:00Z"
      end_time   = "2026-01-06T00:00:00Z"
      recurrence = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH"
    }

    dynamic "maintenance_exclusion" {
      for_each = var.maintenance_exclusions
      content {
        exclusion_name = maintenance_exclusion.value.name
        start_time     = maintenance_exclusion.value.start_time
        end_time       = maintenance_exclusion.value.end_time
        exclusion_options {
          scope = "NO_MINOR_OR_NODE_UPGRADES"
        }
      }
    }
  }

  enable_shielded_nodes = true

  node_config {
    service_account = google_service_account.nodes.email
    oauth_scopes    = local.oauth_scopes
  }
}

resource "google_container_node_pool" "baseline" {
  name     = "baseline"
  cluster  = google_container_cluster.this.id
  location = var.region

  initial_node_count = var.baseline_min_per_zone

  autoscaling {
    min_node_count = var.baseline_min_per_zone
    max_node_count = var.baseline_max_per_zone
  }

  management {
    auto_repair  = true
    auto_upgrade = true
  }

  upgrade_settings {
    strategy        = "SURGE"
    max_surge       = 1
    max_unavailable = 0
  }

  node_config {
    machine_type    = var.baseline_machine_type
    disk_type       = "pd-balanced"
    disk_size_gb    = 100
    image_type      = "COS_CONTAINERD"
    service_account = google_service_account.nodes.email
    oauth_scopes    = local.oauth_scopes
    resource_labels = var.labels

    labels = {
      "examday.io/pool" = "baseline"
    }

    workload_metadata_config {
      mode = "GKE_METADATA"
    }

    shielded_instance_config {
      enable_secure_boot          = true
      enable_integrity_monitoring = true
    }
  }

  lifecycle {
    # The cluster autoscaler owns the size once the pool exists.
    ignore_changes = [initial_node_count]
  }
}

resource "google_container_node_pool" "surge" {
  # The name is the contract: ExamSchedule.spec.surge.nodeSelector selects
  # cloud.google.com/gke-nodepool=surge (scaling-operator/examples/national-2027.yaml).
  name     = local.surge_pool_name
  cluster  = google_container_cluster.this.id
  location = var.region

  initial_node_count = var.surge_min_per_zone

  autoscaling {
    min_node_count  = var.surge_min_per_zone
    max_node_count  = var.surge_max_per_zone
    location_policy = var.surge_spot ? "ANY" : "BALANCED"
  }

  management {
    auto_repair  = true
    auto_upgrade = true
  }

  upgrade_settings {
    strategy        = "SURGE"
    max_surge       = 5
    max_unavailable = 0
  }

  node_config {
    machine_type    = var.surge_machine_type
    disk_type       = "pd-ssd"
    disk_size_gb    = 100
    image_type      = "COS_CONTAINERD"
    spot            = var.surge_spot
    service_account = google_service_account.nodes.email
    oauth_scopes    = local.oauth_scopes
    resource_labels = var.labels

    labels = {
      "examday.io/pool" = local.surge_pool_name
    }

    # Only what tolerates it lands here: the services, balloons and the pre-pull DaemonSet.
    taint {
      key    = "examday.io/surge"
      value  = "true"
      effect = "NO_SCHEDULE"
    }

    # Image streaming: a fresh surge node starts a container before the whole image is pulled.
    gcfs_config {
      enabled = true
    }

    workload_metadata_config {
      mode = "GKE_METADATA"
    }

    shielded_instance_config {
      enable_secure_boot          = true
      enable_integrity_monitoring = true
    }
  }

  lifecycle {
    ignore_changes = [initial_node_count]
  }
}
