# shellcheck shell=bash
# Apache Kafka for the local stack: one KRaft node (broker + controller) run straight from the
# Maven Central jars, fetched with deploy/local/kafka/pom.xml.

KAFKA_PORT=${CVP_KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${CVP_KAFKA_CONTROLLER_PORT:-9093}
KAFKA_BROKER_VERSION=4.4.0
KAFKA_TOOLS_VERSION=4.3.1 # 4.4.0's tools are missing from the mirror; 4.3.1 works with a 4.4.0 broker
KAFKA_BROKER_LIB=$CACHE_DIR/kafka-broker-$KAFKA_BROKER_VERSION
KAFKA_TOOLS_LIB=$CACHE_DIR/kafka-tools-$KAFKA_TOOLS_VERSION
KAFKA_DATA=$RUN_DIR/kafka-data
KAFKA_CONFIG=$RUN_DIR/kafka/server.properties
KAFKA_HEAP=${CVP_KAFKA_HEAP:-256m}

# Topic name:partitions. One events topic per publishing aggregate owner, one dead-letter topic
# per consuming service. Keys are aggregate ids, so three partitions keep per-aggregate order.
KAFKA_TOPICS=(
  voucher.events:3
  provider.events:3
  usage.events:3
  allocation.events:3
  voucher-service.dlq:1
  provider-service.dlq:1
  allocation-service.dlq:1
)

kafka_fetch() {
  local profile lib version
  for profile in broker tools; do
    if [[ $profile == broker ]]; then lib=$KAFKA_BROKER_LIB version=$KAFKA_BROKER_VERSION; else lib=$KAFKA_TOOLS_LIB version=$KAFKA_TOOLS_VERSION; fi
    fetched "$lib" "kafka-$profile $version" && continue
    say "fetching Kafka $profile $version jars (first run only)"
    rm -rf "$lib"
    run_maven "Kafka $profile" -f "$LOCAL_DIR/kafka/pom.xml" -P "$profile" \
      "-Dkafka.$profile.version=$version" dependency:copy-dependencies "-DoutputDirectory=$lib"
    mark_fetched "$lib" "kafka-$profile $version"
  done
}

# kafka_tool MAIN-CLASS ARGS...: a Kafka command-line tool, logging warnings to stderr only.
kafka_tool() {
  java -Xmx256m -Dlog4j2.configurationFile="$LOCAL_DIR/kafka/log4j2-tools.xml" -cp "$KAFKA_TOOLS_LIB/*" "$@"
}

kafka_render_config() {
  mkdir -p "$(dirname "$KAFKA_CONFIG")"
  sed -e "s#@KAFKA_DATA_DIR@#$KAFKA_DATA#" -e "s#@KAFKA_PORT@#$KAFKA_PORT#g" \
    -e "s#@CONTROLLER_PORT@#$KAFKA_CONTROLLER_PORT#g" \
    "$LOCAL_DIR/kafka/server.properties" >"$KAFKA_CONFIG"
}

# Storage is formatted once; the cluster id lives in $KAFKA_DATA/meta.properties from then on.
kafka_format() {
  [[ -f $KAFKA_DATA/meta.properties ]] && return 0
  local id
  # StorageTool is the broker's: logs go to stderr (log4j2-tools.xml), stdout is only the id.
  id=$(java -Dlog4j2.configurationFile="$LOCAL_DIR/kafka/log4j2-tools.xml" -cp "$KAFKA_BROKER_LIB/*" \
    kafka.tools.StorageTool random-uuid)
  [[ $id =~ ^[A-Za-z0-9_-]{22}$ ]] || die "kafka: unexpected cluster id from StorageTool: '$id'"
  info "kafka: formatting storage in ${KAFKA_DATA#"$REPO_DIR"/} (cluster id $id)"
  mkdir -p "$KAFKA_DATA"
  java -Dlog4j2.configurationFile="$LOCAL_DIR/kafka/log4j2-tools.xml" -cp "$KAFKA_BROKER_LIB/*" \
    kafka.tools.StorageTool format -t "$id" -c "$KAFKA_CONFIG" >"$LOG_DIR/kafka-format.log" 2>&1 || {
    cat "$LOG_DIR/kafka-format.log" >&2
    die "kafka: formatting storage failed"
  }
}

kafka_pid() { recorded_pid kafka "$KAFKA_CONFIG"; }

kafka_start() {
  local pid
  if pid=$(kafka_pid); then
    info "kafka: already running (pid $pid)"
    return 0
  fi
  if port_open "$KAFKA_PORT" || port_open "$KAFKA_CONTROLLER_PORT"; then
    info "kafka: port $KAFKA_PORT or $KAFKA_CONTROLLER_PORT is taken by another process ($(port_owner "$KAFKA_PORT")); using it as is"
    return 0
  fi
  kafka_fetch
  kafka_render_config
  kafka_format
  info "kafka: starting KRaft broker $KAFKA_BROKER_VERSION on localhost:$KAFKA_PORT"
  start_bg kafka "$RUN_DIR" -- java "-Xmx$KAFKA_HEAP" "-Xms$KAFKA_HEAP" -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$LOCAL_DIR/kafka/log4j2.xml" -cp "$KAFKA_BROKER_LIB/*" \
    kafka.Kafka "$KAFKA_CONFIG"
}

kafka_started_log() { grep -q 'Kafka Server started' "$LOG_DIR/kafka.log" 2>/dev/null && port_open "$KAFKA_PORT"; }

kafka_wait() {
  local pid=''
  pid=$(kafka_pid) || true
  if [[ -n $pid ]]; then
    wait_ready kafka "$pid" "${CVP_KAFKA_TIMEOUT:-90}" kafka_started_log
  else
    wait_ready kafka '' 10 port_open "$KAFKA_PORT"
  fi
  kafka_fetch
  kafka_ensure_topics
}

# Creates the missing topics (never alters existing ones); one JVM to list, then one per topic
# to create, in parallel.
kafka_ensure_topics() {
  local existing entry topic parts pid rc=0
  local -a pids=()
  existing=$(kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "localhost:$KAFKA_PORT" --list) || {
    err "kafka: listing topics failed"
    return 1
  }
  for entry in "${KAFKA_TOPICS[@]}"; do
    topic=${entry%:*} parts=${entry#*:}
    grep -qxF "$topic" <<<"$existing" && continue
    info "kafka: creating topic $topic ($parts partitions)"
    kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "localhost:$KAFKA_PORT" --create \
      --if-not-exists --topic "$topic" --partitions "$parts" --replication-factor 1 >/dev/null 2>>"$LOG_DIR/kafka-topics.log" &
    pids+=("$!")
  done
  for pid in "${pids[@]}"; do wait "$pid" || rc=1; done
  if ((rc != 0)); then
    err "kafka: creating topics failed; see $LOG_DIR/kafka-topics.log"
    return 1
  fi
}

kafka_down() {
  local pid
  if pid=$(kafka_pid); then
    stop_pid kafka "$pid" 60
  else
    info "kafka: not running (or not started by platform)"
  fi
}

kafka_running() {
  local pid
  if pid=$(kafka_pid); then
    printf '%s|KRaft %s, data %s' "$pid" "$KAFKA_BROKER_VERSION" "${KAFKA_DATA#"$REPO_DIR"/}"
  elif port_open "$KAFKA_PORT"; then
    printf '|not started by platform'
  else
    return 1
  fi
}

kafka_url() { printf 'localhost:%s  (controller localhost:%s)' "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; }
