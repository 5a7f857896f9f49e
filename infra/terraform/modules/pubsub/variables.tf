variable "region" {
  description = "The only region where messages are stored."
  type        = string
}

variable "message_retention" {
  description = "How long each topic retains messages (seconds, e.g. 86400s)."
  type        = string
}

variable "labels" {
  description = "Resource labels."
  type        = map(string)
}
