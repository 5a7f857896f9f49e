# shellcheck shell=bash
# The exam-day rehearsal (loadtest/, io.examday.loadtest.rehearsal) and the zero-loss verifier.
#   ./examday rehearse [--candidates N] [--ramp 90s] [--questions Q] [--save-every S] ...
#   ./examday verify --acklog FILE|DIR [--json OUT] [--profile dev|bench|test] [--database NAME]
#   ./examday bench rehearsal   -> target/bench/rehearsal.json
# Sourced by ./examday: uses its helpers (log, die, mvnw, start_infra, migrate, ensure_keys).

# One load-generator process holds at most this many candidates. This machine caps open files
# at 20,000 per process (hard limit, no CAP_SYS_RESOURCE), and in the herd a candidate holds two
# sockets: its WebSocket and an HTTP connection in Gatling's shared pool, which keeps idle
# connections 60 s and has no global bound (a 10,000-candidate shard held 18,036 sockets, and in
# one run 9,582 socket opens failed with "Too many open files"). So larger rehearsals run
# several Gatling processes (shards).
REHEARSAL_CANDIDATES_PER_SHARD=${REHEARSAL_CANDIDATES_PER_SHARD:-9000}

rehearsal_usage() {
  cat <<USAGE >&2
usage: ./examday rehearse [options]
  --candidates N      candidates (default 5000)
  --ramp 30s          all log in, download the paper and connect within this (default 30s)
  --release-delay 5s  the waiting room: the release comes this long after the ramp (default 5s)
  --questions Q       questions per candidate (default 10)
  --save-every S      mean seconds between two autosaves of a candidate (default 5)
  --reanswer R        probability of revisiting an earlier question after an answer (0.3)
  --reconnect R       fraction of candidates that drop and reopen their socket (0.1)
  --autosubmit R      fraction left to the deadline's automatic submit (0.1)
  --shards K          load-generator processes (default: candidates / $REHEARSAL_CANDIDATES_PER_SHARD, rounded up)
  --ack-p99-ms T      Gatling assertion on the autosave acknowledgement p99 (default 500)
  --session-url URL   an exam-session instance; repeat for several (candidate i starts on
                      instance i mod n and moves on when its instance does not answer)
                      (default: the profile's, started if it does not answer)
  --gateway-url URL   a release-gateway instance already running; repeat for several
                      (default: the profile's, started if it does not answer)
  --live-url URL      its candidate-socket URL, same order (default: the --gateway-url)
  --own-stack true    start an own exam-session and one gateway per shard on an own database
                      (what ./examday bench rehearsal does)
  --fault KIND@+Ns    inject a fault N seconds after the release (KIND@-Ns: before it); repeatable.
                      KIND:
                      redis-flush    the hot state is lost: FLUSHALL on exam-session's Redis
                      redis-restart  Redis crashes (SIGKILL), is down ${REHEARSAL_REDIS_DOWN_SECONDS:-5} s
                                     (REHEARSAL_REDIS_DOWN_SECONDS), comes back empty
                      session-kill   an exam-session crashes (SIGKILL) mid-exam and is started
                                     again; the run then has a second instance, so its
                                     candidates move over to it as behind a load balancer
                      session-stop   the same exam-session is stopped as a pod is (SIGTERM)
                                     and started again
                      spanner-stall  the Spanner emulator stops answering (SIGSTOP) for
                                     ${REHEARSAL_SPANNER_STALL_SECONDS:-10} s (REHEARSAL_SPANNER_STALL_SECONDS), then goes on
                                     with what it held (SIGCONT)
                      gateway-kill   a release-gateway crashes (SIGKILL) and is started again;
                                     the run then has a second gateway, so the candidates whose
                                     socket it held reconnect to it (e.g. gateway-kill@-3s: in
                                     the waiting room, just before the release)
                      gateway-stop   the same gateway is stopped as a pod is (SIGTERM): it
                                     drains its sockets (over 2 s locally) and is started again
USAGE
}

# java for the loadtest commands, without the JDK 24+ warnings the gRPC/protobuf jars trigger.
rehearsal_java() {
  local flags=()
  if "$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1; then
    flags=(--sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED)
  fi
  "$JAVA_HOME/bin/java" "${flags[@]}" -cp "$(rehearsal_classpath)" "$@"
}

rehearsal_classpath() {
  echo "$ROOT/loadtest/target/loadtest-0.1.0-SNAPSHOT.jar:$ROOT/loadtest/target/lib/*"
}

# Builds what the rehearsal runs: the loadtest jar (verifier, preparation, summary) and its
# test classes (the Gatling simulation).
rehearsal_build() {
  log "building loadtest"
  mvnw -q -pl loadtest -am package -DskipTests
}

# Gatling runs on its own dependency closure: the module's classpath carries the Quarkus BOM's
# Netty 4.1, and Gatling 3.15 needs Netty 4.2 (NoClassDefFoundError io/netty/channel/IoOps).
# A throwaway POM without the BOM resolves Gatling exactly as Gatling publishes it.
rehearsal_gatling_classpath() {
  local dir="$ROOT/target/rehearsal/gatling-runtime" version hdr
  version=$(sed -n 's:.*<gatling.version>\(.*\)</gatling.version>.*:\1:p' "$ROOT/pom.xml")
  hdr=$(sed -n '/<artifactId>HdrHistogram<\/artifactId>/{n;s:.*<version>\(.*\)</version>.*:\1:p}' "$ROOT/loadtest/pom.xml")
  mkdir -p "$dir"
  if [ ! -s "$dir/classpath-$version.txt" ]; then
    cat >"$dir/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>io.examday.local</groupId>
  <artifactId>rehearsal-gatling-runtime</artifactId>
  <version>1</version>
  <dependencies>
    <dependency>
      <groupId>io.gatling.highcharts</groupId>
      <artifactId>gatling-charts-highcharts</artifactId>
      <version>$version</version>
    </dependency>
    <dependency>
      <groupId>org.hdrhistogram</groupId>
      <artifactId>HdrHistogram</artifactId>
      <version>$hdr</version>
    </dependency>
  </dependencies>
</project>
POM
    mvnw -q -f "$dir/pom.xml" dependency:build-classpath -Dmdep.outputFile="$dir/classpath-$version.txt" >&2
  fi
  echo "$ROOT/loadtest/target/test-classes:$ROOT/loadtest/target/classes:$ROOT/common/target/examday-common-0.1.0-SNAPSHOT.jar:$(cat "$dir/classpath-$version.txt")"
}

# rehearsal_gatling RUN_DIR SHARD: one load-generator process (the flags the Gatling plugin
# uses, plus what JDK 24+ needs for Netty), its report under loadtest/target/gatling/.
# GATLING_JAVA_OPTS: more JVM options for it (words split on spaces).
rehearsal_gatling() {
  local run_dir=$1 shard=$2 flags=()
  if "$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1; then
    flags=(--sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED)
  fi
  # shellcheck disable=SC2206
  [ -z "${GATLING_JAVA_OPTS:-}" ] || flags+=($GATLING_JAVA_OPTS)
  EXAMDAY_REHEARSAL_PLAN="$run_dir/plan.json" EXAMDAY_REHEARSAL_SHARD=$shard \
    "$JAVA_HOME/bin/java" "${flags[@]}" -Xmx2g -XX:+HeapDumpOnOutOfMemoryError \
    -XX:MaxInlineLevel=20 -XX:MaxTrivialSize=12 \
    --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED \
    -cp "$GATLING_CLASSPATH" io.gatling.app.Gatling \
    --simulation io.examday.loadtest.rehearsal.RehearsalSimulation \
    --results-folder "$ROOT/loadtest/target/gatling/$(basename "$run_dir")-shard-$shard" \
    --run-description "examday rehearsal $(basename "$run_dir") shard $shard"
}

# rehearsal_cpu_sampler FILE RUN: every 2 s, the CPU time (user + system, in clock ticks) of each
# of the rehearsal's processes, one line each: epoch ms, role, pid, ticks (CpuSamples reads it,
# the summary shares it out per candidate start and per autosave). Processes are found anew each
# time, so a restarted one is followed; it stops when the script that started it is gone.
rehearsal_cpu_sampler() {
  local file=$1 run=$2 pid args role now stat
  echo "# clk_tck $(getconf CLK_TCK)" >"$file"
  while kill -0 $$ 2>/dev/null; do
    now=$(date +%s%3N)
    for pid in $(pgrep -f "quarkus-run.jar|emulator_main|pubsub-emulator|redis-server|$run-shard-" || true); do
      args=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || continue
      case "$args" in
        *io.gatling.app.Gatling*) role=gatling ;;
        *exam-session/*) role=exam-session ;;
        *release-gateway/*) role=release-gateway ;;
        *emulator_main*":$SPANNER_GRPC "*) role=spanner-emulator ;;
        *pubsub-emulator*"--port=$PUBSUB_PORT "*) role=pubsub-emulator ;;
        redis-server*":$REDIS_PORT"*) role=redis ;;
        *) continue ;;
      esac
      read -r -a stat <"/proc/$pid/stat" 2>/dev/null || continue
      printf '%s\t%s\t%s\t%s\n' "$now" "$role" "$pid" $((stat[13] + stat[14])) >>"$file"
    done
    sleep 2
  done
}

rehearsal_seconds() { local v=${1%s}; [[ "$v" =~ ^[0-9]+$ ]] || die "not a duration in seconds: $1"; echo "$v"; }

# rehearsal_start_stack: uses the profile's running services, starting what does not answer
# (./examday rehearse on the dev platform).
rehearsal_start_stack() {
  ensure_keys
  start_infra
  migrate
  port_open "$SESSION_PORT" || start_service_session
  port_open "$GATEWAY_PORT" || start_service_gateway
  # start_service_gateway serves candidate sockets on the next port (tools/examday.d/gateway.sh)
  GATEWAY_URLS=("http://127.0.0.1:$GATEWAY_PORT")
  LIVE_URLS=("http://127.0.0.1:$((GATEWAY_PORT + 1))")
}

# rehearsal_own_stack INSTANCES: the benchmark's own services on its own database (the emulator
# runs one read-write transaction at a time, so another benchmark's would abort ours), with one
# gateway instance per load-generator shard: a process may hold 20,000 open files here.
rehearsal_own_stack() {
  local instances=$1 i port
  export EXAMDAY_SPANNER_DATABASE=rehearsal
  # the services as built (./examday up or their own builds); built here only when absent, so a
  # rehearsal never rebuilds a module its owner is changing
  [ -f "$GATEWAY_JAR" ] && [ -f "$DEV_VAULT_JAR" ] && [ -f "$SESSION_JAR" ] \
    || mvnw -q -pl dev-vault,exam-session,release-gateway -am install -DskipTests
  ensure_keys
  start_infra
  rehearsal_java io.examday.loadtest.rehearsal.ResetDatabaseCommand 2>&1 | grep -v -E '^(WARNING|INFO|Nov)' >&2 || true
  for ((port = GATEWAY_PORT; port < GATEWAY_PORT + 2 * instances; port++)); do
    port_open "$port" && die "port $port is busy: the rehearsal benchmark starts its own gateways"
  done
  port_open "$SESSION_PORT" && die "port $SESSION_PORT is busy: the rehearsal benchmark starts its own exam-session"
  start_service_session
  start_dev_vault
  GATEWAY_URLS=()
  LIVE_URLS=()
  for ((i = 0; i < instances; i++)); do
    port=$((GATEWAY_PORT + 2 * i))
    GATEWAY_JAVA_OPTS="${GATEWAY_JAVA_OPTS:--Xmx768m}" start_gateway_instance "gateway-$i" "$port" "$((port + 1))"
    GATEWAY_URLS+=("http://127.0.0.1:$port")
    LIVE_URLS+=("http://127.0.0.1:$((port + 1))")
  done
}

# "COMMANDS USED_MEMORY CPU_SECONDS" of the profile's Redis, for the capacity model (ops, bytes
# and Redis CPU per candidate and per autosave; CPU = used_cpu_sys + used_cpu_user, all its
# threads); "0 0 0" when redis-cli is missing.
rehearsal_redis_stats() {
  command -v redis-cli >/dev/null || { echo "0 0 0"; return; }
  redis-cli -p "$REDIS_PORT" info all 2>/dev/null | tr -d '\r' | awk -F: '
    /^total_commands_processed:/ {c=$2} /^used_memory:/ {m=$2}
    /^used_cpu_(sys|user):/ {u+=$2} END {printf "%d %d %.6f\n", c, m, u}'
}

# The port offset of the second exam-session of a run with a session-kill or session-stop fault,
# and of the second gateway of a run with a gateway-kill or gateway-stop fault.
REHEARSAL_SESSION_B_PORT_OFFSET=30

# Redis crashes and comes back empty after REHEARSAL_REDIS_DOWN_SECONDS (default 5). The new one
# is recorded under the same name, so whatever would have stopped the old one stops it.
rehearsal_restart_redis() {
  if ! rehearsal_kill redis "$REDIS_PORT"; then
    redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true   # the machine's own
    rehearsal_wait_closed "$REDIS_PORT"
  fi
  sleep "${REHEARSAL_REDIS_DOWN_SECONDS:-5}"
  rm -f "$STATE/pids/redis.pid"
  start_redis
}

# Spanner stalls: the emulator's processes stop (SIGSTOP) for REHEARSAL_SPANNER_STALL_SECONDS
# (default 10) with every connection, transaction and lock they hold, then go on (SIGCONT), as a
# stalled split or a leader change looks to a client. Resumed however this ends. Returns 1 when
# the emulator was not started by ./examday.
rehearsal_stall_spanner() {
  local pid
  pid=$(rehearsal_pid spanner-emulator) || return 1
  (
    trap 'kill -CONT -- "-$pid" 2>/dev/null' EXIT
    trap 'exit 130' INT TERM
    kill -STOP -- "-$pid"
    sleep "${REHEARSAL_SPANNER_STALL_SECONDS:-10}"
  )
}

# rehearsal_kill NAME PORT: a service started by ./examday crashes: SIGKILL to its process group,
# in-flight requests, group commits and sockets cut off (the caller starts it again, as a pod is).
# Returns 1 when no such process runs.
rehearsal_kill() {
  local pid
  pid=$(rehearsal_pid "$1") || return 1
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid"
  rehearsal_wait_closed "$2"
  rm -f "$STATE/pids/$1.pid"
}

# rehearsal_pid NAME: the pid of a service ./examday started, if it runs (fails otherwise).
rehearsal_pid() {
  local file="$STATE/pids/$1.pid"
  [ -f "$file" ] && kill -0 "$(cat "$file")" 2>/dev/null && cat "$file"
}

# rehearsal_wait_closed PORT: until nothing listens on it (at most 5 s).
rehearsal_wait_closed() {
  local i
  for ((i = 0; i < 100; i++)); do port_open "$1" || break; sleep 0.05; done
}

# rehearsal_faults RUN_DIR SPEC...: waits for the plan's release, then injects each fault at its
# offset (KIND@+Ns or KIND@-Ns, in the given order), logging "KIND at release+Ns (done at +X ms)"
# to RUN_DIR/faults.log (times from the release, negative before it); a killed service is started
# again before the next fault ("... started again (ready at +X ms)").
rehearsal_faults() {
  local run_dir=$1 spec kind offset release_ms now_ms due_ms
  shift
  release_ms=$(sed -n 's/.*"releaseAtEpochMs" *: *\([0-9]*\).*/\1/p' "$run_dir/plan.json")
  [ -n "$release_ms" ] || { echo "no releaseAtEpochMs in plan.json" >>"$run_dir/faults.log"; return; }
  for spec in "$@"; do
    kind=${spec%@*}
    offset=${spec#*@}
    offset=${offset%s}
    offset=${offset:0:1}$((10#${offset:1}))   # "+08" is 8 seconds, not an octal error
    due_ms=$((release_ms + offset * 1000))
    now_ms=$(date +%s%3N)
    [ "$due_ms" -gt "$now_ms" ] && sleep "$(awk -v ms=$((due_ms - now_ms)) 'BEGIN {printf "%.3f", ms / 1000}')"
    case "$kind" in
      redis-flush) redis-cli -p "$REDIS_PORT" flushall >/dev/null ;;
      redis-restart) rehearsal_restart_redis ;;
      spanner-stall)
        if ! rehearsal_stall_spanner; then
          echo "$kind at release${offset}s: not done (no spanner-emulator started by ./examday)" >>"$run_dir/faults.log"
          continue
        fi ;;
      session-kill|session-stop|gateway-kill|gateway-stop)
        local name=exam-session port=$SESSION_PORT
        [[ "$kind" == session-* ]] || { name=release-gateway; port=$GATEWAY_PORT; }
        if [[ "$kind" == *-stop ]] && rehearsal_pid "$name" >/dev/null; then
          stop_process "$name"
        elif [[ "$kind" == *-stop ]] || ! rehearsal_kill "$name" "$port"; then
          echo "$kind at release${offset}s: not done (no $name started by ./examday)" >>"$run_dir/faults.log"
          continue
        fi
        echo "$kind at release${offset}s (done at $(rehearsal_since "$release_ms") ms)" >>"$run_dir/faults.log"
        if [[ "$kind" == session-* ]]; then
          start_service_session
        else
          start_gateway_instance release-gateway "$GATEWAY_PORT" $((GATEWAY_PORT + 1))
        fi
        echo "$name started again (ready at $(rehearsal_since "$release_ms") ms)" >>"$run_dir/faults.log"
        continue ;;
    esac
    echo "$kind at release${offset}s (done at $(rehearsal_since "$release_ms") ms)" >>"$run_dir/faults.log"
  done
}

# rehearsal_since EPOCH_MS: milliseconds from then to now, signed ("+1234" or "-2990").
rehearsal_since() {
  local ms=$(($(date +%s%3N) - $1))
  [ "$ms" -lt 0 ] && echo "$ms" || echo "+$ms"
}

# rehearsal_fault_spec SPEC: dies unless SPEC is KIND@+Ns or KIND@-Ns with a known KIND.
rehearsal_fault_spec() {
  [[ "$1" =~ ^(redis-flush|redis-restart|spanner-stall|session-kill|session-stop|gateway-kill|gateway-stop)@[+-][0-9]+s?$ ]] \
    || die "--fault $1: expected KIND@+Ns or KIND@-Ns (from the release) with KIND redis-flush, redis-restart, spanner-stall, session-kill, session-stop, gateway-kill or gateway-stop (e.g. redis-flush@+20s)"
  echo "$1"
}

# rehearsal_run OUT_JSON [options]: prepare, drive (one Gatling process per shard), verify,
# summarize into OUT_JSON. Returns non-zero unless everything passed.
rehearsal_run() {
  local out=$1
  shift
  local candidates=5000 ramp=30 questions=10 save_every=5 reanswer=0.3 reconnect=0.1
  local autosubmit=0.1 shards="" ack_p99=500 own_stack=false release_delay=5
  local session_urls=() gateway_urls=() live_urls=() faults=()
  while [ $# -gt 0 ]; do
    case "$1" in -h|--help) ;; *) [ $# -ge 2 ] || die "$1 needs a value" ;; esac
    case "$1" in
      --candidates) candidates=$2 ;;
      --ramp) ramp=$(rehearsal_seconds "$2") ;;
      --release-delay) release_delay=$(rehearsal_seconds "$2") ;;
      --questions) questions=$2 ;;
      --save-every) save_every=$(rehearsal_seconds "$2") ;;
      --reanswer) reanswer=$2 ;;
      --reconnect) reconnect=$2 ;;
      --autosubmit) autosubmit=$2 ;;
      --shards) shards=$2 ;;
      --ack-p99-ms) ack_p99=$2 ;;
      --session-url) session_urls+=("$2") ;;
      --gateway-url) gateway_urls+=("$2") ;;
      --live-url) live_urls+=("$2") ;;
      --own-stack) own_stack=$2 ;;
      --fault) faults+=("$(rehearsal_fault_spec "$2")") ;;
      -h|--help) rehearsal_usage; return 0 ;;
      *) rehearsal_usage; die "unknown option $1" ;;
    esac
    shift 2
  done
  [ -n "$shards" ] || shards=$(( (candidates + REHEARSAL_CANDIDATES_PER_SHARD - 1) / REHEARSAL_CANDIDATES_PER_SHARD ))

  rehearsal_build
  GATLING_CLASSPATH=$(rehearsal_gatling_classpath)
  if [ ${#gateway_urls[@]} -gt 0 ]; then
    ensure_keys; start_infra; migrate   # services given by URL: started elsewhere
    GATEWAY_URLS=("${gateway_urls[@]}")
    LIVE_URLS=("${live_urls[@]:-${gateway_urls[@]}}")
  elif [ "$own_stack" = true ]; then
    rehearsal_own_stack "$shards"
  else
    rehearsal_start_stack
  fi
  SESSION_URLS=("${session_urls[@]:-http://127.0.0.1:$SESSION_PORT}")
  if [[ " ${faults[*]} " == *" session-kill@"* || " ${faults[*]} " == *" session-stop@"* ]]; then
    [ ${#session_urls[@]} -eq 0 ] \
      || die "--fault session-kill / session-stop stop the exam-session ./examday starts: not with --session-url"
    local port_b=$((SESSION_PORT + REHEARSAL_SESSION_B_PORT_OFFSET))
    start_session_instance exam-session-b "$port_b"
    SESSION_URLS+=("http://127.0.0.1:$port_b")
  fi
  if [[ " ${faults[*]} " == *" gateway-kill@"* || " ${faults[*]} " == *" gateway-stop@"* ]]; then
    [ ${#gateway_urls[@]} -eq 0 ] && [ "$own_stack" != true ] \
      || die "--fault gateway-kill / gateway-stop stop the release-gateway ./examday starts: not with --gateway-url or --own-stack"
    local gateway_b=$((GATEWAY_PORT + REHEARSAL_SESSION_B_PORT_OFFSET))
    start_gateway_instance release-gateway-b "$gateway_b" $((gateway_b + 1))
    GATEWAY_URLS+=("http://127.0.0.1:$gateway_b")
    LIVE_URLS+=("http://127.0.0.1:$((gateway_b + 1))")
  fi

  local run_dir="$ROOT/target/rehearsal/r$(date -u +%Y%m%d-%H%M%S)"
  mkdir -p "$run_dir"
  local gateway_args=() url spec
  for url in "${SESSION_URLS[@]}"; do gateway_args+=(--session-url "$url"); done
  for spec in "${faults[@]}"; do gateway_args+=(--fault "$spec"); done
  for url in "${GATEWAY_URLS[@]}"; do gateway_args+=(--gateway-url "$url"); done
  for url in "${LIVE_URLS[@]}"; do gateway_args+=(--live-url "$url"); done
  log "preparing an exam for $candidates candidates ($shards shard(s)) in $run_dir"
  rehearsal_java io.examday.loadtest.rehearsal.PrepareCommand \
    --run-dir "$run_dir" --candidates "$candidates" --ramp-seconds "$ramp" \
    --questions "$questions" --save-every "$save_every" --reanswer "$reanswer" \
    --reconnect "$reconnect" --autosubmit "$autosubmit" --shards "$shards" \
    --ack-p99-ms "$ack_p99" --release-delay-seconds "$release_delay" "${gateway_args[@]}" \
    --proctor-key "$KEYS/proctor-idp-rsa.pem" \
    --startup-seconds $((10 + 5 * shards)) >"$run_dir/prepare.log" 2>&1 \
    || { cat "$run_dir/prepare.log" >&2; die "preparation failed (log: $run_dir/prepare.log)"; }

  local redis_before
  read -r -a redis_before <<<"$(rehearsal_redis_stats)"
  local fault_pid=""
  if [ ${#faults[@]} -gt 0 ]; then
    log "faults after the release: ${faults[*]} (log: $run_dir/faults.log)"
    rehearsal_faults "$run_dir" "${faults[@]}" &
    fault_pid=$!
  fi
  log "driving the herd with Gatling (logs: $run_dir/shard-*.log)"
  rehearsal_cpu_sampler "$run_dir/cpu.tsv" "$(basename "$run_dir")" &
  local cpu_pid=$!
  local pids=() shard failed=0
  for ((shard = 0; shard < shards; shard++)); do
    rehearsal_gatling "$run_dir" "$shard" >"$run_dir/shard-$shard.log" 2>&1 &
    pids+=($!)
  done
  for ((shard = 0; shard < shards; shard++)); do
    if ! wait "${pids[$shard]}"; then
      failed=$((failed + 1))
      log "shard $shard: Gatling reported failures (see $run_dir/shard-$shard.log)"
    fi
  done
  [ -z "$fault_pid" ] || wait "$fault_pid" || true
  kill "$cpu_pid" 2>/dev/null || true
  wait "$cpu_pid" 2>/dev/null || true
  ls "$ROOT"/loadtest/target/gatling/"$(basename "$run_dir")"-shard-*/*/index.html 2>/dev/null \
    | sed 's/^/[examday] Gatling report: /' >&2 || true

  local redis_after
  read -r -a redis_after <<<"$(rehearsal_redis_stats)"
  log "verifying every acknowledged answer against Spanner"
  local verified=0
  rehearsal_java io.examday.loadtest.verify.VerifyCommand \
    --acklog "$run_dir" --json "$run_dir/verify.json" || verified=$?
  [ -f "$run_dir/verify.json" ] || die "the verifier did not run (exit $verified)"

  mkdir -p "$(dirname "$out")"
  rehearsal_java io.examday.loadtest.rehearsal.SummarizeCommand \
    --run-dir "$run_dir" --verify-json "$run_dir/verify.json" \
    --gatling-failed-shards "$failed" --out "$out" --faults-log "$run_dir/faults.log" \
    --redis-commands $((redis_after[0] - redis_before[0])) \
    --redis-memory-bytes $((redis_after[1] - redis_before[1])) \
    --redis-cpu-seconds "$(awk -v a="${redis_after[2]}" -v b="${redis_before[2]}" 'BEGIN {printf "%.6f", a - b}')"
}

cmd_rehearse() {
  set_profile dev
  find_jdk
  trap 'stop_started_here' EXIT
  ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
  rehearsal_run "$ROOT/target/rehearsal/last.json" "$@"
}

# The benchmark: the seed-002 spike (50,000 candidates through login and connect in 30 s),
# then a full exam; the figures go to target/bench/rehearsal.json.
bench_rehearsal() {
  trap 'stop_started_here' EXIT
  ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
  rehearsal_run "$ROOT/target/bench/rehearsal.json" --own-stack true --candidates 50000 --ramp 30s \
    --questions 5 --save-every 15s --ack-p99-ms 1000 "$@"
}

# ./examday verify --acklog FILE|DIR [--json OUT] [--profile dev|bench|test] [--database NAME]
# (the benchmark's runs live in the bench profile's database "rehearsal").
cmd_verify() {
  local profile=dev database="" args=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --profile) profile=$2; shift 2 ;;
      --database) database=$2; shift 2 ;;
      *) args+=("$1"); shift ;;
    esac
  done
  set_profile "$profile"
  [ -z "$database" ] || export EXAMDAY_SPANNER_DATABASE=$database
  find_jdk
  [ -f "$ROOT/loadtest/target/loadtest-0.1.0-SNAPSHOT.jar" ] || rehearsal_build
  rehearsal_java io.examday.loadtest.verify.VerifyCommand "${args[@]}"
}
