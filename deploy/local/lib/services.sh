# shellcheck shell=bash
# The platform's own Quarkus services, run from their fast-jar builds
# (<module>/target/quarkus-app/quarkus-run.jar), rebuilt first when any source is newer.

# module:http-port:database (the database name is also its login and, DEMO ONLY, its password). The console
# owns no data (no database, no Kafka): it signs people in through Keycloak and calls the three services.
SERVICES=(
  voucher-service:8081:voucher
  provider-service:8082:provider
  allocation-service:8083:allocation
  console:8080:
)
SERVICE_HEAP=${CVP_SERVICE_HEAP:-384m}
# The asynchronous back office: services whose main work is consuming events (deciding usage, capturing it on
# vouchers). On one shared machine they run at a lower CPU priority than the front door, so that a burst of usage
# is first taken into durable storage at full speed and then worked off (see deploy/README.md, "CPU priority").
# Nice only matters while the CPU is contended: an otherwise idle back office still gets all the CPU it asks for.
BACK_OFFICE=(voucher-service allocation-service)
BACK_OFFICE_NICE=${CVP_BACK_OFFICE_NICE:-10}
SERVICE_TIMEOUT=${CVP_SERVICE_TIMEOUT:-120}

svc_names() { local s; for s in "${SERVICES[@]}"; do printf '%s\n' "${s%%:*}"; done; }
svc_field() { local s; for s in "${SERVICES[@]}"; do [[ ${s%%:*} == "$1" ]] && cut -d: -f"$2" <<<"$s"; done; }
svc_port() { svc_field "$1" 2; }
svc_db() { svc_field "$1" 3; }
svc_jar() { printf '%s/%s/target/quarkus-app/quarkus-run.jar' "$REPO_DIR" "$1"; }
svc_nice() {
  local b
  for b in "${BACK_OFFICE[@]}"; do [[ $b == "$1" ]] && { printf '%s' "$BACK_OFFICE_NICE"; return; }; done
  printf 0
}
svc_present() { [[ -f $REPO_DIR/pom.xml && -f $REPO_DIR/$1/pom.xml ]]; }
svc_pid() { recorded_pid "$1" "$(svc_jar "$1")"; }
svc_health_url() { printf 'http://localhost:%s/q/health/ready' "$(svc_port "$1")"; }

# services_stale SERVICE...: succeeds (printing why) when one of the services has no jar yet, or
# a pom.xml or a file under some src/ of the repository is newer than its jar (or than the last
# build this script ran, for sources no service jar depends on, such as e2e-tests).
services_stale() {
  local svc jar ref newer
  for svc in "$@"; do
    jar=$(svc_jar "$svc")
    if [[ ! -f $jar ]]; then
      printf '%s has not been built yet' "$svc"
      return 0
    fi
    ref=$jar
    [[ $STATE_DIR/build.stamp -nt $jar ]] && ref=$STATE_DIR/build.stamp
    newer=$(find "$REPO_DIR" \( -name .git -o -name target -o -name node_modules -o -path "$DEPLOY_DIR" \) -prune \
      -o -type f \( -name pom.xml -o -path '*/src/*' \) -newer "$ref" -print -quit)
    if [[ -n $newer ]]; then
      printf '%s is newer than the %s build' "${newer#"$REPO_DIR"/}" "$svc"
      return 0
    fi
  done
  return 1
}

# services_build SERVICE...: the project's build, when needed and safe.
services_build() {
  local why svc running=()
  [[ ${CVP_BUILD:-auto} == never ]] && return 0
  why=$(services_stale "$@") || return 0
  for svc in "$@"; do svc_pid "$svc" >/dev/null && running+=("$svc"); done
  if ((${#running[@]} > 0)); then
    # Rebuilding under a running service replaces its jars under its feet.
    warn "$why, but ${running[*]} still run the previous build: not rebuilding now; run 'platform restart' to pick up changes"
    return 0
  fi
  say "building the services ($why): $(basename "$(mvn_bin)") -B -q package -DskipTests"
  local t
  t=$(now)
  (cd "$REPO_DIR" && "$(mvn_bin)" -B -q package -DskipTests) || die "the build failed"
  touch "$STATE_DIR/build.stamp"
  info "built in $(elapsed "$t")s"
}

# The test stack's adjustable clock (platform-kit cn.cvp.kit.time, POST /api/test-clock/advance): on only for the
# stack `platform test` brings up for the end-to-end journeys (which move the clocks past a settlement period's end);
# always off for `platform up`, whatever the caller's environment says.
svc_test_clock() { [[ ${CVP_PLATFORM_TEST_STACK:-} == 1 ]] && printf true || printf false; }

svc_start() {
  local svc=$1 pid port db jar nice
  port=$(svc_port "$svc") db=$(svc_db "$svc") jar=$(svc_jar "$svc")
  if pid=$(svc_pid "$svc"); then
    info "$svc: already running (pid $pid)"
    return 0
  fi
  if port_open "$port"; then
    info "$svc: port $port is taken by another process ($(port_owner "$port")); using it as is"
    return 0
  fi
  [[ -f $jar ]] || die "$svc: ${jar#"$REPO_DIR"/} is missing"
  nice=$(svc_nice "$svc")
  [[ $nice =~ ^[0-9]+$ && $nice -le 19 ]] || die "CVP_BACK_OFFICE_NICE must be 0..19 (is '$nice')"
  if ((nice > 0)); then
    info "$svc: starting on http://localhost:$port (back office: CPU nice $nice)"
  else
    info "$svc: starting on http://localhost:$port"
  fi
  # `nice` for every thread of the JVM; the session's autogroup too (setsid gives each component one, and with
  # autogroups enabled the kernel shares the CPU between sessions first, by the session's own nice value).
  if [[ -z $db ]]; then
    # the console: Keycloak's realm for signing in (its confidential client's secret: the demo value of the
    # local realm file unless CONSOLE_CLIENT_SECRET says otherwise) and where the three services are
    start_bg "$svc" "$REPO_DIR/$svc" \
      "QUARKUS_HTTP_PORT=$port" \
      "OIDC_AUTH_SERVER_URL=$KC_ISSUER" \
      "CONSOLE_CLIENT_SECRET=${CONSOLE_CLIENT_SECRET:-cvp-console-demo-secret-local-only-0123456789}" \
      "VOUCHER_SERVICE_URL=http://localhost:$(svc_port voucher-service)" \
      "PROVIDER_SERVICE_URL=http://localhost:$(svc_port provider-service)" \
      "ALLOCATION_SERVICE_URL=http://localhost:$(svc_port allocation-service)" \
      -- java "-Xmx${CVP_CONSOLE_HEAP:-256m}" -jar "$jar"
    return 0
  fi
  [[ $(svc_test_clock) == true ]] && info "$svc: with the adjustable test clock (platform test only)"
  start_bg "$svc" "$REPO_DIR/$svc" \
    "QUARKUS_HTTP_PORT=$port" \
    "DB_URL=$(pg_url "$db")" "DB_USER=$db" "DB_PASSWORD=$db" \
    "KAFKA_BOOTSTRAP_SERVERS=localhost:$KAFKA_PORT" \
    "OIDC_AUTH_SERVER_URL=$KC_ISSUER" \
    "CVP_TEST_CLOCK_ENABLED=$(svc_test_clock)" \
    -- nice -n "$nice" java "-Xmx$SERVICE_HEAP" -jar "$jar"
  if ((nice > 0)) && pid=$(svc_pid "$svc") && [[ -w /proc/$pid/autogroup ]]; then
    echo "$nice" >"/proc/$pid/autogroup" 2>/dev/null || warn "$svc: could not set its autogroup's nice value to $nice"
  fi
}

svc_ready() { http_ok "$(svc_health_url "$1")"; }

svc_wait() {
  local svc=$1 pid=''
  pid=$(svc_pid "$svc") || true
  wait_ready "$svc" "$pid" "$SERVICE_TIMEOUT" svc_ready "$svc"
}

svc_down() {
  local svc=$1 pid
  if pid=$(svc_pid "$svc"); then
    stop_pid "$svc" "$pid" 30
  else
    info "$svc: not running (or not started by platform)"
  fi
}

svc_running() {
  local svc=$1 pid
  if pid=$(svc_pid "$svc"); then
    printf '%s|' "$pid"
    svc_ready "$svc" || printf 'not ready (%s)' "$(svc_health_url "$svc")"
  elif port_open "$(svc_port "$svc")"; then
    printf '|not started by platform'
  else
    return 1
  fi
}

svc_url() {
  local pid nice=''
  printf 'http://localhost:%s  (health /q/health/ready)' "$(svc_port "$1")"
  # the priority it runs at (its session's autogroup where the kernel has them), not the one `up` would give it now
  if pid=$(svc_pid "$1"); then
    if [[ -r /proc/$pid/autogroup ]]; then
      nice=$(awk '{ print $NF }' "/proc/$pid/autogroup")
    else
      nice=$(ps -o ni= -p "$pid" | tr -d ' ')
    fi
  fi
  [[ -n $nice && $nice != 0 ]] && printf '  back office, nice %s' "$nice"
  return 0
}
