variable "name" {
  description = "Prefix of the address, certificate and map names."
  type        = string
}

variable "hostnames" {
  description = "Hostnames the load balancer serves."
  type        = list(string)
}

variable "labels" {
  description = "Resource labels."
  type        = map(string)
}
