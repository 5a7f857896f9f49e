# shellcheck shell=bash
# infra/terraform and argocd/: `check_infra` (for ./examday test) and `./examday check-infra`.
#
# No GCP project or cluster is reachable here, so this checks what can be checked offline:
# Terraform formatting and module wiring (providers cannot be downloaded, so no
# `terraform validate`), that every kustomization renders, and the contracts between the pieces that nothing else would catch
# before exam morning (the surge pool the operator's balloons select, the HPA names an
# ExamSchedule targets, Argo CD leaving the operator's floors alone, no Secret in git).

INFRA_TF_DIR="$ROOT/infra/terraform"
INFRA_ARGO_DIR="$ROOT/argocd"
INFRA_ERRORS=()

infra_error() { INFRA_ERRORS+=("$*"); }

# terraform, without the warning a dangling TF_CLI_CONFIG_FILE prints on this machine.
infra_terraform() {
  if [ -n "${TF_CLI_CONFIG_FILE:-}" ] && [ ! -f "$TF_CLI_CONFIG_FILE" ]; then
    env -u TF_CLI_CONFIG_FILE terraform "$@"
  else
    terraform "$@"
  fi
}

# docs_of_kind FILE KIND [NAME]: the YAML documents of that kind (and name) in a rendered
# kustomization, each followed by a --- line.
docs_of_kind() {
  awk -v kind="$2" -v name="${3:-}" '
    function flush() {
      if (doc ~ ("(^|\n)kind: " kind "\n") && (name == "" || doc ~ ("\n  name: " name "\n"))) printf "%s---\n", doc
      doc = ""
    }
    /^---$/ { flush(); next }
    { doc = doc $0 "\n" }
    END { flush() }
  ' "$1"
}

# doc_has FILE KIND NAME TEXT: a document of that kind (and name, if not empty) contains TEXT.
# (No `| grep -q`: under pipefail an early grep exit can fail the pipeline.)
doc_has() {
  local docs
  docs=$(docs_of_kind "$1" "$2" "$3")
  grep -qF -- "$4" <<<"$docs"
}

# module_calls ROOT_TF: "<module name> <source dir> <argument>" for every argument of every
# `module` block (source and meta-arguments excluded).
module_calls() {
  awk '
    /^module "/ { split($0, q, "\""); name = q[2]; src = ""; n = 0; next }
    name != "" && /^}/ { for (i = 1; i <= n; i++) print name, src, args[i]; name = ""; next }
    name != "" && /^  source *= *"/ { split($0, q, "\""); src = q[2]; sub(/^\.\/modules\//, "", src); next }
    name != "" && /^  [a-z_]+ *=/ {
      arg = $1
      if (arg != "depends_on" && arg != "count" && arg != "for_each" && arg != "providers") args[++n] = arg
    }
  ' "$1"
}

# module_variables FILE: "<variable> required|optional" for each variable block.
module_variables() {
  awk '
    /^variable "/ { split($0, q, "\""); name = q[2]; has_default = 0; next }
    name != "" && /^  default *=/ { has_default = 1 }
    name != "" && /^}/ { print name, (has_default ? "optional" : "required"); name = "" }
  ' "$1"
}

# What `terraform validate` would catch first and cannot run here (no providers): module
# arguments that the module does not declare, required variables not passed, and references to
# module outputs that do not exist.
infra_check_module_wiring() {
  local root_tf="$INFRA_TF_DIR/main.tf" name src arg var kind module_dir
  declare -A source_of=()
  while read -r name src arg; do
    source_of[$name]=$src
    module_dir="$INFRA_TF_DIR/modules/$src"
    [ -f "$module_dir/variables.tf" ] || { infra_error "infra/terraform: module $name: no modules/$src/variables.tf"; continue; }
    module_variables "$module_dir/variables.tf" | grep -q "^$arg " \
      || infra_error "infra/terraform: module $name passes '$arg', which modules/$src does not declare"
  done < <(module_calls "$root_tf")
  for name in "${!source_of[@]}"; do
    src=${source_of[$name]}
    while read -r var kind; do
      [ "$kind" = required ] || continue
      module_calls "$root_tf" | grep -q "^$name $src $var\$" \
        || infra_error "infra/terraform: module $name does not pass the required variable '$var' of modules/$src"
    done < <(module_variables "$INFRA_TF_DIR/modules/$src/variables.tf")
  done
  local reference output
  while read -r reference; do
    name=$(cut -d. -f2 <<<"$reference")
    output=$(cut -d. -f3 <<<"$reference")
    src=${source_of[$name]:-}
    if [ -z "$src" ]; then
      infra_error "infra/terraform: $reference refers to an unknown module '$name'"
    elif ! grep -q "^output \"$output\"" "$INFRA_TF_DIR/modules/$src/outputs.tf" 2>/dev/null; then
      infra_error "infra/terraform: $reference: modules/$src has no output '$output'"
    fi
  done < <(grep -ho 'module\.[a-z_]*\.[a-z_]*' "$INFRA_TF_DIR"/*.tf | sort -u)
}

infra_check_terraform() {
  command -v terraform >/dev/null \
    || { infra_error "terraform not found: install Terraform >= 1.11 (only 'fmt' is used, no providers)"; return; }
  local out
  out=$(infra_terraform fmt -check -recursive -diff "$INFRA_TF_DIR" 2>&1) \
    || infra_error "terraform fmt: files not formatted (run: terraform fmt -recursive infra/terraform):
$out"
  # The examples are HCL too, but fmt only looks at .tf/.tfvars names.
  local example tmp
  tmp=$(mktemp -d)
  for example in "$INFRA_TF_DIR"/environments/*.example; do
    [ -e "$example" ] || continue
    cp "$example" "$tmp/example.tfvars"
    infra_terraform fmt -check "$tmp/example.tfvars" >/dev/null 2>&1 \
      || infra_error "terraform fmt: ${example#"$ROOT"/} is not formatted"
  done
  rm -rf "$tmp"
  infra_check_module_wiring
  grep -q 'surge_pool_name = "surge"' "$INFRA_TF_DIR/modules/gke/main.tf" \
    || infra_error "infra/terraform/modules/gke: the surge node pool must be named 'surge' (ExamSchedule nodeSelector cloud.google.com/gke-nodepool=surge)"
  grep -q 'key    = "examday.io/surge"' "$INFRA_TF_DIR/modules/gke/main.tf" \
    || infra_error "infra/terraform/modules/gke: the surge pool must carry the taint examday.io/surge (tolerated by balloons and services)"
  local example_schedule="$ROOT/scaling-operator/examples/national-2027.yaml"
  if [ -f "$example_schedule" ]; then
    grep -q 'cloud.google.com/gke-nodepool: surge' "$example_schedule" \
      || infra_error "scaling-operator/examples/national-2027.yaml no longer selects the 'surge' pool that Terraform creates"
    grep -q 'key: examday.io/surge' "$example_schedule" \
      || infra_error "scaling-operator/examples/national-2027.yaml no longer tolerates the examday.io/surge taint"
  fi
}

# infra_check_service NAME RENDERED: the production rules every exam service must keep.
infra_check_service() {
  local svc=$1 rendered=$2 deployment
  deployment=$(docs_of_kind "$rendered" Deployment "$svc")
  if [ -z "$deployment" ]; then
    infra_error "argocd/$svc: no Deployment named $svc"
    return
  fi
  grep -q '^  replicas:' <<<"$deployment" \
    && infra_error "argocd/$svc: the Deployment sets spec.replicas (the HPA and the scaling-operator own it; Argo CD would reset the floor)"
  local required
  for required in 'path: /q/health/ready' 'path: /q/health/live' 'runAsNonRoot: true' \
    'readOnlyRootFilesystem: true' 'key: examday.io/surge' 'topologyKey: topology.kubernetes.io/zone' \
    'preStop:' 'terminationGracePeriodSeconds:' 'allowPrivilegeEscalation: false'; do
    grep -qF "$required" <<<"$deployment" || infra_error "argocd/$svc: the Deployment lacks '$required'"
  done
  [ -n "$(docs_of_kind "$rendered" HorizontalPodAutoscaler "$svc")" ] \
    || infra_error "argocd/$svc: no HorizontalPodAutoscaler named $svc (the ExamSchedule targets it by name)"
  [ -n "$(docs_of_kind "$rendered" PodDisruptionBudget)" ] || infra_error "argocd/$svc: no PodDisruptionBudget"
  doc_has "$rendered" GCPBackendPolicy "" 'securityPolicy: examday-edge' \
    || infra_error "argocd/$svc: no GCPBackendPolicy attaching the Cloud Armor policy examday-edge"
  local app="$INFRA_ARGO_DIR/apps/$svc.yaml"
  if [ ! -f "$app" ]; then
    infra_error "argocd/apps/$svc.yaml is missing"
  else
    grep -q '\.spec\.minReplicas' "$app" && grep -q 'RespectIgnoreDifferences=true' "$app" \
      || infra_error "argocd/apps/$svc.yaml must ignore the HPA's minReplicas (the scaling-operator's floor) and respect it on sync"
  fi
}

infra_check_argocd() {
  command -v kubectl >/dev/null \
    || { infra_error "kubectl not found: 'kubectl kustomize' renders the manifests offline"; return; }
  local tmp kustomization dir name out
  tmp=$(mktemp -d)
  while IFS= read -r kustomization; do
    dir=$(dirname "$kustomization")
    name=${dir#"$INFRA_ARGO_DIR"/}
    if ! out=$(kubectl kustomize "$dir" 2>&1); then
      infra_error "kubectl kustomize argocd/$name failed:
$out"
      continue
    fi
    printf '%s\n' "$out" >"$tmp/${name//\//_}.yaml"
    [ -z "$(docs_of_kind "$tmp/${name//\//_}.yaml" Secret)" ] \
      || infra_error "argocd/$name renders a Secret: secrets come from Vault (SecretProviderClass), never from git"
  done < <(find "$INFRA_ARGO_DIR" -name kustomization.yaml | sort)
  local svc
  for svc in exam-session release-gateway; do
    [ -f "$tmp/$svc.yaml" ] && infra_check_service "$svc" "$tmp/$svc.yaml"
  done
  if [ -f "$tmp/exam-session.yaml" ]; then
    doc_has "$tmp/exam-session.yaml" HorizontalPodAutoscaler exam-session 'name: examday_autosave_acks_per_second' \
      || infra_error "argocd/exam-session: the HPA must scale on the Pods metric examday_autosave_acks_per_second (examday_sessions_active overcounts, docs/capacity.md)"
    doc_has "$tmp/exam-session.yaml" Job schema-migrate 'argocd.argoproj.io/hook: PreSync' \
      || infra_error "argocd/exam-session: the schema-migrate Job must be an Argo CD PreSync hook"
  fi
  if [ -f "$tmp/release-gateway.yaml" ]; then
    local timeout
    timeout=$(docs_of_kind "$tmp/release-gateway.yaml" GCPBackendPolicy release-gateway-live \
      | awk '/timeoutSec:/ {print $2}')
    [ "${timeout:-0}" -ge 3600 ] \
      || infra_error "argocd/release-gateway: the socket backend's timeoutSec (${timeout:-unset}) must be >= 3600: it is a WebSocket's lifetime"
  fi
  rm -rf "$tmp"
}

# promtool from Debian's prometheus package, unpacked (not installed: that would start a
# Prometheus server) into .local/tools when it is not on PATH.
ensure_promtool() {
  if command -v promtool >/dev/null; then
    PROMTOOL=$(command -v promtool)
    return
  fi
  PROMTOOL="$STATE_ROOT/tools/promtool"
  [ -x "$PROMTOOL" ] && return
  log "fetching promtool (Debian package prometheus, unpacked into .local/tools)"
  local tmp
  tmp=$(mktemp -d)
  chmod 777 "$tmp" # apt's download user writes here
  apt_update_once 2>/dev/null || true
  if (cd "$tmp" && apt-get download prometheus >/dev/null 2>&1) \
    && dpkg -x "$tmp"/prometheus_*.deb "$tmp/x" && [ -x "$tmp/x/usr/bin/promtool" ]; then
    mkdir -p "$STATE_ROOT/tools"
    cp "$tmp/x/usr/bin/promtool" "$PROMTOOL"
  fi
  rm -rf "$tmp"
}

# The exam-day alerts: valid rules, their unit tests pass, every metric they name is one a service
# registers (a renamed meter would otherwise silence its alert), every runbook link has its section.
infra_check_alerts() {
  local rules="$INFRA_ARGO_DIR/platform/alerts/examday.rules.yaml"
  local tests="$INFRA_ARGO_DIR/platform/alerts/examday.rules.test.yaml"
  local runbook="$ROOT/docs/operations.md"
  [ -f "$rules" ] || { infra_error "argocd/platform/alerts/examday.rules.yaml is missing"; return; }
  ensure_promtool
  if [ ! -x "${PROMTOOL:-}" ]; then
    infra_error "promtool not available (Debian package prometheus): the alert rules cannot be checked"
  else
    local out
    out=$("$PROMTOOL" check rules "$rules" 2>&1) || infra_error "promtool check rules failed:
$out"
    out=$(cd "$(dirname "$tests")" && "$PROMTOOL" test rules "$(basename "$tests")" 2>&1) \
      || infra_error "promtool test rules failed:
$out"
  fi
  local metric meter
  for metric in $(grep -oE 'examday_[a-z_]+' "$rules" | sort -u); do
    meter=$(sed -E 's/_(bucket|count|sum|max|total)$//; s/_(seconds|milliseconds)$//' <<<"$metric")
    grep -rqF "\"${meter//_/.}\"" "$ROOT"/*/src/main/java \
      || infra_error "alert rules use $metric, but no service registers a meter named ${meter//_/.}"
  done
  local anchor
  for anchor in $(grep -oE 'operations\.md#[a-z0-9-]+' "$rules" | sed 's/.*#//' | sort -u); do
    grep -qiE "^#+ +${anchor}[[:space:]]*$" "$runbook" 2>/dev/null \
      || infra_error "alert rules link docs/operations.md#$anchor, which has no such section"
  done
}

# check_infra: fails (returns 1) with every problem listed.
check_infra() {
  INFRA_ERRORS=()
  infra_check_terraform
  infra_check_argocd
  infra_check_alerts
  if [ ${#INFRA_ERRORS[@]} -gt 0 ]; then
    local error
    for error in "${INFRA_ERRORS[@]}"; do printf '\033[31m[examday] infra:\033[0m %s\n' "$error" >&2; done
    return 1
  fi
  log "infra: terraform fmt clean, $(find "$INFRA_ARGO_DIR" -name kustomization.yaml | wc -l) kustomizations render, contracts hold, alert rules tested"
}

# ./examday check-infra
cmd_check-infra() {
  check_infra || die "infra check failed"
}
