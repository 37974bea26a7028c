# shellcheck shell=bash
# Keycloak for the local stack: the Quarkus distribution from Maven Central in dev mode (H2 data
# under its data/ directory), with the compute-voucher realm imported from deploy/keycloak.

KC_VERSION=26.7.3
KC_GAV=org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip
KC_PORT=${CVP_KC_PORT:-8180}
KC_REALM=compute-voucher
KC_REALM_FILE=$DEPLOY_DIR/keycloak/$KC_REALM-realm.json
KC_BASE=$RUN_DIR/keycloak
KC_HOME=$KC_BASE/keycloak-$KC_VERSION
KC_HEAP=${CVP_KC_HEAP:-512m}
KC_ISSUER=http://localhost:$KC_PORT/realms/$KC_REALM

keycloak_fetch() {
  fetched "$KC_HOME" "$KC_GAV" && return 0
  say "fetching Keycloak $KC_VERSION ($KC_GAV, ~177 MB; first run only)"
  rm -rf "$KC_HOME"
  mkdir -p "$KC_BASE"
  run_maven "Keycloak" "$DEPENDENCY_PLUGIN:unpack" "-Dartifact=$KC_GAV" "-DoutputDirectory=$KC_BASE"
  [[ -f $KC_HOME/bin/kc.sh ]] || die "keycloak: $KC_HOME/bin/kc.sh missing after unpacking $KC_GAV"
  chmod +x "$KC_HOME"/bin/*.sh
  mark_fetched "$KC_HOME" "$KC_GAV"
}

keycloak_pid() { recorded_pid keycloak "$KC_HOME"; }

# Keycloak imports a realm only if it does not exist yet. When the realm file has changed since
# the last import, drop the dev-mode H2 database so that the realm is imported afresh (this also
# forgets anything changed through the admin console).
keycloak_sync_realm() {
  local sum old=''
  sum=$(sha256sum "$KC_REALM_FILE" | cut -d' ' -f1)
  [[ -f $STATE_DIR/keycloak-realm.sha256 ]] && old=$(<"$STATE_DIR/keycloak-realm.sha256")
  if [[ -d $KC_HOME/data/h2 && $sum != "$old" ]]; then
    info "keycloak: $(basename "$KC_REALM_FILE") changed since the last import: resetting Keycloak's data to re-import it"
    rm -rf "$KC_HOME/data/h2"
  fi
  mkdir -p "$KC_HOME/data/import"
  cp "$KC_REALM_FILE" "$KC_HOME/data/import/"
  printf '%s\n' "$sum" >"$STATE_DIR/keycloak-realm.sha256"
}

keycloak_realm_stale() {
  local old=''
  [[ -f $STATE_DIR/keycloak-realm.sha256 ]] && old=$(<"$STATE_DIR/keycloak-realm.sha256")
  [[ $(sha256sum "$KC_REALM_FILE" | cut -d' ' -f1) != "$old" ]]
}

keycloak_start() {
  local pid
  if pid=$(keycloak_pid); then
    info "keycloak: already running (pid $pid)"
    if keycloak_realm_stale; then
      warn "keycloak: the realm file changed since this Keycloak imported it; run 'platform restart keycloak' to re-import"
    fi
    return 0
  fi
  if port_open "$KC_PORT"; then
    info "keycloak: port $KC_PORT is taken by another process ($(port_owner "$KC_PORT")); using it as is"
    return 0
  fi
  keycloak_fetch
  keycloak_sync_realm
  local first=''
  [[ -f $KC_HOME/.dev-mode-built ]] || first=' (the first start builds Keycloak for dev mode: ~30 s more)'
  info "keycloak: starting Keycloak $KC_VERSION on http://localhost:$KC_PORT$first"
  # kc.sh forwards TERM to its java child, so kc.sh itself is the process we record and signal.
  # The heap goes through JAVA_OPTS_KC_HEAP: setting JAVA_OPTS would drop kc.sh's other defaults.
  # The fixed hostname makes the issuer http://localhost:$KC_PORT/... whichever name a client uses.
  # DEMO ONLY: the bootstrap admin defaults to admin/admin on this local, loopback-only server.
  start_bg keycloak "$KC_HOME" \
    "KC_BOOTSTRAP_ADMIN_USERNAME=${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}" \
    "KC_BOOTSTRAP_ADMIN_PASSWORD=${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}" \
    "JAVA_OPTS_KC_HEAP=-Xms64m -Xmx$KC_HEAP" \
    -- "$KC_HOME/bin/kc.sh" start-dev --http-port="$KC_PORT" --hostname="http://localhost:$KC_PORT" \
    --import-realm
}

keycloak_ready() { http_ok "$KC_ISSUER/.well-known/openid-configuration"; }

keycloak_wait() {
  local pid=''
  pid=$(keycloak_pid) || true
  wait_ready keycloak "$pid" "${CVP_KC_TIMEOUT:-240}" keycloak_ready
  if [[ -n $pid ]]; then touch "$KC_HOME/.dev-mode-built"; fi
}

keycloak_down() {
  local pid
  if pid=$(keycloak_pid); then
    stop_pid keycloak "$pid" 45
  else
    info "keycloak: not running (or not started by platform)"
  fi
}

keycloak_running() {
  local pid
  if pid=$(keycloak_pid); then
    printf '%s|realm %s; admin console http://localhost:%s/admin' "$pid" "$KC_REALM" "$KC_PORT"
  elif port_open "$KC_PORT"; then
    printf '|not started by platform'
  else
    return 1
  fi
}

keycloak_url() { printf 'http://localhost:%s  (issuer %s)' "$KC_PORT" "$KC_ISSUER"; }
