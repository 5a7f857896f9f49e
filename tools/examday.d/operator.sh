# shellcheck shell=bash
# scaling-operator: `./examday plan -f schedule.yaml` and `./examday bench operator`.

OPERATOR_DIR="$ROOT/scaling-operator"

# Builds the operator's classes and runtime classpath (target/lib) when missing or stale.
operator_classpath() {
  local stamp="$OPERATOR_DIR/target/plan-classpath.stamp"
  if [ ! -f "$stamp" ] || [ ! -d "$OPERATOR_DIR/target/lib" ] \
    || [ -n "$(find "$OPERATOR_DIR/src/main" "$OPERATOR_DIR/pom.xml" -newer "$stamp" -print -quit)" ]; then
    log "building scaling-operator"
    mvnw -q -pl scaling-operator package -DskipTests >&2
    touch "$stamp"
  fi
  echo "$OPERATOR_DIR/target/classes:$OPERATOR_DIR/target/lib/*"
}

# plan -f schedule.yaml [--now 2027-05-15T06:00:00Z]: the timeline and capacity math, no cluster.
cmd_plan() {
  find_jdk
  local classpath
  classpath=$(operator_classpath)
  "$JAVA_HOME/bin/java" -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
    -cp "$classpath" io.examday.operator.cli.PlanCommand "$@"
}

# bench operator [SCHEDULES] [WINDOW_S]: SCHEDULES ExamSchedules (default 1000) whose warm-ups
# fall within WINDOW_S seconds (default 60), on an in-process mock API server; writes
# target/bench/operator.json.
bench_operator() {
  local schedules=${1:-1000} window=${2:-60}
  log "operator benchmark: $schedules ExamSchedules, warm-ups within ${window}s, Fabric8 mock server"
  mvnw -q -pl scaling-operator test -Dtest=OperatorBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Doperator.excludedGroups=none -Dbench.schedules="$schedules" -Dbench.window.seconds="$window" \
    -Dbench.out="$ROOT/target/bench/operator.json" >"$ROOT/target/bench/operator.log" 2>&1 \
    || { tail -n 40 "$ROOT/target/bench/operator.log" >&2; die "operator benchmark failed (log: target/bench/operator.log)"; }
  log "wrote target/bench/operator.json"
  cat "$ROOT/target/bench/operator.json"
}
