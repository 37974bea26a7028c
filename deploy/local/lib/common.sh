# shellcheck shell=bash
# Shared helpers for deploy/local/platform: paths, messages, process bookkeeping, probes, fetching
# artifacts with Maven. Sourced, never executed.

DEPLOY_DIR=$(cd "$LOCAL_DIR/.." && pwd)
REPO_DIR=$(cd "$DEPLOY_DIR/.." && pwd)
RUN_DIR=${CVP_RUN_DIR:-$LOCAL_DIR/.run}
CACHE_DIR=$RUN_DIR/cache        # downloaded artifacts; kept by `platform reset`
LOG_DIR=$RUN_DIR/logs
PID_DIR=$RUN_DIR/pids
STATE_DIR=$RUN_DIR/state

# ---------------------------------------------------------------------------------------------
# messages

if [[ -t 1 && -z ${NO_COLOR:-} && ${CI:-} != true ]]; then
  _B=$'\e[1m' _R=$'\e[31m' _Y=$'\e[33m' _0=$'\e[0m'
else
  _B='' _R='' _Y='' _0=''
fi
say()  { printf '%s\n' "${_B}==>${_0} $*"; }
info() { printf '%s\n' "    $*"; }
warn() { printf '%s\n' "${_Y}warning:${_0} $*" >&2; }
err()  { printf '%s\n' "${_R}error:${_0} $*" >&2; }
die()  { err "$*"; exit 1; }

ensure_dirs() { mkdir -p "$CACHE_DIR" "$LOG_DIR" "$PID_DIR" "$STATE_DIR"; }

# One platform command at a time changes the stack (two `up`s racing would start things twice).
# lock_stack COMMAND-LINE...: re-runs this platform command under an exclusive lock on
# $RUN_DIR/.lock. `flock -o` keeps the lock out of the processes the command starts: a
# component inheriting it would hold the lock for as long as it runs.
lock_stack() {
  [[ -z ${CVP_STACK_LOCKED:-} ]] || return 0
  command -v flock >/dev/null 2>&1 || return 0
  ensure_dirs
  if ! flock -n "$RUN_DIR/.lock" true; then
    info "another platform command is changing the stack; waiting for it"
  fi
  export CVP_STACK_LOCKED=1
  exec flock -o -w 900 "$RUN_DIR/.lock" "$@"
}

# Seconds since the epoch with millisecond precision, for timings.
now() { date +%s.%N | cut -c1-14; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# ---------------------------------------------------------------------------------------------
# processes
#
# Every long-running component is started with setsid, so it leads its own process group whose id
# is its PID (recorded in $PID_DIR/<component>.pid). `down` signals that PID, waits for the whole
# group to go away, and kills the group if it does not. PID 1 on some machines never reaps
# orphans, so a process that has exited may linger as a zombie: zombies count as stopped.

pid_file() { printf '%s/%s.pid' "$PID_DIR" "$1"; }

# alive PID: the process exists and is not a zombie.
alive() {
  local st
  st=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
  [[ -n $st && $st != Z* ]]
}

# group_alive PGID: some non-zombie process is still in the group.
group_alive() {
  ps -e -o pgid=,stat= | awk -v g="$1" '$1 == g && $2 !~ /^Z/ { found = 1 } END { exit !found }'
}

# cmdline_has PID TEXT: guards against a recycled PID belonging to something else.
cmdline_has() {
  [[ -r /proc/$1/cmdline ]] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -qF -- "$2"
}

# recorded_pid COMPONENT MARKER: prints the recorded PID if that process still runs (and its
# command line contains MARKER); otherwise forgets the stale PID file and fails.
recorded_pid() {
  local f pid
  f=$(pid_file "$1")
  [[ -f $f ]] || return 1
  pid=$(<"$f")
  if [[ $pid =~ ^[0-9]+$ ]] && alive "$pid" && cmdline_has "$pid" "$2"; then
    printf '%s' "$pid"
    return 0
  fi
  rm -f "$f"
  return 1
}

# Keep the previous run's log as <component>.log.1; each start writes a fresh log, so readiness
# checks that read the log only see this run.
rotate_log() {
  local log=$LOG_DIR/$1.log
  if [[ -s $log ]]; then mv -f "$log" "$log.1"; fi
  : >"$log"
}

# start_bg COMPONENT WORKDIR [ENV=VALUE...] -- COMMAND...: starts COMMAND detached (own session,
# stdin from /dev/null, stdout+stderr to the component's log) and records its PID.
start_bg() {
  local comp=$1 workdir=$2 pid pgid
  shift 2
  local -a envs=()
  while [[ $# -gt 0 && $1 != -- ]]; do envs+=("$1"); shift; done
  shift
  rotate_log "$comp"
  (cd "$workdir" && exec env "${envs[@]}" setsid "$@" >>"$LOG_DIR/$comp.log" 2>&1 </dev/null) &
  pid=$!
  printf '%s\n' "$pid" >"$(pid_file "$comp")"
  # setsid only forks when the caller leads a process group (job control on); then $! is not the
  # process we want. Not expected here, but say so rather than record a wrong PID silently.
  sleep 0.1
  pgid=$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ') || true
  if [[ -n $pgid && $pgid != "$pid" ]]; then
    warn "$comp: PID $pid does not lead its own process group ($pgid)"
  fi
}

# stop_pid COMPONENT PID [TIMEOUT]: TERM the recorded process (kc.sh forwards TERM to its java
# child), wait for its whole process group to exit, KILL the group after TIMEOUT seconds.
stop_pid() {
  local comp=$1 pid=$2 timeout=${3:-30} start=$SECONDS pgid
  pgid=$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ') || true
  [[ $pgid == "$pid" ]] || pgid=''
  kill -TERM "$pid" 2>/dev/null || true
  while { alive "$pid" || { [[ -n $pgid ]] && group_alive "$pgid"; }; }; do
    if ((SECONDS - start >= timeout)); then
      warn "$comp did not stop within ${timeout}s; killing it"
      if [[ -n $pgid ]]; then kill -KILL -- "-$pgid" 2>/dev/null || true; else kill -KILL "$pid" 2>/dev/null || true; fi
      sleep 0.5
      break
    fi
    sleep 0.2
  done
  rm -f "$(pid_file "$comp")"
  info "$comp stopped (pid $pid, $((SECONDS - start))s)"
}

# ---------------------------------------------------------------------------------------------
# probes

# port_open PORT [HOST]: something accepts TCP connections there.
port_open() { (exec 3<>"/dev/tcp/${2:-127.0.0.1}/$1") 2>/dev/null; }

# http_status URL: prints the HTTP status code, 000 when nothing answers.
http_status() {
  if command -v curl >/dev/null 2>&1; then
    curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1" || true
    return 0
  fi
  # No curl on this machine: a bare HTTP/1.0 GET over bash's /dev/tcp is enough for a probe.
  local rest=${1#http://} hostport path host port line
  hostport=${rest%%/*}
  path=/${rest#*/}
  host=${hostport%%:*}
  port=${hostport##*:}
  line=$( (exec 3<>"/dev/tcp/$host/$port" &&
    printf 'GET %s HTTP/1.0\r\nHost: %s\r\n\r\n' "$path" "$hostport" >&3 &&
    IFS= read -r -t 5 l <&3 && printf '%s' "$l") 2>/dev/null) || true
  local _proto code
  read -r _proto code _ <<<"$line"
  printf '%s' "${code:-000}"
}

http_ok() { [[ $(http_status "$1") == 200 ]]; }

# port_owner PORT: best-effort description of the process listening on PORT.
port_owner() {
  command -v ss >/dev/null 2>&1 || return 0
  ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'users:(([^)]*' | head -1 | sed 's/users:((//'
}

# wait_ready COMPONENT PID TIMEOUT PROBE...: polls PROBE until it succeeds. Fails early when PID
# (if given) exits, and after TIMEOUT seconds; on failure shows the end of the component's log.
wait_ready() {
  local comp=$1 pid=$2 timeout=$3 start=$SECONDS
  shift 3
  until "$@"; do
    if [[ -n $pid ]] && ! alive "$pid"; then
      err "$comp exited during startup; last lines of $LOG_DIR/$comp.log:"
      tail -n 40 "$LOG_DIR/$comp.log" >&2 || true
      return 1
    fi
    if ((SECONDS - start >= timeout)); then
      err "$comp not ready after ${timeout}s; last lines of $LOG_DIR/$comp.log:"
      tail -n 40 "$LOG_DIR/$comp.log" >&2 || true
      return 1
    fi
    sleep 0.5
  done
}

# ---------------------------------------------------------------------------------------------
# fetching artifacts from Maven Central with the project's Maven

# shellcheck disable=SC2034 # used by the component scripts
DEPENDENCY_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1

mvn_bin() {
  if [[ -n ${CVP_MVN:-} ]]; then
    printf '%s' "$CVP_MVN"
  elif [[ -x $REPO_DIR/mvnw ]]; then
    printf '%s' "$REPO_DIR/mvnw"
  else
    printf 'mvn'
  fi
}

# run_maven WHAT ARGS...: runs Maven quietly (batch mode); on failure shows its output.
run_maven() {
  local what=$1 out
  shift
  out=$LOG_DIR/maven-fetch.log
  # Run from a throw-away directory: without a project, dependency:unpack writes its "already
  # unpacked" markers to ./${project.basedir}/target and would skip the artifact next time, even
  # when what it unpacked is gone.
  local scratch
  scratch=$(mktemp -d)
  if ! (cd "$scratch" && "$(mvn_bin)" -B -q "$@") >"$out" 2>&1; then
    rm -rf "$scratch"
    err "fetching $what with Maven failed ($(mvn_bin) $*):"
    tail -n 30 "$out" >&2
    return 1
  fi
  rm -rf "$scratch"
}

# A fetched directory carries a .fetched file naming what it holds, so that a version bump
# fetches again and an interrupted fetch is not mistaken for a complete one.
fetched() { [[ -f $1/.fetched && $(<"$1/.fetched") == "$2" ]]; }
mark_fetched() { printf '%s\n' "$2" >"$1/.fetched"; }
