variable "name" {
  description = "Prefix of the policy name."
  type        = string
}

variable "login_per_ip_per_minute" {
  description = "Login requests per client IP per minute before 429."
  type        = number
}

variable "saves_per_token_per_minute" {
  description = "Autosave + submit requests per session token per minute before 429."
  type        = number
}

variable "client_ip_key" {
  description = "Rate-limit key for the client: IP, or XFF_IP behind Akamai."
  type        = string
}

variable "waf_sensitivity" {
  description = "Sensitivity level of the preconfigured WAF rules (1-4)."
  type        = number
}

variable "preview" {
  description = "Log what the rules would do without enforcing them (for a rehearsal)."
  type        = bool
}
