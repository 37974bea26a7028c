package cn.cvp.provider.usage.api;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.problem.ProblemException;
import cn.cvp.kit.testing.LocalInfraResource;
import cn.cvp.provider.allocation.messaging.AllocationEventsConsumer;
import cn.cvp.provider.support.AllocationEventJson;
import cn.cvp.provider.support.Db;
import cn.cvp.kit.testing.EventSchemas;
import cn.cvp.provider.support.Fixtures;
import cn.cvp.provider.support.KafkaTopics;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.cvp.provider.support.Orgs.PROVIDER_DEMO;
import static cn.cvp.provider.support.Orgs.PROVIDER_OTHER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
@TestSecurity(user = "prd-demo", roles = "provider")
@OidcSecurity(claims = @Claim(key = "org_id", value = PROVIDER_DEMO))
class UsageReportResourceTest {
    private static final long PRICE = 1_200;

    @Inject
    Db db;
    @Inject
    Fixtures fixtures;
    @Inject
    AllocationEventsConsumer decisions;

    /** A valid record: so many card-hours delivered yesterday on the allocation, at PRICE per card-hour. */
    static Map<String, Object> record(String recordId, UUID allocationId, String units) {
        OffsetDateTime end = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(2).withNano(0);
        Map<String, Object> r = new HashMap<>();
        r.put("recordId", recordId);
        r.put("allocationId", allocationId.toString());
        r.put("periodStart", end.minusHours(24).toString());
        r.put("periodEnd", end.toString());
        r.put("units", new BigDecimal(units));
        r.put("unitPriceFen", PRICE);
        r.put("amountFen", new BigDecimal(units).multiply(BigDecimal.valueOf(PRICE)).setScale(0, RoundingMode.HALF_UP).longValueExact());
        r.put("deliveryCertificateRef", "DC-" + recordId);
        return r;
    }

    public static List<Map<String, Object>> records(String prefix, UUID allocationId, int n) {
        List<Map<String, Object>> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            records.add(record(prefix + "-" + i, allocationId, (i % 7 + 1) + "." + (i % 1000)));
        }
        return records;
    }

    static Response submit(List<Map<String, Object>> records) {
        return given().contentType("application/json").body(Map.of("records", records))
                .when().post("/api/usage-reports");
    }

    private long stored(String recordIdPrefix) {
        return db.count("select count(*) from usage_report where record_id like ?", recordIdPrefix + "-%");
    }

    private long outboxed(String recordIdPrefix) {
        return db.count("select count(*) from outbox_event where event_type = 'usage.reported.v1' and payload like ?",
                "%\"recordId\":\"" + recordIdPrefix + "-%");
    }

    @Test
    void storesABatchAndPublishesEachRecordOnce() {
        UUID providerId = fixtures.active(PROVIDER_DEMO);
        UUID allocationId = fixtures.heldAllocation(providerId, PRICE);
        String prefix = "happy-" + UUID.randomUUID();

        Response response = submit(List.of(record(prefix + "-0", allocationId, "10"),
                record(prefix + "-1", allocationId, "2.5"), record(prefix + "-2", allocationId, "0.125")));
        response.then().statusCode(200)
                .body("received", is(3))
                .body("acceptedForProcessing", is(3))
                .body("results.status", everyItem(is("ACCEPTED_FOR_PROCESSING")))
                .body("results.code", everyItem(nullValue()))
                .body("results[0].recordId", is(prefix + "-0"));
        String reportId = response.path("results[1].usageReportId");

        given().when().get("/api/usage-reports/" + reportId).then().statusCode(200)
                .body("status", is("RECEIVED"))
                .body("recordId", is(prefix + "-1"))
                .body("units", is(2.5f))
                .body("amountFen", is(3_000))
                .body("allocationId", is(allocationId.toString()));

        List<String> outbox = db.outbox("usage.reported.v1", allocationId);
        assertThat(outbox).hasSize(3);
        outbox.forEach(json -> EventSchemas.assertValidEvent("usage.reported.v1", "/provider-service", json));

        List<ConsumerRecord<String, String>> published = KafkaTopics.read("usage.events",
                r -> r.value().contains(prefix), 3, Duration.ofSeconds(30), Duration.ofMillis(500));
        assertThat(published).hasSize(3).allSatisfy(r -> assertThat(r.key()).isEqualTo(allocationId.toString()));
        JsonNode event = EventSchemas.assertValidEvent("usage.reported.v1", "/provider-service", published.stream()
                .filter(r -> r.value().contains(reportId)).findFirst().orElseThrow().value());
        assertThat(event.at("/data/units").asText()).isEqualTo("2.5");
        assertThat(event.at("/data/amountFen").asLong()).isEqualTo(3_000);
        assertThat(event.at("/data/providerId").asText()).isEqualTo(providerId.toString());
        assertThat(event.at("/data/correctsUsageReportId").isNull()).isTrue();

        given().when().get("/api/allocations/" + allocationId).then().statusCode(200)
                .body("usageReports", is(3))
                .body("reportedCardHours", is(12.625f))
                .body("reportedAmountFen", is(15_150));
        assertThat(db.count("select count(*) from audit_log where action = 'USAGE_REPORTED' and (after_state -> 'stored') ->> ? is not null",
                prefix + "-0")).isEqualTo(1);
    }

    @Test
    void aReplayedBatchIsStoredAndPublishedOnceEvenWhenConcurrent() throws Exception {
        UUID providerId = fixtures.active(PROVIDER_DEMO);
        UUID allocationId = fixtures.heldAllocation(providerId, PRICE);

        // ten replays one after another
        String sequential = "seq-" + UUID.randomUUID();
        List<Map<String, Object>> batch = records(sequential, allocationId, 50);
        List<String> firstIds = submit(batch).then().statusCode(200)
                .body("acceptedForProcessing", is(50)).extract().path("results.usageReportId");
        for (int i = 0; i < 10; i++) {
            submit(batch).then().statusCode(200)
                    .body("duplicates", is(50))
                    .body("results.status", everyItem(is("DUPLICATE")))
                    .body("results.usageReportId", is(firstIds));
        }

        // ten identical first submissions at the same time
        String concurrent = "conc-" + UUID.randomUUID();
        List<Map<String, Object>> same = records(concurrent, allocationId, 50);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                Callable<Response> call = () -> submit(same);
                answers.add(pool.submit(call));
            }
            Map<String, Set<String>> idsByRecord = new HashMap<>();
            int accepted = 0;
            for (Future<Response> answer : answers) {
                Response r = answer.get();
                assertThat(r.statusCode()).isEqualTo(200);
                List<Map<String, Object>> results = r.path("results");
                for (Map<String, Object> result : results) {
                    assertThat(result.get("status")).isIn("ACCEPTED_FOR_PROCESSING", "DUPLICATE");
                    if ("ACCEPTED_FOR_PROCESSING".equals(result.get("status"))) {
                        accepted++;
                    }
                    idsByRecord.computeIfAbsent((String) result.get("recordId"), k -> new HashSet<>())
                            .add((String) result.get("usageReportId"));
                }
            }
            assertThat(accepted).isEqualTo(50);
            assertThat(idsByRecord).hasSize(50).allSatisfy((recordId, ids) -> assertThat(ids).hasSize(1));
        } finally {
            pool.shutdownNow();
        }

        assertThat(stored(sequential)).isEqualTo(50);
        assertThat(stored(concurrent)).isEqualTo(50);
        assertThat(outboxed(sequential)).isEqualTo(50);
        assertThat(outboxed(concurrent)).isEqualTo(50);
        List<ConsumerRecord<String, String>> published = KafkaTopics.read("usage.events",
                r -> r.value().contains(sequential) || r.value().contains(concurrent), 100,
                Duration.ofSeconds(60), Duration.ofSeconds(2));
        assertThat(published).hasSize(100);
    }

    @Test
    void correctionsAreNewVersionsThatKeepTheHistory() {
        UUID providerId = fixtures.active(PROVIDER_DEMO);
        UUID allocationId = fixtures.heldAllocation(providerId, PRICE);
        String prefix = "corr-" + UUID.randomUUID();
        Map<String, Object> original = record(prefix + "-0", allocationId, "10");
        String v1 = submit(List.of(original)).then().statusCode(200).extract().path("results[0].usageReportId");

        Map<String, Object> correction = new HashMap<>(original);
        correction.remove("recordId");
        correction.remove("allocationId");
        correction.put("units", new BigDecimal("8"));
        correction.put("amountFen", 8 * PRICE);
        correction.put("reason", "计量系统重复计时");
        Response created = given().contentType("application/json").body(correction)
                .when().post("/api/usage-reports/" + v1 + "/corrections");
        created.then().statusCode(201)
                .body("version", is(2))
                .body("correctsUsageReportId", is(v1))
                .body("recordId", is(prefix + "-0"))
                .body("status", is("RECEIVED"))
                .body("amountFen", is((int) (8 * PRICE)));
        String v2 = created.path("id");
        // a replay answers the same correction; correcting the old version again is stale
        given().contentType("application/json").body(correction)
                .when().post("/api/usage-reports/" + v1 + "/corrections")
                .then().statusCode(200).body("id", is(v2));
        correction.put("units", new BigDecimal("7"));
        correction.put("amountFen", 7 * PRICE);
        given().contentType("application/json").body(correction)
                .when().post("/api/usage-reports/" + v1 + "/corrections")
                .then().statusCode(409).body("code", is("STALE_CORRECTION")).body("latestUsageReportId", is(v2));
        correction.put("amountFen", 7 * PRICE + 1);
        given().contentType("application/json").body(correction)
                .when().post("/api/usage-reports/" + v2 + "/corrections")
                .then().statusCode(422).body("code", is("AMOUNT_MISMATCH"));

        // the history: both versions, the first unchanged
        given().when().get("/api/usage-reports?recordId=" + prefix + "-0").then().statusCode(200)
                .body("id", containsInAnyOrder(v1, v2));
        given().when().get("/api/usage-reports/" + v1).then().body("amountFen", is((int) (10 * PRICE)));
        List<String> events = db.outbox("usage.reported.v1", allocationId);
        assertThat(events).hasSize(2);
        JsonNode event = EventSchemas.assertValidEvent("usage.reported.v1", "/provider-service", events.get(1));
        assertThat(event.at("/data/version").asInt()).isEqualTo(2);
        assertThat(event.at("/data/correctsUsageReportId").asText()).isEqualTo(v1);
        submit(List.of(record(prefix + "-1", allocationId, "1"))).then().statusCode(200);
        given().when().get("/api/usage-reports?allocationId=" + allocationId + "&size=2&page=0").then().statusCode(200)
                .body("size()", is(2));
        given().when().get("/api/usage-reports?allocationId=" + allocationId + "&status=ACCEPTED").then()
                .statusCode(200).body("size()", is(0));
        given().when().get("/api/usage-reports?status=NOPE").then().statusCode(400)
                .body("code", is("UNKNOWN_ENUM_VALUE"));
    }

    @Test
    void checksEveryRecordOnItsOwn() {
        UUID providerId = fixtures.active(PROVIDER_DEMO);
        UUID other = fixtures.active(PROVIDER_OTHER);
        UUID allocationId = fixtures.heldAllocation(providerId, PRICE);
        UUID proposed = fixtures.proposedAllocation(providerId, PRICE);
        UUID othersAllocation = fixtures.heldAllocation(other, PRICE);
        String p = "check-" + UUID.randomUUID();

        Map<String, Object> wrongAmount = record(p + "-amount", allocationId, "10");
        wrongAmount.put("amountFen", 12_001);
        Map<String, Object> fourDecimals = record(p + "-scale", allocationId, "1");
        fourDecimals.put("units", new BigDecimal("1.0005"));
        fourDecimals.put("amountFen", 1_201);
        Map<String, Object> negative = record(p + "-negative", allocationId, "1");
        negative.put("units", new BigDecimal("-1"));
        negative.put("amountFen", -1_200);
        Map<String, Object> future = record(p + "-future", allocationId, "1");
        future.put("periodEnd", OffsetDateTime.now().plusHours(3).toString());
        Map<String, Object> tooLong = record(p + "-long", allocationId, "1");
        tooLong.put("periodStart", OffsetDateTime.now().minusDays(40).toString());
        Map<String, Object> backwards = record(p + "-backwards", allocationId, "1");
        backwards.put("periodStart", OffsetDateTime.now().minusHours(1).toString());
        backwards.put("periodEnd", OffsetDateTime.now().minusHours(3).toString());
        Map<String, Object> incomplete = record(p + "-incomplete", allocationId, "1");
        incomplete.remove("deliveryCertificateRef");

        submit(List.of(
                record(p + "-ok", allocationId, "1.5"),
                wrongAmount, fourDecimals, negative, future, tooLong, backwards, incomplete,
                record(p + "-unknown", UUID.randomUUID(), "1"),
                record(p + "-others", othersAllocation, "1"),
                record(p + "-proposed", proposed, "1")))
                .then().statusCode(200)
                .body("received", is(11))
                .body("acceptedForProcessing", is(1))
                .body("rejected", is(10))
                .body("results.code", is(java.util.Arrays.asList(null, "AMOUNT_MISMATCH", "INVALID_UNITS",
                        "INVALID_UNITS", "INVALID_PERIOD", "INVALID_PERIOD", "INVALID_PERIOD", "INCOMPLETE_RECORD",
                        "ALLOCATION_NOT_FOUND", "ALLOCATION_NOT_FOUND", "ALLOCATION_NOT_BILLABLE")))
                .body("results[1].message", startsWith("amountFen must be units × unitPriceFen"));
        assertThat(stored(p)).isEqualTo(1);
        assertThat(outboxed(p)).isEqualTo(1);

        given().contentType("application/json").header("Accept-Language", "zh-CN")
                .body(Map.of("records", List.of(record(p + "-unknown", UUID.randomUUID(), "1"))))
                .when().post("/api/usage-reports")
                .then().statusCode(200).body("results[0].message", startsWith("未找到分配"));
    }

    @Test
    void amountsRoundHalfUpToTheFen() {
        UUID providerId = fixtures.active(PROVIDER_DEMO);
        UUID allocationId = fixtures.heldAllocation(providerId, PRICE);
        String p = "round-" + UUID.randomUUID();
        Map<String, Object> half = record(p + "-half", allocationId, "1");
        half.put("units", new BigDecimal("0.005"));
        half.put("unitPriceFen", 100);
        half.put("amountFen", 1);
        Map<String, Object> truncated = record(p + "-down", allocationId, "1");
        truncated.put("units", new BigDecimal("0.005"));
        truncated.put("unitPriceFen", 100);
        truncated.put("amountFen", 0);
        submit(List.of(half, truncated)).then().statusCode(200)
                .body("results.status", is(List.of("ACCEPTED_FOR_PROCESSING", "REJECTED")))
                .body("results[1].code", is("AMOUNT_MISMATCH"));
    }

    @Test
    void theSameRecordIdWithOtherContentIsAConflict() {
        UUID providerId = fixtures.active(PROVIDER_DEMO);
        UUID allocationId = fixtures.heldAllocation(providerId, PRICE);
        String p = "conflict-" + UUID.randomUUID();
        String id = submit(List.of(record(p + "-0", allocationId, "3"))).then().statusCode(200)
                .extract().path("results[0].usageReportId");

        Map<String, Object> changed = record(p + "-0", allocationId, "4");
        submit(List.of(changed)).then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", is("RECORD_CONFLICT"))
                .body("usageReportId", is(id));

        submit(List.of(changed, record(p + "-1", allocationId, "1"))).then().statusCode(200)
                .body("results[0].status", is("REJECTED"))
                .body("results[0].code", is("RECORD_CONFLICT"))
                .body("results[1].status", is("ACCEPTED_FOR_PROCESSING"));

        // the same record id twice in one batch: the first is taken, an identical copy is a duplicate, another version a conflict
        submit(List.of(record(p + "-2", allocationId, "1"), record(p + "-2", allocationId, "1"),
                record(p + "-2", allocationId, "2"))).then().statusCode(200)
                .body("results.status", is(List.of("ACCEPTED_FOR_PROCESSING", "DUPLICATE", "REJECTED")))
                .body("results[2].code", is("RECORD_CONFLICT"));

        assertThat(db.strings("select units::text from usage_report where record_id = ?", p + "-0")).containsExactly("3.000");
        assertThat(stored(p)).isEqualTo(3);
        assertThat(outboxed(p)).isEqualTo(3);
    }

    @Test
    void refusesBatchesOverTheLimitAndEmptyOnes() {
        UUID providerId = fixtures.active(PROVIDER_DEMO);
        UUID allocationId = fixtures.heldAllocation(providerId, PRICE);
        String p = "big-" + UUID.randomUUID();
        submit(records(p, allocationId, 1_001)).then().statusCode(413)
                .contentType("application/problem+json")
                .body("code", is("BATCH_TOO_LARGE"))
                .body("limit", is(1_000))
                .body("size", is(1_001));
        assertThat(stored(p)).isZero();

        given().contentType("application/json").body(Map.of("records", List.of())).when().post("/api/usage-reports")
                .then().statusCode(400).body("code", is("VALIDATION_FAILED"));
        given().contentType("application/json").body("{\"records\": [{\"allocationId\": \"not-a-uuid\"}]}")
                .when().post("/api/usage-reports")
                .then().statusCode(400).body("code", is("INVALID_FORMAT"));
    }

    @Test
    void takesAThousandRecordsInOneBatch() {
        UUID providerId = fixtures.active(PROVIDER_DEMO);
        UUID allocationId = fixtures.heldAllocation(providerId, PRICE);
        // warm up the path once, then measure
        submit(records("warm-" + UUID.randomUUID(), allocationId, 1_000)).then().statusCode(200);
        String p = "thousand-" + UUID.randomUUID();
        List<Map<String, Object>> batch = records(p, allocationId, 1_000);
        long started = System.nanoTime();
        submit(batch).then().statusCode(200).body("acceptedForProcessing", is(1_000));
        long firstMs = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        submit(batch).then().statusCode(200).body("duplicates", is(1_000));
        long replayMs = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("usage intake: 1,000 new records in %d ms (%.0f records/s), replayed in %d ms%n",
                firstMs, 1_000_000.0 / Math.max(firstMs, 1), replayMs);
        assertThat(stored(p)).isEqualTo(1_000);
        assertThat(outboxed(p)).isEqualTo(1_000);
    }

    @Test
    void showsAllocationServicesDecisionsOnReports() {
        UUID providerId = fixtures.active(PROVIDER_DEMO);
        UUID allocationId = fixtures.heldAllocation(providerId, PRICE);
        String p = "decided-" + UUID.randomUUID();
        List<String> ids = submit(List.of(record(p + "-0", allocationId, "10"), record(p + "-1", allocationId, "5")))
                .then().statusCode(200).extract().path("results.usageReportId");

        KafkaTopics.send("allocation.events", allocationId.toString(), AllocationEventJson.usageAccepted(
                UUID.fromString(ids.get(0)), allocationId, providerId, "10", 12_000, 2_400, List.of("NIGHT_SPIKE")));
        KafkaTopics.send("allocation.events", allocationId.toString(), AllocationEventJson.usageRejected(
                UUID.fromString(ids.get(1)), allocationId, providerId, "PRICE_MISMATCH", "contracted price is 1100"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                db.count("select count(*) from usage_report where record_id like ? and status <> 'RECEIVED'", p + "-%") == 2);

        given().when().get("/api/usage-reports/" + ids.get(0)).then().statusCode(200)
                .body("status", is("ACCEPTED"))
                .body("subsidyFen", is(2_400))
                .body("flags", is(List.of("NIGHT_SPIKE")));
        given().when().get("/api/usage-reports/" + ids.get(1)).then().statusCode(200)
                .body("status", is("REJECTED"))
                .body("rejectionReason", is("PRICE_MISMATCH"))
                .body("rejectionDetail", is("contracted price is 1100"));
        given().when().get("/api/allocations/" + allocationId).then().statusCode(200)
                .body("usageReports", is(2))
                .body("reportedCardHours", is(15.0f))
                .body("reportedAmountFen", is(18_000))
                .body("acceptedCardHours", is(10.0f))
                .body("acceptedAmountFen", is(12_000));
        assertThat(db.strings("select action from audit_log where target_type = 'UsageReport' and target_id in (?, ?) order by action",
                ids.get(0), ids.get(1))).containsExactly("USAGE_ACCEPTED", "USAGE_REJECTED");
    }

    @Test
    void aRunOfDecisionsIsAppliedInOrderOnceEachAndNeverReversed() {
        UUID providerId = fixtures.active(PROVIDER_DEMO);
        UUID allocationId = fixtures.heldAllocation(providerId, PRICE);
        String p = "run-" + UUID.randomUUID();
        List<UUID> ids = submit(List.of(record(p + "-0", allocationId, "10"), record(p + "-1", allocationId, "5"),
                record(p + "-2", allocationId, "2"))).then().statusCode(200).extract()
                .<List<String>>path("results.usageReportId").stream().map(UUID::fromString).toList();
        String accepted0 = AllocationEventJson.usageAccepted(ids.get(0), allocationId, providerId, "10", 12_000, 2_400,
                List.of());
        decisions.apply(List.of(
                accepted0,
                accepted0, // redelivered within the run
                AllocationEventJson.usageRejected(ids.get(1), allocationId, providerId, "PRICE_MISMATCH",
                        "contracted price is 1100"),
                AllocationEventJson.usageAccepted(ids.get(0), allocationId, providerId, "10", 12_000,
                        2_400, List.of()), // the same decision under another event id
                AllocationEventJson.usageAccepted(ids.get(2), allocationId, providerId, "2", 2_400, 480,
                        List.of("NIGHT_SPIKE")),
                AllocationEventJson.usageAccepted(UUID.randomUUID(), allocationId, providerId, "1", 1_200,
                        240, List.of()))); // about a report this service never received: skipped

        assertThat(db.strings("""
                select status || ' ' || coalesce(subsidy_fen::text, rejection_reason) || ' ' || row_version
                from usage_report where id in (?, ?, ?) order by record_id""", ids.get(0), ids.get(1), ids.get(2)))
                .containsExactly("ACCEPTED 2400 1", "REJECTED PRICE_MISMATCH 1", "ACCEPTED 480 1");
        given().when().get("/api/usage-reports/" + ids.get(2)).then().statusCode(200)
                .body("flags", is(List.of("NIGHT_SPIKE"))).body("acceptedUnits", is(2.0f));
        assertThat(db.strings("""
                select action || ' ' || (before_state ->> 'status') || ' -> ' || (after_state ->> 'status')
                from audit_log where target_type = 'UsageReport' and target_id in (?, ?, ?) order by id""",
                ids.get(0).toString(), ids.get(1).toString(), ids.get(2).toString())).containsExactly("USAGE_ACCEPTED RECEIVED -> ACCEPTED",
                "USAGE_REJECTED RECEIVED -> REJECTED", "USAGE_ACCEPTED RECEIVED -> ACCEPTED");

        // a decision the other way round is refused, and the run it came in changes nothing
        String rejectAccepted = AllocationEventJson.usageRejected(ids.get(0), allocationId, providerId, "LATE", "reported too late");
        assertThatThrownBy(() -> decisions.apply(List.of(rejectAccepted)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.ILLEGAL_STATE);
                    assertThat(ProblemException.of(e).status()).isEqualTo(409);
                });
        assertThat(db.strings("select status from usage_report where id = ?", ids.get(0))).containsExactly("ACCEPTED");
    }

    @Test
    @TestSecurity(user = "prd-other", roles = "provider")
    @OidcSecurity(claims = @Claim(key = "org_id", value = PROVIDER_OTHER))
    void anotherProvidersReportIsNotFound() {
        UUID demo = fixtures.active(PROVIDER_DEMO);
        fixtures.active(PROVIDER_OTHER);
        UUID demoAllocation = fixtures.heldAllocation(demo, PRICE);
        String p = "foreign-" + UUID.randomUUID();
        submit(List.of(record(p + "-0", demoAllocation, "1"))).then().statusCode(200)
                .body("results[0].status", is("REJECTED"))
                .body("results[0].code", is("ALLOCATION_NOT_FOUND"));
        assertThat(stored(p)).isZero();

        String demoReport = fixtures.reportedUsage(demo, demoAllocation).toString();
        given().when().get("/api/usage-reports/" + demoReport).then().statusCode(404);
        given().when().get("/api/usage-reports?allocationId=" + demoAllocation).then().statusCode(200)
                .body("size()", is(0));
        Map<String, Object> correction = new HashMap<>(record(p + "-1", demoAllocation, "1"));
        correction.remove("recordId");
        correction.remove("allocationId");
        correction.put("reason", "x");
        given().contentType("application/json").body(correction)
                .when().post("/api/usage-reports/" + demoReport + "/corrections").then().statusCode(404);
        given().when().get("/api/allocations/" + demoAllocation).then().statusCode(404);
    }
}
