# shellcheck shell=bash
# release-gateway: how ./examday starts it (with the local Vault stand-in), and
# `./examday bench fanout`.

GATEWAY_JAR="$ROOT/release-gateway/target/quarkus-app/quarkus-run.jar"
DEV_VAULT_JAR="$ROOT/dev-vault/target/dev-vault-0.1.0-SNAPSHOT.jar"
# The local stand-in's root token. Local only: production logs in with Kubernetes or AppRole auth.
DEV_VAULT_TOKEN="examday-dev-root"

# start_dev_vault [NAME PORT]: the in-memory Vault KV v2 stand-in (default: dev-vault on
# $VAULT_PORT); keys are lost when it stops.
start_dev_vault() {
  local name=${1:-dev-vault} port=${2:-$VAULT_PORT}
  [ -f "$DEV_VAULT_JAR" ] || mvnw -q -pl dev-vault -am install -DskipTests
  start_process "$name" "$port" "$JAVA_HOME/bin/java" -Xmx64m -jar "$DEV_VAULT_JAR" \
    "$port" "$DEV_VAULT_TOKEN"
}

# start_gateway_instance NAME PORT LIVE_PORT [VAR=value ...]: one release-gateway process (REST
# and health on PORT, the lean candidate-socket server on LIVE_PORT) against this profile's
# infrastructure; extra settings as environment assignments. Its sockets drain over 2 s when it
# stops (production: 10 s), within the 10 s stop_process gives a process before SIGKILL.
start_gateway_instance() {
  local name=$1 port=$2 live_port=$3
  shift 3
  mkdir -p "$STATE/papers"
  start_process "$name" "$port" env \
    QUARKUS_HTTP_PORT="$port" \
    EXAMDAY_GATEWAY_LIVE_PORT="$live_port" \
    QUARKUS_HTTP_ACCEPT_BACKLOG=4096 \
    HOSTNAME="$name" \
    EXAMDAY_VAULT_ADDR="http://127.0.0.1:${GATEWAY_VAULT_PORT:-$VAULT_PORT}" \
    EXAMDAY_VAULT_AUTH=TOKEN \
    EXAMDAY_VAULT_TOKEN="$DEV_VAULT_TOKEN" \
    EXAMDAY_PAPER_DIR="$STATE/papers" \
    EXAMDAY_PUBSUB_CREATE_TOPICS=true \
    EXAMDAY_OTEL_DISABLED=true \
    EXAMDAY_GATEWAY_LIVE_DRAIN_PERIOD=2s \
    "$@" \
    "$JAVA_HOME/bin/java" ${GATEWAY_JAVA_OPTS:--Xmx512m} -jar "$GATEWAY_JAR"
  wait_http "http://127.0.0.1:$port/q/health/ready" "$name" 120
}

# start_service_gateway: dev-vault on $VAULT_PORT and release-gateway on $GATEWAY_PORT (candidate
# sockets also on $GATEWAY_PORT + 1, the lean dedicated server), using the
# profile's Spanner and Pub/Sub emulators and the keys from ensure_keys. Needs the schema applied
# (migrate) first.
start_service_gateway() {
  ensure_keys
  [ -f "$GATEWAY_JAR" ] || mvnw -q -pl release-gateway -am install -DskipTests
  start_dev_vault
  start_gateway_instance release-gateway "$GATEWAY_PORT" $((GATEWAY_PORT + 1))
}

# bench fanout [CONNECTIONS]: idle candidate sockets on release-gateway, one release, when each
# candidate had the key. Writes target/bench/fanout.json.
#
# A process may hold at most `ulimit -Hn` open files here (20,000 on this machine, and the
# container cannot raise it), so the herd and the gateway are split over several processes of
# at most FANOUT_PER_PROCESS sockets each: N/FANOUT_PER_PROCESS gateway instances (as in
# production: many pods, all subscribed to the release topic) and as many herd workers.
bench_fanout() {
  local connections=${1:-100000} per_process=${FANOUT_PER_PROCESS:-18000}
  local instances=$(((connections + per_process - 1) / per_process)) i port live pid gateways=""
  # Event loops of each gateway's socket server (0: two per core) and of each herd JVM.
  local gateway_loops=${FANOUT_GATEWAY_EVENT_LOOPS:-0} herd_loops=${FANOUT_HERD_EVENT_LOOPS:-2}
  trap 'stop_started_here' EXIT
  trap 'exit 130' INT TERM
  # Its own database: other benchmarks' transactions on the shared emulator would abort ours
  # (the emulator runs one read-write transaction at a time).
  export EXAMDAY_SPANNER_DATABASE=fanout
  ulimit -n "$(ulimit -Hn)"
  [ "$(ulimit -n)" -gt $((per_process + 1000)) ] || die "open-file limit $(ulimit -n) is below FANOUT_PER_PROCESS=$per_process (+1000)"
  ensure_keys
  mvnw -q -pl dev-vault,release-gateway,loadtest -am install -DskipTests
  start_infra
  migrate
  # Ports and names of its own (REST 8300+i, sockets 8400+i, Vault 8390), apart from the
  # profile's $GATEWAY_PORT that the rehearsal may be using at the same time.
  GATEWAY_VAULT_PORT=8390
  port_open "$GATEWAY_VAULT_PORT" && die "port $GATEWAY_VAULT_PORT is busy"
  start_dev_vault fanout-vault "$GATEWAY_VAULT_PORT"
  for ((i = 0; i < instances; i++)); do
    port=$((8300 + i)) live=$((8400 + i))
    port_open "$port" && die "port $port is busy: the bench starts its own gateways"
    port_open "$live" && die "port $live is busy: the bench starts its own gateways"
    # A herd of this size takes minutes to connect on 2 shared cores: pongs may lag, so the
    # dead-socket timeout is relaxed for the bench.
    start_gateway_instance "fanout-gateway-$i" "$port" "$live" EXAMDAY_GATEWAY_LIVE_IDLE_TIMEOUT=600s \
      EXAMDAY_GATEWAY_LIVE_EVENT_LOOPS="$gateway_loops"
    pid=$(cat "$STATE/pids/fanout-gateway-$i.pid")
    gateways+="${gateways:+,}127.0.0.1:$port:$live:$pid"
  done
  log "fan-out benchmark: $connections connections over $instances gateway process(es)"
  "$JAVA_HOME/bin/java" -Xmx512m \
    -cp "$ROOT/loadtest/target/loadtest-0.1.0-SNAPSHOT.jar:$ROOT/loadtest/target/lib/*" \
    io.examday.loadtest.fanout.FanoutBench \
    --gateways "$gateways" --connections "$connections" --per-worker "$per_process" \
    --session-key "$EXAMDAY_SESSION_TOKEN_PRIVATE_KEY" --key-id local-1 \
    --proctor-key "$KEYS/proctor-idp-rsa.pem" \
    --idle-seconds "${FANOUT_IDLE_SECONDS:-20}" --timeout-seconds 60 \
    --gateway-event-loops "$gateway_loops" --herd-event-loops "$herd_loops" \
    --worker-jvm-options "${FANOUT_HERD_JAVA_OPTS:-}" \
    --out "$ROOT/target/bench/fanout.json"
}
