variable "project_id" {
  description = "GCP project that holds everything examday runs on."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$", var.project_id))
    error_message = "project_id must be a valid GCP project id (6-30 lowercase letters, digits, hyphens)."
  }
}

variable "region" {
  description = "Region of the GKE cluster, Memorystore, the subnet and (for a regional instance) Spanner."
  type        = string
  default     = "asia-south1"

  validation {
    condition     = can(regex("^[a-z]+-[a-z]+[0-9]$", var.region))
    error_message = "region must look like asia-south1 or europe-west4."
  }
}

variable "name" {
  description = "Prefix of every resource name (network, cluster, instances, service accounts)."
  type        = string
  default     = "examday"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,14}$", var.name))
    error_message = "name must be 2-15 lowercase letters, digits or hyphens, starting with a letter (GSA ids are <= 30 characters)."
  }
}

variable "network" {
  description = "CIDR ranges: nodes (subnet), pods and services (secondary ranges), the GKE control plane (/28) and Memorystore's private service access range."
  type = object({
    nodes_cidr           = string
    pods_cidr            = string
    services_cidr        = string
    control_plane_cidr   = string
    private_service_cidr = string
  })
  default = {
    nodes_cidr           = "10.10.0.0/20"
    pods_cidr            = "10.64.0.0/12"
    services_cidr        = "10.96.0.0/20"
    control_plane_cidr   = "172.16.0.0/28"
    private_service_cidr = "10.120.0.0/20"
  }

  validation {
    condition = alltrue([
      for cidr in values(var.network) : can(cidrhost(cidr, 0))
    ])
    error_message = "every network range must be a valid IPv4 CIDR."
  }

  validation {
    condition     = tonumber(split("/", var.network.pods_cidr)[1]) <= 14
    error_message = "pods_cidr must be /14 or larger: a surge to 1,000+ nodes at 110 pods per node needs that many pod IPs."
  }

  validation {
    condition     = split("/", var.network.control_plane_cidr)[1] == "28"
    error_message = "control_plane_cidr must be a /28 (GKE private cluster requirement)."
  }
}

variable "master_authorized_networks" {
  description = "CIDRs allowed to reach the GKE control plane (CI runners, the ops VPN). Argo CD runs in the cluster and needs none."
  type = list(object({
    cidr_block   = string
    display_name = string
  }))
  default = []

  validation {
    condition     = alltrue([for n in var.master_authorized_networks : can(cidrhost(n.cidr_block, 0))])
    error_message = "every master_authorized_networks cidr_block must be a valid CIDR."
  }
}

variable "gke" {
  description = "GKE cluster: release channel, baseline pool (always on) and surge pool (scaled for exam day, held warm by the scaling-operator's balloons)."
  type = object({
    release_channel       = optional(string, "STABLE")
    baseline_machine_type = optional(string, "n2-standard-4")
    baseline_min_per_zone = optional(number, 1)
    baseline_max_per_zone = optional(number, 10)
    surge_machine_type    = optional(string, "n2-standard-8")
    surge_min_per_zone    = optional(number, 0)
    surge_max_per_zone    = optional(number, 100)
    surge_spot            = optional(bool, false)
    maintenance_exclusions = optional(list(object({
      name       = string
      start_time = string
      end_time   = string
    })), [])
  })
  default = {}

  validation {
    condition     = contains(["RAPID", "REGULAR", "STABLE", "EXTENDED"], var.gke.release_channel)
    error_message = "gke.release_channel must be RAPID, REGULAR, STABLE or EXTENDED."
  }

  validation {
    condition     = var.gke.baseline_min_per_zone >= 1 && var.gke.baseline_min_per_zone <= var.gke.baseline_max_per_zone
    error_message = "gke.baseline_min_per_zone must be >= 1 (operator, Argo CD and a floor of each service live there) and <= baseline_max_per_zone."
  }

  validation {
    condition     = var.gke.surge_min_per_zone >= 0 && var.gke.surge_min_per_zone <= var.gke.surge_max_per_zone && var.gke.surge_max_per_zone <= 1000
    error_message = "gke.surge_min_per_zone must be between 0 and surge_max_per_zone, and surge_max_per_zone <= 1000 (GKE's per-zone node pool limit)."
  }
}

variable "spanner" {
  description = "Cloud Spanner: instance config (regional-<region> or a multi-region such as asia1) and processing units (1,000 PU = 1 node; raise for exam day, see docs/capacity.md)."
  type = object({
    config            = optional(string)
    processing_units  = optional(number, 1000)
    database          = optional(string, "examday")
    version_retention = optional(string, "3d")
  })
  default = {}

  validation {
    condition = (
      (var.spanner.processing_units >= 100 && var.spanner.processing_units < 1000 && var.spanner.processing_units % 100 == 0)
      || (var.spanner.processing_units >= 1000 && var.spanner.processing_units % 1000 == 0)
    )
    error_message = "spanner.processing_units must be a multiple of 100 below 1000, or a multiple of 1000 from 1000 up."
  }

  validation {
    condition     = can(regex("^[a-z][a-z0-9_-]{0,28}[a-z0-9]$", var.spanner.database))
    error_message = "spanner.database must be 2-30 characters: lowercase letters, digits, _ or -, starting with a letter."
  }

  validation {
    condition     = can(regex("^[1-7]d$|^([1-9]|[1-9][0-9]|1[0-5][0-9]|16[0-8])h$", var.spanner.version_retention))
    error_message = "spanner.version_retention must be between 1h and 7d, e.g. 3d or 12h."
  }
}

variable "redis" {
  description = "Hot session state (losing it loses no answer). mode: \"cluster\" (Memorystore for Redis Cluster: shard_count shards of node_type, cluster_replica_count replicas each; the national exam) or \"standard\" (one Standard-tier instance: memory_size_gb, replica_count read replicas, redis_version; a small deployment). docs/capacity.md, Redis."
  type = object({
    mode                  = optional(string, "cluster")
    shard_count           = optional(number, 15)
    node_type             = optional(string, "REDIS_STANDARD_SMALL")
    cluster_replica_count = optional(number, 1)
    memory_size_gb        = optional(number, 16)
    replica_count         = optional(number, 2)
    redis_version         = optional(string, "REDIS_7_2")
  })
  default = {}

  validation {
    condition     = contains(["cluster", "standard"], var.redis.mode)
    error_message = "redis.mode must be \"cluster\" (Memorystore for Redis Cluster) or \"standard\" (one instance)."
  }

  validation {
    condition     = var.redis.shard_count >= 1 && var.redis.shard_count <= 250
    error_message = "redis.shard_count must be 1-250."
  }

  validation {
    condition     = var.redis.cluster_replica_count >= 0 && var.redis.cluster_replica_count <= 2
    error_message = "redis.cluster_replica_count must be 0-2 (1 survives a zone loss)."
  }

  validation {
    condition     = var.redis.memory_size_gb >= 5 && var.redis.memory_size_gb <= 300
    error_message = "redis.memory_size_gb must be 5-300 (read replicas need >= 5 GiB; 300 is the Standard tier maximum)."
  }

  validation {
    condition     = var.redis.replica_count >= 1 && var.redis.replica_count <= 5
    error_message = "redis.replica_count must be 1-5: STANDARD_HA needs at least one replica for failover."
  }
}

variable "pubsub_message_retention" {
  description = "How long the examday topics keep messages, so a gateway that restarts can seek back (e.g. 86400s)."
  type        = string
  default     = "86400s"

  validation {
    condition     = can(regex("^[0-9]+s$", var.pubsub_message_retention)) && try(tonumber(trimsuffix(var.pubsub_message_retention, "s")) >= 600 && tonumber(trimsuffix(var.pubsub_message_retention, "s")) <= 2678400, false)
    error_message = "pubsub_message_retention must be between 600s and 2678400s (31 days), written like 86400s."
  }
}

variable "armor" {
  description = "Cloud Armor limits. Exam centres put hundreds of candidates behind one NAT address, so the per-IP login limit is generous; the per-token limit stops a script, not a candidate."
  type = object({
    login_per_ip_per_minute    = optional(number, 600)
    saves_per_token_per_minute = optional(number, 60)
    client_ip_key              = optional(string, "IP")
    waf_sensitivity            = optional(number, 1)
    preview                    = optional(bool, false)
  })
  default = {}

  validation {
    condition     = contains(["IP", "XFF_IP"], var.armor.client_ip_key)
    error_message = "armor.client_ip_key must be IP (clients reach the load balancer directly) or XFF_IP (behind Akamai, which sets X-Forwarded-For)."
  }

  validation {
    condition     = var.armor.waf_sensitivity >= 1 && var.armor.waf_sensitivity <= 4
    error_message = "armor.waf_sensitivity must be 1-4 (1 has the fewest false positives)."
  }

  validation {
    condition     = var.armor.saves_per_token_per_minute >= 10 && var.armor.login_per_ip_per_minute >= 10
    error_message = "armor limits below 10 per minute would throttle honest candidates (an autosave every 15 s plus retries)."
  }
}

variable "hostnames" {
  description = "Public hostnames: the candidate/proctor API (exam-session) and the live socket + release API (release-gateway). Google-managed certificates are issued for them."
  type = object({
    api  = string
    live = string
  })

  validation {
    condition     = alltrue([for h in values(var.hostnames) : can(regex("^([a-z0-9-]+\\.)+[a-z]{2,}$", h))])
    error_message = "hostnames must be fully qualified DNS names, e.g. api.exam.example.org."
  }
}

variable "kubernetes_namespace" {
  description = "Namespace of the exam services (Workload Identity binds its service accounts)."
  type        = string
  default     = "examday"
}

variable "deletion_protection" {
  description = "Protect the cluster, the Spanner instance and database from terraform destroy. Only a throwaway test project sets false."
  type        = bool
  default     = true
}

variable "labels" {
  description = "Labels put on every resource that takes them (cost attribution per exam)."
  type        = map(string)
  default     = {}
}
