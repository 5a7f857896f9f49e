# The Cloud Armor policy both services' backends carry (GCPBackendPolicy in argocd/). Rules are
# evaluated by priority, lowest first; the first that matches decides.
#
#   1000-1099  per-token throttle on autosave and submit (a script replaying a token)
#   1100       per-IP limit on login (credential stuffing)
#   2000-2099  OWASP preconfigured WAF rules
#   max        default allow
#
# The WAF rules skip the bodies the application must accept verbatim: candidates' answers (free
# text: an answer about SQL or HTML would trip sqli/xss and a save would fail, which is the
# one thing that must never happen) and an administrator's paper upload. Those bodies are
# parameters to Spanner mutations, never interpreted, and the services cap their size.

locals {
  # Paths as in docs/api.md.
  answer_paths = "request.path == '/api/v1/session/answers' || request.path == '/api/v1/session/submit'"
  waf_exempt   = "request.path == '/api/v1/session/answers' || request.path.matches('^/api/v1/admin/exams/[^/]+/(paper|candidates)$')"

  waf_rules = {
    sqli              = "sqli-v33-stable"
    xss               = "xss-v33-stable"
    lfi               = "lfi-v33-stable"
    rfi               = "rfi-v33-stable"
    rce               = "rce-v33-stable"
    methodenforcement = "methodenforcement-v33-stable"
    scannerdetection  = "scannerdetection-v33-stable"
    protocolattack    = "protocolattack-v33-stable"
    sessionfixation   = "sessionfixation-v33-stable"
    java              = "java-v33-stable"
  }
}

resource "google_compute_security_policy" "this" {
  provider = google-beta

  name        = "${var.name}-edge"
  description = "examday: OWASP rules, login and autosave rate limits, Adaptive Protection"
  type        = "CLOUD_ARMOR"

  # Parse JSON bodies, so the WAF looks at values rather than at a blob of braces and quotes
  # (fewer false positives on the proctor and admin APIs).
  advanced_options_config {
    json_parsing = "STANDARD"
    log_level    = "NORMAL"
  }

  # ML-based L7 DDoS detection; alerts and suggested rules appear in Security Command Center.
  adaptive_protection_config {
    layer_7_ddos_defense_config {
      enable          = true
      rule_visibility = "STANDARD"
    }
  }

  rule {
    priority    = 1000
    description = "Per session token: autosave and submit (Authorization header as key)"
    action      = "throttle"
    preview     = var.preview

    match {
      expr {
        expression = local.answer_paths
      }
    }

    rate_limit_options {
      conform_action      = "allow"
      exceed_action       = "deny(429)"
      enforce_on_key      = "HTTP_HEADER"
      enforce_on_key_name = "Authorization"

      rate_limit_threshold {
        count        = var.saves_per_token_per_minute
        interval_sec = 60
      }
    }
  }

  rule {
    priority    = 1100
    description = "Per client IP: login (exam centres share NAT addresses: keep it generous)"
    action      = "throttle"
    preview     = var.preview

    match {
      expr {
        expression = "request.path == '/api/v1/login'"
      }
    }

    rate_limit_options {
      conform_action = "allow"
      exceed_action  = "deny(429)"
      enforce_on_key = var.client_ip_key

      rate_limit_threshold {
        count        = var.login_per_ip_per_minute
        interval_sec = 60
      }
    }
  }

  dynamic "rule" {
    for_each = { for i, k in sort(keys(local.waf_rules)) : k => i }
    content {
      priority    = 2000 + rule.value
      description = "OWASP preconfigured WAF: ${local.waf_rules[rule.key]}"
      action      = "deny(403)"
      preview     = var.preview

      match {
        expr {
          expression = "evaluatePreconfiguredWaf('${local.waf_rules[rule.key]}', {'sensitivity': ${var.waf_sensitivity}}) && !(${local.waf_exempt})"
        }
      }
    }
  }

  rule {
    priority    = 2147483647
    description = "Default: allow"
    action      = "allow"

    match {
      versioned_expr = "SRC_IPS_V1"
      config {
        src_ip_ranges = ["*"]
      }
    }
  }
}
