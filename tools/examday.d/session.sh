# shellcheck shell=bash
# exam-session: how ./examday starts it, and `./examday bench autosave`.

SESSION_JAR="$ROOT/exam-session/target/quarkus-app/quarkus-run.jar"

# Client connections exam-session may hold here: its open-file limit less 2,000 for everything
# else (Spanner and Redis channels, jars, logs). Locally the herd connects directly; in
# production a load balancer holds far fewer connections than the default cap.
session_max_connections() {
  local limit
  limit=$(ulimit -n)
  if [ "$limit" = unlimited ] || [ "$limit" -gt 102000 ]; then echo 100000; else echo $((limit > 4000 ? limit - 2000 : 2000)); fi
}

# start_service_session [VAR=value ...]: exam-session on $SESSION_PORT against this profile's
# infrastructure, migrating the schema at start; extra settings as environment assignments;
# extra JVM options in $SESSION_JAVA_OPTS (e.g. a JFR recording for a profile).
start_service_session() { start_session_instance exam-session "$SESSION_PORT" "$@"; }

# start_session_instance NAME PORT [VAR=value ...]: one more exam-session (as production runs
# many pods) on the same Redis, Spanner and Pub/Sub; the rehearsal's session-kill fault uses two.
# Stopped, it finishes the requests it holds for up to 5 s (production: 30 s), within the 10 s
# stop_process gives a process.
start_session_instance() {
  local name=$1 port=$2
  shift 2
  ensure_keys
  [ -f "$SESSION_JAR" ] || mvnw -q -pl exam-session -am install -DskipTests
  start_process "$name" "$port" env \
    QUARKUS_HTTP_PORT="$port" \
    EXAMDAY_SPANNER_MIGRATE_ON_START=true \
    EXAMDAY_PUBSUB_ENABLED=true \
    QUARKUS_OTEL_SDK_DISABLED=true \
    EXAMDAY_AUTOSAVE_GROUP_COMMIT_FLUSHERS=1 \
    EXAMDAY_HTTP_MAX_CONNECTIONS="$(session_max_connections)" \
    EXAMDAY_CANDIDATE_PAGE_GATEWAY_URL="http://127.0.0.1:$GATEWAY_PORT" \
    EXAMDAY_CANDIDATE_PAGE_LIVE_URL="ws://127.0.0.1:$((GATEWAY_PORT + 1))" \
    QUARKUS_SHUTDOWN_TIMEOUT=PT5S \
    "$@" \
    "$JAVA_HOME/bin/java" -XX:+UseParallelGC ${SESSION_JAVA_OPTS:-} -jar "$SESSION_JAR"
  # ready after its start-up exercise (a synthetic exam through its own API, ~1 min here)
  wait_http "http://127.0.0.1:$port/q/health/ready" "$name" 300
}

# What exam-session's benchmarks share: build, bench infrastructure, an admin token in $BENCH_ADMIN.
session_bench_setup() {
  trap 'stop_started_here' EXIT
  ensure_keys
  mvnw -q -pl exam-session,loadtest -am install -DskipTests
  start_infra
  BENCH_ADMIN=$(proctor_token bench-admin exam-admin,proctor true)
}

# Runs a main class of loadtest's benchmarks.
session_bench_java() {
  "$JAVA_HOME/bin/java" -cp "$ROOT/loadtest/target/loadtest-0.1.0-SNAPSHOT.jar:$ROOT/loadtest/target/lib/*" "$@"
}

# start_redis_cluster SHARDS: a Redis Cluster of SHARDS masters (no replicas) on ports
# REDIS_PORT+101.. (bus ports +10,000), fresh each time, for exam-session's cluster mode; sets
# REDIS_CLUSTER_NODES (host:port,...). Stopped with the rest of what was started here.
start_redis_cluster() {
  local shards=$1 i port nodes=() dir="$STATE/redis-cluster"
  ensure_redis
  rm -rf "$dir" && mkdir -p "$dir"
  for ((i = 1; i <= shards; i++)); do
    port=$((REDIS_PORT + 100 + i))
    stop_process "redis-shard-$i"
    start_process "redis-shard-$i" "$port" redis-server --port "$port" --bind 127.0.0.1 \
      --cluster-enabled yes --cluster-config-file "$dir/nodes-$port.conf" --dir "$dir" \
      --save '' --appendonly no --daemonize no
    nodes+=("127.0.0.1:$port")
  done
  redis-cli --cluster create "${nodes[@]}" --cluster-replicas 0 --cluster-yes \
    >"$STATE/logs/redis-cluster-create.log" 2>&1 \
    || die "redis-cli --cluster create failed (log: $STATE/logs/redis-cluster-create.log)"
  for ((i = 0; i < 100; i++)); do
    redis-cli -p "$((REDIS_PORT + 101))" cluster info 2>/dev/null | grep -q 'cluster_state:ok' && break
    sleep 0.1
  done
  REDIS_CLUSTER_NODES=$(IFS=,; echo "${nodes[*]}")
  log "Redis Cluster of $shards shards: $REDIS_CLUSTER_NODES"
}

# bench autosave [CANDIDATES] [SECONDS] [IN_FLIGHT]: group commit, then the naive mode (one
# commit per save), on the bench profile; writes target/bench/autosave.json. Each mode first
# runs AUTOSAVE_WARMUP_SECONDS (30) of the same load untimed (its saves are checked for loss too).
# AUTOSAVE_REDIS_SHARDS=N puts exam-session's hot state on a local Redis Cluster of N shards.
bench_autosave() {
  local candidates=${1:-4000} seconds=${2:-30} in_flight=${3:-256} mode cluster=()
  session_bench_setup
  if [ -n "${AUTOSAVE_REDIS_SHARDS:-}" ]; then
    start_redis_cluster "$AUTOSAVE_REDIS_SHARDS"
    cluster=(EXAMDAY_REDIS_CLUSTER_NODES="$REDIS_CLUSTER_NODES")
  fi
  for mode in group naive; do
    local enabled=true
    [ "$mode" = naive ] && enabled=false
    # no start-up exercise: the benchmark warms up with its own untimed load (and the naive mode
    # would sit the exercise with one commit per save), so its figures stay comparable
    start_service_session EXAMDAY_AUTOSAVE_GROUP_COMMIT_ENABLED="$enabled" EXAMDAY_CLOSER_ENABLED=false \
      EXAMDAY_STARTUP_EXERCISE_ENABLED=false \
      EXAMDAY_AUTOSAVE_GROUP_COMMIT_FLUSHERS="${AUTOSAVE_FLUSHERS:-1}" \
      EXAMDAY_AUTOSAVE_GROUP_COMMIT_MAX_WAIT="${AUTOSAVE_MAX_WAIT:-PT0.002S}" "${cluster[@]}"
    log "autosave benchmark ($mode commit): $candidates candidates, $in_flight saves in flight, ${seconds}s"
    session_bench_java io.examday.loadtest.autosave.AutosaveBench \
      --url "http://127.0.0.1:$SESSION_PORT" --admin-token "$BENCH_ADMIN" --mode "$mode" \
      --candidates "$candidates" --seconds "$seconds" --in-flight "$in_flight" \
      --warmup-seconds "${AUTOSAVE_WARMUP_SECONDS:-30}" \
      --redis "${REDIS_CLUSTER_NODES:-127.0.0.1:$REDIS_PORT}" \
      --emulator-pids "$(spanner_emulator_pids)" --clk-tck "$(getconf CLK_TCK)" \
      --out "$ROOT/target/bench/autosave-$mode.json"
    stop_process exam-session
  done
  session_bench_java io.examday.loadtest.autosave.AutosaveReport \
    "$ROOT/target/bench/autosave-group.json" "$ROOT/target/bench/autosave-naive.json" \
    "$ROOT/target/bench/autosave.json"
  cat "$ROOT/target/bench/autosave.json"
}

# The pid(s) of the Spanner emulator serving this profile's port, comma-separated (none: empty).
spanner_emulator_pids() {
  pgrep -f "emulator_main --host_port 127.0.0.1:$SPANNER_GRPC" | paste -sd, - || true
}

# bench commit [SECONDS]: answer rows committed straight to the Spanner emulator (no exam-session,
# Redis or HTTP), for COMMIT_RUNS shapes (COMMITTERSxROWS, default 1x1,8x1,1x32,1x100,1x200,
# 2x100), SECONDS each; writes target/bench/commit.json. Its best rows/s is the ceiling the
# emulator puts on `bench autosave` here (each durable save is one row).
bench_commit() {
  local seconds=${1:-10} pids
  trap 'stop_started_here' EXIT
  # its own database: another benchmark's transactions on the shared emulator would queue with ours
  export EXAMDAY_SPANNER_DATABASE=commit
  mvnw -q -pl loadtest -am install -DskipTests
  start_infra
  migrate
  pids=$(spanner_emulator_pids)
  [ -n "$pids" ] || die "no Spanner emulator process serving port $SPANNER_GRPC was found"
  log "commit benchmark: ${COMMIT_RUNS:-the default shapes}, ${seconds}s each (emulator pid $pids)"
  session_bench_java io.examday.loadtest.commit.CommitBench --seconds "$seconds" \
    ${COMMIT_RUNS:+--runs "$COMMIT_RUNS"} --emulator-pids "$pids" --clk-tck "$(getconf CLK_TCK)" \
    --out "$ROOT/target/bench/commit.json"
  cat "$ROOT/target/bench/commit.json"
}

# The start's login spike: CANDIDATES log in and read their session, IN_FLIGHT at once, on an
# exam left cold and on one warmed up first. The scheduled warm-up is off so the cold one stays
# cold.
bench_login() {
  local candidates=${1:-10000} in_flight=${2:-128}
  session_bench_setup
  # no start-up exercise: the benchmark measures the cold exam and has its own JIT warm-up
  start_service_session EXAMDAY_CLOSER_ENABLED=false EXAMDAY_WARM_ENABLED=false \
    EXAMDAY_STARTUP_EXERCISE_ENABLED=false
  log "login benchmark: $candidates candidates per exam, $in_flight in flight"
  session_bench_java io.examday.loadtest.autosave.LoginBench \
    --url "http://127.0.0.1:$SESSION_PORT" --admin-token "$BENCH_ADMIN" \
    --candidates "$candidates" --in-flight "$in_flight" --out "$ROOT/target/bench/login.json"
  stop_process exam-session
  cat "$ROOT/target/bench/login.json"
}

# A demo exam for `./examday up`: 10 questions, 20 candidates (demo-001 .. demo-020, access
# code = roll number + "-code"), scheduled 10 minutes from now.
load_demo_exam() {
  local admin url="http://127.0.0.1:$SESSION_PORT" start candidates="" i questions
  admin=$(proctor_token demo-admin exam-admin true)
  start=$(date -u -d '+10 minutes' +%Y-%m-%dT%H:%M:%SZ)
  questions='"q1","q2","q3","q4","q5","q6","q7","q8","q9","q10"'
  curl -sf -X PUT "$url/api/v1/admin/exams/demo" -H "Authorization: Bearer $admin" \
    -H 'Content-Type: application/json' \
    -d "{\"title\":\"Demo exam\",\"scheduledStart\":\"$start\",\"durationSeconds\":3600,\"graceSeconds\":30,\"questionIds\":[$questions]}" \
    >/dev/null || { log "the demo exam was not (re)defined (already released?)"; return 0; }
  for i in $(seq -f '%03g' 1 20); do
    candidates="$candidates{\"rollNumber\":\"demo-$i\",\"accessCode\":\"demo-$i-code\",\"extraTimeSeconds\":0},"
  done
  curl -sf -X POST "$url/api/v1/admin/exams/demo/candidates" -H "Authorization: Bearer $admin" \
    -H 'Content-Type: application/json' -d "{\"candidates\":[${candidates%,}]}" >/dev/null \
    || die "could not load the demo candidates"
  log "demo exam 'demo' scheduled at $start with candidates demo-001 .. demo-020 (code: <roll>-code)"
  load_demo_paper "$admin"
}

# The demo exam's question paper, encrypted and its key put in Vault by release-gateway (when it
# runs): the candidate page downloads it before the start and opens it at the release.
load_demo_paper() {
  local admin=$1 questions="" i
  port_open "$GATEWAY_PORT" || return 0
  for i in $(seq 1 10); do
    questions="$questions{\"id\":\"q$i\",\"text\":\"Demo question $i: what is $i + $i?\",\"options\":[\"$((2 * i - 1))\",\"$((2 * i))\",\"$((2 * i + 1))\"]},"
  done
  curl -sf -X POST "http://127.0.0.1:$GATEWAY_PORT/api/v1/admin/exams/demo/paper" \
    -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d "{\"title\":\"Demo exam\",\"questions\":[${questions%,}]}" >/dev/null \
    && log "demo paper prepared (encrypted; its key in the local Vault stand-in)" \
    || log "the demo paper was not prepared (already released?)"
}
