#!/usr/bin/env bash
# Usage-intake benchmark against the RUNNING local stack (deploy/local/platform up):
# provider-demo posts usage batches of up to 1,000 records to provider-service from several concurrent
# clients, replays some of them, then the stored records are counted in provider-service's database.
# Ends with exactly one line on stdout:
#   usage-intake records_per_s=<n> p50_ms=<x> p99_ms=<y> stored=<n> duplicates=<n>
# records_per_s: new records accepted into durable storage (stored + outbox) per second of the timed
# phase; p50/p99: latency of one batch request; stored: rows of this run counted in the database
# afterwards; duplicates: records of this run stored more than once (must be 0; replays are answered
# DUPLICATE and store nothing).
#
# Prerequisites (created when missing): provider-demo registered and ACTIVE (admin-demo uses the
# administrator's accreditation shortcut), and an allocation of provider-demo that is HELD or ACTIVE with
# room for the run: when there is none, deploy/local/demo.sh is run once to make a 120,000 card-hour one
# through the real flow (voucher- and allocation-service up), and the records are accepted and captured
# downstream; else (BENCH_ALLOCATION=auto) a synthetic HELD allocation is written into provider-service's
# read model only -- intake accepts its records, allocation-service rejects them downstream as an unknown
# allocation. Intake is what is measured.
#
# Environment: BENCH_RECORDS (100000), BENCH_CLIENTS (4), BENCH_BATCH (1000), BENCH_REPLAY_BATCHES (4),
# BENCH_WARMUP_BATCHES (10: not timed; the timed run starts once the platform has decided them),
# CVP_PROVIDER_URL, CVP_KEYCLOAK_URL, PGHOST/PGPORT (localhost:5432; db/user/password provider).
# Progress goes to stderr.
set -euo pipefail

LOCAL_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
KEYCLOAK=${CVP_KEYCLOAK_URL:-http://localhost:8180}
PROVIDER=${CVP_PROVIDER_URL:-http://localhost:8082}
RECORDS=${BENCH_RECORDS:-100000}
CLIENTS=${BENCH_CLIENTS:-4}
BATCH=${BENCH_BATCH:-1000}
REPLAY=${BENCH_REPLAY_BATCHES:-4}
# auto: an allocation of provider-demo that is HELD/ACTIVE, else one made by demo.sh when the other services
# are up, else a synthetic one in provider-service's read model; real: never synthetic; synthetic: always.
ALLOCATION_MODE=${BENCH_ALLOCATION:-auto}
export PGHOST=${PGHOST:-localhost} PGPORT=${PGPORT:-5432} PGPASSWORD=${PGPASSWORD:-provider}

log() { echo "bench-usage: $*" >&2; }
die() { log "$*"; exit 1; }
for tool in curl jq java psql; do command -v $tool >/dev/null || die "needs $tool on the PATH"; done
curl -sf --max-time 5 -o /dev/null "$PROVIDER/q/health/ready" || die "provider-service is not up at $PROVIDER (deploy/local/platform up)"

token() { # password grant for a demo user (password = user name; demo realm only)
  curl -sf --max-time 30 -d grant_type=password -d client_id=cvp-cli -d "username=$1" -d "password=$1" \
    "$KEYCLOAK/realms/compute-voucher/protocol/openid-connect/token" | jq -r .access_token
}
# api TOKEN METHOD PATH [JSON] -> body on stdout, HTTP status in $STATUS_FILE
STATUS_FILE=$(mktemp); BODY_FILE=$(mktemp); WORK=$(mktemp -d)
trap 'rm -rf "$STATUS_FILE" "$BODY_FILE" "$WORK"' EXIT
api() {
  local args=(-s --max-time 120 -o "$BODY_FILE" -w '%{http_code}' -X "$2" -H "Authorization: Bearer $1" -H 'Content-Type: application/json')
  [[ -n ${4:-} ]] && args+=(-d "$4")
  curl "${args[@]}" "$PROVIDER$3" >"$STATUS_FILE"
  cat "$BODY_FILE"
}
status() { cat "$STATUS_FILE"; }

PROVIDER_TOKEN=$(token provider-demo) || die "no token for provider-demo from $KEYCLOAK"
ADMIN_TOKEN=$(token admin-demo) || die "no token for admin-demo from $KEYCLOAK"
ORG=$(jq -R 'split(".")[1] | gsub("-";"+") | gsub("_";"/") | @base64d | fromjson | .org_id' -r <<<"$PROVIDER_TOKEN" 2>/dev/null \
  || echo 91110105MA03PRD108)

# --- prerequisites: provider-demo registered and ACTIVE ---
ME=$(api "$PROVIDER_TOKEN" GET /api/providers/me)
if [[ $(status) == 404 ]]; then
  log "registering provider-demo ($ORG)"
  api "$PROVIDER_TOKEN" POST /api/providers "$(jq -n --arg cc "$ORG" '{name:"京算智能科技有限公司 (demo provider)",
    creditCode:$cc, region:"110105", yearsOperating:5, site:"北京市朝阳区酒仙桥路 10 号", privatelyInvested:true,
    relatedParties:[]}')" >/dev/null
  [[ $(status) == 201 ]] || die "registration failed: $(status) $(cat "$BODY_FILE")"
  ME=$(api "$PROVIDER_TOKEN" GET /api/providers/me)
fi
PROVIDER_ID=$(jq -r .id <<<"$ME")
case $(jq -r .status <<<"$ME") in
  ACTIVE) ;;
  REGISTERED|SELF_ASSESSED|VERIFYING|PUBLIC_NOTICE)
    log "listing provider-demo with the administrator's accreditation shortcut"
    api "$ADMIN_TOKEN" POST "/api/providers/$PROVIDER_ID/accreditation" '{"programmeMemberships":["BJ-AICV","SH-ICV"],"reason":"bench-usage"}' >/dev/null
    [[ $(status) == 200 ]] || die "accreditation failed: $(status) $(cat "$BODY_FILE")" ;;
  *) die "provider-demo is $(jq -r .status <<<"$ME"); it must be ACTIVE to report usage" ;;
esac

# --- prerequisites: an allocation of provider-demo open for usage ---
# The run reports ~0.5 card-hours a record: an allocation must have that much left, or it fills up (and completes,
# FULLY_USED) half-way and the rest of the run is refused.
NEEDED_CARD_HOURS=$(( (RECORDS + ${BENCH_WARMUP_BATCHES:-10} * BATCH) / 2 + 1000 ))
find_allocation() {
  api "$PROVIDER_TOKEN" GET "/api/allocations?size=500" | jq -c --argjson need "$NEEDED_CARD_HOURS" \
    '[.[] | select((.status == "HELD" or .status == "ACTIVE")
        and (.cardHours - ((.reportedCardHours // 0) | tonumber)) >= $need)] | sort_by(.updatedAt) | last // empty'
}
psql_provider() { psql -h "$PGHOST" -p "$PGPORT" -U provider -d provider -At -F ' ' -v ON_ERROR_STOP=1 -c "$1"; }
ALLOCATION=
[[ $ALLOCATION_MODE != synthetic ]] && ALLOCATION=$(find_allocation)
if [[ -z $ALLOCATION && $ALLOCATION_MODE != synthetic ]] \
   && curl -sf --max-time 5 -o /dev/null "${CVP_ALLOCATION_URL:-http://localhost:8083}/q/health/ready" \
   && curl -sf --max-time 5 -o /dev/null "${CVP_VOUCHER_URL:-http://localhost:8081}/q/health/ready"; then
  # 120,000 card-hours at ¥15 (a ¥1.8m contract, ¥360k of subsidy at 20 %) on a 512-card offering: room for two
  # runs; the enterprise's annual cap (¥2m) allows five such vouchers (then: deploy/local/platform reset)
  log "provider-demo has no HELD or ACTIVE allocation with $NEEDED_CARD_HOURS card-hours left:" \
      "running deploy/local/demo.sh once for a 120,000 card-hour voucher"
  DEMO_CARD_HOURS=120000 DEMO_OFFERING_UNITS=512 DEMO_AMOUNT_FEN=180000000 DEMO_WAIT_SECONDS=600 \
    "$LOCAL_DIR/demo.sh" >&2 || die "demo.sh failed; run 'deploy/local/platform demo' and retry"
  ALLOCATION=$(find_allocation)
fi
if [[ -z $ALLOCATION ]]; then
  [[ $ALLOCATION_MODE == real ]] && die "no HELD or ACTIVE allocation of provider-demo (run 'deploy/local/platform demo' first)"
  # Only provider-service's read model learns of it: intake accepts the records, allocation-service
  # will reject them downstream (unknown allocation). Intake throughput is what is measured.
  SYNTHETIC_ID=$(cat /proc/sys/kernel/random/uuid)
  log "no HELD or ACTIVE allocation of provider-demo and voucher/allocation-service not up:" \
      "using a synthetic HELD allocation $SYNTHETIC_ID in provider-service's read model only" \
      "(allocation-service will reject its usage downstream; intake is unaffected)"
  psql_provider "insert into provider_allocation (allocation_id, voucher_id, offering_id, offering_version, provider_id,
      enterprise_credit_code, resource_class, region, units, card_hours, unit_price_fen, amount_fen, window_start,
      window_end, status, hold_fen, created_at, updated_at)
    values ('$SYNTHETIC_ID', gen_random_uuid(), gen_random_uuid(), 1, '$PROVIDER_ID', '91110108MA01ENT1XN',
      'GPU_A800_80G', '110105', 8, 1000000, 1000, 1000000000, now() - interval '30 days', now() + interval '30 days',
      'HELD', 200000000, now(), now())" >/dev/null
  ALLOCATION=$(api "$PROVIDER_TOKEN" GET "/api/allocations/$SYNTHETIC_ID")
  [[ $(status) == 200 ]] || die "could not set up an allocation to report on"
fi
ALLOCATION_ID=$(jq -r .allocationId <<<"$ALLOCATION")
PRICE=$(jq -r '.unitPriceFen // 1000' <<<"$ALLOCATION")
log "reporting on allocation $ALLOCATION_ID ($(jq -r .status <<<"$ALLOCATION"), ${PRICE} fen per card-hour)"

RUN="bench-$(date -u +%Y%m%dT%H%M%S)-$$"

# --- the load generator: plain java.net.http, bodies prepared before the clock starts ---
cat >"$WORK/Bench.java" <<'JAVA'
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Bench {
    static final Pattern ACCEPTED = Pattern.compile("\"acceptedForProcessing\"\\s*:\\s*(\\d+)");
    static final Pattern DUPLICATES = Pattern.compile("\"duplicates\"\\s*:\\s*(\\d+)");
    static final Pattern REJECTED = Pattern.compile("\"rejected\"\\s*:\\s*(\\d+)");

    public static void main(String[] a) throws Exception {
        String url = a[0], token = a[1], allocation = a[2], run = a[5];
        long price = Long.parseLong(a[3]);
        int records = Integer.parseInt(a[4]), clients = Integer.parseInt(a[6]), batch = Integer.parseInt(a[7]);
        int replay = Integer.parseInt(a[8]);
        int batches = (records + batch - 1) / batch;
        OffsetDateTime end = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(5).truncatedTo(ChronoUnit.SECONDS);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(clients)).build();
        if (a.length > 9 && a[9].equals("warm-up")) {
            // warm-up: batches of their own, from the same clients (not timed, not counted; stored all the same)
            int warmBatches = Integer.parseInt(a[10]);
            ExecutorService warm = Executors.newFixedThreadPool(clients);
            List<Future<String>> sent = new ArrayList<>();
            for (int w = 0; w < warmBatches; w++) {
                byte[] body = body(run + "-warm" + w, allocation, price, batch, end)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                sent.add(warm.submit(() -> post(http, url, token, body)));
            }
            for (Future<String> f : sent) {
                f.get();
            }
            System.exit(0);
        }
        List<byte[]> bodies = new ArrayList<>(batches);
        for (int b = 0; b < batches; b++) {
            bodies.add(body(run + "-" + b, allocation, price, Math.min(batch, records - b * batch), end)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicLong accepted = new AtomicLong(), duplicates = new AtomicLong(), rejected = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                for (int b; (b = next.getAndIncrement()) < batches; ) {
                    long t0 = System.nanoTime();
                    String answer = post(http, url, token, bodies.get(b));
                    latencies.add(System.nanoTime() - t0);
                    accepted.addAndGet(count(ACCEPTED, answer));
                    duplicates.addAndGet(count(DUPLICATES, answer));
                    rejected.addAndGet(count(REJECTED, answer));
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        // replays of batches already stored, concurrently: answered DUPLICATE, nothing stored
        long replayed = 0, replayDuplicates = 0;
        List<Future<String>> replays = new ArrayList<>();
        for (int r = 0; r < Math.min(replay, batches); r++) {
            byte[] body = bodies.get(r);
            replays.add(pool.submit(() -> post(http, url, token, body)));
            replays.add(pool.submit(() -> post(http, url, token, body)));
        }
        for (Future<String> f : replays) {
            String answer = f.get();
            replayed += count(ACCEPTED, answer);
            replayDuplicates += count(DUPLICATES, answer);
        }
        pool.shutdownNow();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.err.printf("bench-usage: %d batches of up to %d records from %d clients in %.2f s: %d accepted for "
                        + "processing, %d duplicate, %d rejected; replays: %d re-accepted (must be 0), %d duplicate%n",
                batches, batch, clients, seconds, accepted.get(), duplicates.get(), rejected.get(), replayed,
                replayDuplicates);
        System.out.printf("%d %.1f %.1f %d%n", Math.round(accepted.get() / seconds), percentile(sorted, 50),
                percentile(sorted, 99), replayed);
        System.out.flush();
        System.exit(0); // the HTTP client's threads would keep the JVM alive
    }

    static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1))) / 1e6;
    }

    static long count(Pattern p, String answer) {
        Matcher m = p.matcher(answer);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** Posts a batch; answers the head of the response (the counts come first), not the per-record results. */
    static String post(HttpClient http, String url, String token, byte[] body) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        String head = new String(r.body(), 0, Math.min(r.body().length, 2048), java.nio.charset.StandardCharsets.UTF_8);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode() + ": " + head);
        }
        return head;
    }

    /** n records of one hour each, ending five minutes ago, 0.001–0.999 card-hours at the allocation's price. */
    static String body(String prefix, String allocation, long price, int n, OffsetDateTime end) {
        StringBuilder s = new StringBuilder(n * 300).append("{\"records\":[");
        String periodEnd = end.toString(), periodStart = end.minusHours(1).toString();
        for (int i = 0; i < n; i++) {
            int milli = i % 999 + 1;
            long amount = (milli * price + 500) / 1000;
            if (i > 0) {
                s.append(',');
            }
            s.append("{\"recordId\":\"").append(prefix).append('-').append(i)
                    .append("\",\"allocationId\":\"").append(allocation)
                    .append("\",\"periodStart\":\"").append(periodStart)
                    .append("\",\"periodEnd\":\"").append(periodEnd)
                    .append("\",\"units\":").append(String.format("0.%03d", milli))
                    .append(",\"unitPriceFen\":").append(price)
                    .append(",\"amountFen\":").append(amount)
                    .append(",\"deliveryCertificateRef\":\"DC-").append(prefix).append('-').append(i).append("\"}");
        }
        return s.append("]}").toString();
    }
}
JAVA

# Warm-up: the services' JIT compilers and caches warm up on WARM_BATCHES batches of their own; the timed run
# starts once the platform has decided all of them (allocation-service validated each record and provider-service
# recorded the decision), so the timed run measures the steady state: intake while the rest of the stack processes
# the timed records themselves, not a backlog left over from the warm-up.
WARM_BATCHES=${BENCH_WARMUP_BATCHES:-10}
log "warming up: $WARM_BATCHES batches of $BATCH records, then waiting until the platform has decided them"
java -Xmx512m "$WORK/Bench.java" "$PROVIDER/api/usage-reports" "$PROVIDER_TOKEN" "$ALLOCATION_ID" "$PRICE" "$RECORDS" \
  "$RUN" "$CLIENTS" "$BATCH" "$REPLAY" warm-up "$WARM_BATCHES" || die "the warm-up failed"
undecided=0
curl -sf --max-time 5 -o /dev/null "${CVP_ALLOCATION_URL:-http://localhost:8083}/q/health/ready" || i=600 # nobody decides them
for ((i = ${i:-0}; i < 600; i++)); do
  undecided=$(psql_provider "select count(*) from usage_report where provider_id = '$PROVIDER_ID' and status = 'RECEIVED'")
  ((undecided == 0)) && break
  ((i % 10 == 0)) && log "  $undecided usage reports not decided yet"
  sleep 1
done
((undecided == 0)) || log "  still $undecided undecided after 600 s; timing anyway (is allocation-service up?)"

# The CPU priority each local service runs at is part of the figure (deploy/README.md, "CPU priority"): say it.
priorities=''
for svc in voucher-service provider-service allocation-service; do
  pid=$(pgrep -f "$svc/target/quarkus-app/quarkus-run.jar" | head -1) || true
  [[ -n $pid ]] || continue
  if [[ -r /proc/$pid/autogroup ]]; then nice=$(awk '{ print $NF }' "/proc/$pid/autogroup"); else nice=$(ps -o ni= -p "$pid" | tr -d ' '); fi
  priorities+=" $svc=$nice"
done
[[ -n $priorities ]] && log "CPU priority (nice) of the local services:$priorities"
log "posting $RECORDS records in batches of $BATCH from $CLIENTS clients (run $RUN)"
read -r RATE P50 P99 REACCEPTED < <(java -Xmx512m "$WORK/Bench.java" "$PROVIDER/api/usage-reports" "$PROVIDER_TOKEN" \
  "$ALLOCATION_ID" "$PRICE" "$RECORDS" "$RUN" "$CLIENTS" "$BATCH" "$REPLAY")
[[ -n ${RATE:-} ]] || die "the load generator failed (see above)"

# warm-up batches are stored too: count only the timed run's record ids (run-<batch>-<i>)
read -r STORED DISTINCT < <(psql_provider "select count(*), count(distinct record_id) from usage_report where provider_id = '$PROVIDER_ID'
     and record_id like '$RUN-%' and record_id not like '$RUN-warm%'")
DUPLICATES=$((STORED - DISTINCT + REACCEPTED))
echo "usage-intake records_per_s=$RATE p50_ms=$P50 p99_ms=$P99 stored=$STORED duplicates=$DUPLICATES"
