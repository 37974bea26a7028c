package cn.cvp.voucher.ledger.api;

import cn.cvp.kit.testing.EventSchemas;
import cn.cvp.kit.testing.KafkaTestClient;
import cn.cvp.kit.testing.LocalInfraResource;
import cn.cvp.voucher.ledger.events.VoucherEvents;
import cn.cvp.voucher.testing.Actors;
import cn.cvp.voucher.testing.Fixtures;
import cn.cvp.voucher.testing.Programmes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Quota first (额度先行) through the API and Kafka, with a real database and broker: the annual quota applied for once
 * a year and issued as a quota, orders placed on it holding ratio × amount within what is left, the allocations of an
 * order holding within the order's hold (allocation.created.v1 with orderId), and cancelling.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class QuotaOrderFlowTest {
    static final Path PRODUCER = Path.of("../allocation-service/src/main/resources/events");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(bootstrap);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    /** A fresh Shanghai enterprise (a team or a technology SME), registered; its API client. */
    private static RequestSpecification shanghaiEnterprise(boolean team) {
        String code = Fixtures.creditCode("310115");
        Map<String, Object> profile = new HashMap<>(Fixtures.enterprise(code, "310115"));
        profile.put("name", "上海智算科技有限公司");
        profile.put("team", team);
        Actors.enterprise("ent-" + code, code).body(profile).post("/api/enterprises").then().statusCode(201);
        return Actors.enterprise("ent-" + code, code);
    }

    /** Applies for the quota, has it reviewed and approved; returns the application as answered on submission. */
    private static String submittedQuota(RequestSpecification enterprise, String programme) {
        String id = enterprise.body(Programmes.quotaApplication(programme)).post("/api/applications").then()
                .statusCode(201).body("kind", equalTo("QUOTA")).extract().path("id");
        enterprise.post("/api/applications/" + id + "/submit").then().statusCode(200)
                .body("status", equalTo("UNDER_REVIEW"));
        return id;
    }

    private static long quotaField(RequestSpecification as, String quotaId, String field) {
        return ((Number) as.get("/api/quotas/" + quotaId).then().statusCode(200).extract().path(field)).longValue();
    }

    private static Map<String, Object> order(String quotaId, long amountFen) {
        return Map.of("quotaId", quotaId, "amountFen", amountFen,
                "demand", Map.of("resourceClass", "GPU_A800_80G", "cardHours", 400, "regions", List.of("310000"),
                        "windowStart", "2026-12-01T00:00:00+08:00", "windowEnd", "2027-02-01T00:00:00+08:00"));
    }

    @Test
    void anSmeGetsA300000YuanQuotaATeam100000AndEachOnlyOnceAYear() {
        String programme = Programmes.open("SHQ", 100_000_000_000L, Programmes.shanghaiQuotaFirst());
        RequestSpecification sme = shanghaiEnterprise(false);
        String application = submittedQuota(sme, programme);
        sme.get("/api/applications/" + application).then()
                .body("requestedSubsidyFen", equalTo(30_000_000)).body("faceValueFen", equalTo(30_000_000));
        String quotaId = Fixtures.issue(application);
        sme.get("/api/quotas/" + quotaId).then().statusCode(200)
                .body("quotaFen", equalTo(30_000_000)).body("availableFen", equalTo(30_000_000))
                .body("orderHeldFen", equalTo(0)).body("status", equalTo("ACTIVE"));
        assertThat(sme.get("/api/quotas").then().statusCode(200).extract().<List<String>>path("id")).containsExactly(quotaId);

        // a second quota application the same year: refused, nothing reserved, still a draft
        String second = sme.body(Programmes.quotaApplication(programme)).post("/api/applications").then()
                .statusCode(201).extract().path("id");
        sme.post("/api/applications/" + second + "/submit").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("QUOTA_ALREADY_GRANTED"))
                .body("detail", containsString("one quota a year"));
        sme.get("/api/applications/" + second).then().body("status", equalTo("DRAFT")).body("reservedFen", equalTo(0));

        RequestSpecification team = shanghaiEnterprise(true);
        String teamQuota = Fixtures.issue(submittedQuota(team, programme));
        assertThat(quotaField(team, teamQuota, "quotaFen")).isEqualTo(10_000_000L);

        // the quota is the enterprise's own: others do not see it, staff do
        team.get("/api/quotas/" + quotaId).then().statusCode(404);
        assertThat(quotaField(Actors.auditor(), quotaId, "availableFen")).isEqualTo(30_000_000L);
        // both quotas are committed against the programme budget
        Actors.admin().get("/api/programmes/" + programme).then().body("budgetCommittedFen", equalTo(40_000_000));
    }

    @Test
    void aQuotaIsCappedByWhatIsLeftOfTheBudgetAndOnlyQuotaFirstProgrammesGrantThem() {
        String programme = Programmes.open("SHQB", 12_000_000L, Programmes.shanghaiQuotaFirst());
        RequestSpecification sme = shanghaiEnterprise(false);
        String application = submittedQuota(sme, programme);
        sme.get("/api/applications/" + application).then()
                .body("faceValueFen", equalTo(12_000_000)).body("cappedBy", equalTo("BUDGET"));
        assertThat(quotaField(sme, Fixtures.issue(application), "quotaFen")).isEqualTo(12_000_000L);

        String contractFirst = Programmes.open("BJQ", 100_000_000L, Programmes.rules("0.20", 200_000_000L, 1_000_000_000L));
        Fixtures.ensureEnterprise(Actors.enterprise(), Actors.ENTERPRISE_ORG, "110108");
        Actors.enterprise().body(Programmes.quotaApplication(contractFirst)).post("/api/applications").then()
                .statusCode(422).body("code", equalTo("QUOTA_NOT_OFFERED"));
    }

    @Test
    void aStorageOrderIsPlacedInTbMonthsAndNotInCardHours() {
        String programme = Programmes.open("SHS", 100_000_000_000L, Programmes.shanghaiQuotaFirst());
        RequestSpecification sme = shanghaiEnterprise(false);
        String quotaId = Fixtures.issue(submittedQuota(sme, programme));
        Map<String, Object> storage = Map.of("quotaId", quotaId, "amountFen", 160_000,
                "demand", Map.of("resourceClass", "STORAGE_TB_MONTH", "unit", "TB_MONTH", "quantity", 20,
                        "regions", List.of("310000"),
                        "windowStart", "2026-12-01T00:00:00+08:00", "windowEnd", "2027-03-01T00:00:00+08:00"));

        String id = sme.body(storage).post("/api/orders").then().statusCode(201)
                .body("holdFen", equalTo(80_000))
                .body("demand.unit", equalTo("TB_MONTH")).body("demand.quantity", equalTo(20))
                .body("demand.cardHours", org.hamcrest.Matchers.nullValue()).extract().path("id");
        JsonNode demand = kafka.events("voucher.events", VoucherEvents.ORDER_PLACED,
                d -> d.path("orderId").asText().equals(id), 1, Duration.ofSeconds(20)).get(0).path("data");
        assertThat(demand.path("demand").path("unit").asText()).isEqualTo("TB_MONTH");
        assertThat(demand.path("demand").path("quantity").asLong()).isEqualTo(20);
        assertThat(demand.path("demand").has("cardHours")).isFalse();
        assertThat(EventSchemas.validate(EventSchemas.OWN, VoucherEvents.ORDER_PLACED, demand)).isEmpty();

        // storage in card-hours, or a storage window shorter than a 30-day month: refused, nothing held
        long before = quotaField(sme, quotaId, "availableFen");
        sme.body(Map.of("quotaId", quotaId, "amountFen", 160_000, "demand", Map.of("resourceClass", "STORAGE_TB_MONTH",
                        "cardHours", 20, "regions", List.of("310000"), "windowStart", "2026-12-01T00:00:00+08:00",
                        "windowEnd", "2027-03-01T00:00:00+08:00")))
                .post("/api/orders").then().statusCode(422).body("code", equalTo("UNIT_DOES_NOT_FIT_RESOURCE_CLASS"));
        sme.body(Map.of("quotaId", quotaId, "amountFen", 160_000, "demand", Map.of("resourceClass", "STORAGE_TB_MONTH",
                        "quantity", 20, "regions", List.of("310000"), "windowStart", "2026-12-01T00:00:00+08:00",
                        "windowEnd", "2026-12-20T00:00:00+08:00")))
                .post("/api/orders").then().statusCode(400).body("code", equalTo("INVALID_WINDOW"));
        assertThat(quotaField(sme, quotaId, "availableFen")).isEqualTo(before);
    }

    @Test
    void ordersHoldHalfTheirAmountWithinWhatIsLeftAndCancellingGivesItBack() {
        String programme = Programmes.open("SHO", 100_000_000_000L, Programmes.shanghaiQuotaFirst());
        RequestSpecification sme = shanghaiEnterprise(false);
        String quotaId = Fixtures.issue(submittedQuota(sme, programme));

        String first = sme.body(order(quotaId, 8_000_000)).post("/api/orders").then().statusCode(201)
                .body("status", equalTo("PLACED")).body("holdFen", equalTo(4_000_000))
                .body("subsidyRatio", equalTo(0.5f)).body("quotaId", equalTo(quotaId)).extract().path("id");
        assertThat(quotaField(sme, quotaId, "availableFen")).isEqualTo(26_000_000L);
        List<JsonNode> placed = kafka.events("voucher.events", VoucherEvents.ORDER_PLACED,
                d -> d.path("orderId").asText().equals(first), 1, Duration.ofSeconds(20));
        assertThat(placed).hasSize(1);
        JsonNode data = placed.get(0).path("data");
        assertThat(data.path("voucherId").asText()).isEqualTo(quotaId);
        assertThat(data.path("holdFen").asLong()).isEqualTo(4_000_000);
        assertThat(data.path("programmeCode").asText()).isEqualTo(programme);
        assertThat(data.path("demand").path("cardHours").asLong()).isEqualTo(400);
        assertThat(EventSchemas.validate(EventSchemas.OWN, VoucherEvents.ORDER_PLACED, data)).isEmpty();

        // ¥1,000,000 ordered: ¥500,000 wanted, ¥260,000 left — it holds what is left
        sme.body(order(quotaId, 100_000_000)).post("/api/orders").then().statusCode(201)
                .body("holdFen", equalTo(26_000_000));
        sme.body(order(quotaId, 1_000_000)).post("/api/orders").then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("QUOTA_EXHAUSTED"));
        assertThat(sme.get("/api/quotas/" + quotaId + "/orders").then().statusCode(200).extract()
                .<List<String>>path("id")).hasSize(2);

        // others' orders are not theirs to cancel or see
        shanghaiEnterprise(false).post("/api/orders/" + first + "/cancel").then().statusCode(404);

        sme.post("/api/orders/" + first + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("returnedFen", equalTo(4_000_000));
        assertThat(quotaField(sme, quotaId, "availableFen")).isEqualTo(4_000_000L);
        sme.post("/api/orders/" + first + "/cancel").then().statusCode(409).body("code", equalTo("ILLEGAL_STATE"));
        List<JsonNode> cancelled = kafka.events("voucher.events", VoucherEvents.ORDER_CANCELLED,
                d -> d.path("orderId").asText().equals(first), 1, Duration.ofSeconds(20));
        assertThat(cancelled.get(0).path("data").path("returnedFen").asLong()).isEqualTo(4_000_000);
        assertThat(EventSchemas.validate(EventSchemas.OWN, VoucherEvents.ORDER_CANCELLED, cancelled.get(0).path("data")))
                .isEmpty();

        // bad input: nothing stored
        Map<String, Object> bad = new HashMap<>(order(quotaId, 8_000_000));
        bad.put("amountFen", -5);
        sme.body(bad).post("/api/orders").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"));
        Map<String, Object> backwards = new HashMap<>(order(quotaId, 2_000_000));
        backwards.put("demand", Map.of("resourceClass", "GPU_A800_80G", "cardHours", 400, "regions", List.of("310000"),
                "windowStart", "2027-02-01T00:00:00+08:00", "windowEnd", "2026-12-01T00:00:00+08:00"));
        sme.body(backwards).post("/api/orders").then().statusCode(400).body("code", equalTo("INVALID_WINDOW"));
        assertThat(quotaField(sme, quotaId, "availableFen")).isEqualTo(4_000_000L);
        sme.body(order(UUID.randomUUID().toString(), 2_000_000)).post("/api/orders").then().statusCode(404);
    }

    @Test
    void concurrentOrdersNeverHoldMoreThanTheQuota() throws Exception {
        String programme = Programmes.open("SHC", 100_000_000_000L, Programmes.shanghaiQuotaFirst());
        RequestSpecification sme = shanghaiEnterprise(false);
        String quotaId = Fixtures.issue(submittedQuota(sme, programme));
        String org = ((String) sme.get("/api/quotas/" + quotaId).then().extract().path("enterpriseCreditCode"));
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) { // each wants ¥40,000 of a ¥300,000 quota
            calls.add(() -> Actors.enterprise("ent-" + org, org).body(order(quotaId, 8_000_000)).post("/api/orders")
                    .then().extract().statusCode());
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        // 7 orders of ¥40,000 and one of the ¥20,000 left; the rest find nothing left
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(8);
        assertThat(statuses).filteredOn(s -> s == 422).hasSize(4);
        List<Integer> holds = sme.get("/api/quotas/" + quotaId + "/orders").then().extract().path("holdFen");
        assertThat(holds.stream().mapToLong(Integer::longValue).sum()).isEqualTo(30_000_000L);
        assertThat(quotaField(sme, quotaId, "availableFen")).isZero();
    }

    private ObjectNode allocationCreated(String quotaId, String orderId, UUID allocationId, long amountFen) {
        ObjectNode data = (ObjectNode) EventSchemas.example(PRODUCER, "allocation.created.v1").deepCopy();
        data.put("allocationId", allocationId.toString()).put("voucherId", quotaId).put("amountFen", amountFen);
        if (orderId != null) {
            data.put("orderId", orderId);
        }
        return data;
    }

    private JsonNode holdAnswer(String type, UUID allocationId) {
        List<JsonNode> events = kafka.events("voucher.events", type,
                d -> d.path("allocationId").asText().equals(allocationId.toString()), 1, Duration.ofSeconds(20));
        assertThat(events).hasSize(1);
        return events.get(0).path("data");
    }

    @Test
    void anOrdersAllocationsHoldWithinItsHoldAndAfterUsageCancellingGivesBackTheRest() {
        String programme = Programmes.open("SHA", 100_000_000_000L, Programmes.shanghaiQuotaFirst());
        RequestSpecification sme = shanghaiEnterprise(false);
        String quotaId = Fixtures.issue(submittedQuota(sme, programme));
        String orderId = sme.body(order(quotaId, 8_000_000)).post("/api/orders").then().statusCode(201)
                .extract().path("id"); // holds ¥40,000

        // the quota's own demand is never held: only its orders are
        UUID direct = UUID.randomUUID();
        kafka.publish("allocation.events", direct.toString(), "allocation.created.v1",
                allocationCreated(quotaId, null, direct, 2_000_000));
        assertThat(holdAnswer(VoucherEvents.HOLD_REJECTED, direct).path("reason").asText()).isEqualTo("ORDER_REQUIRED");

        // an allocation of ¥100,000 wants ¥50,000: it holds the order's ¥40,000
        UUID allocation = UUID.randomUUID();
        kafka.publish("allocation.events", allocation.toString(), "allocation.created.v1",
                allocationCreated(quotaId, orderId, allocation, 10_000_000));
        JsonNode held = holdAnswer(VoucherEvents.HOLD_PLACED, allocation);
        assertThat(held.path("holdFen").asLong()).isEqualTo(4_000_000);
        assertThat(EventSchemas.validate(EventSchemas.OWN, VoucherEvents.HOLD_PLACED, held)).isEmpty();
        sme.get("/api/quotas/" + quotaId).then().body("heldFen", equalTo(4_000_000))
                .body("orderHeldFen", equalTo(0)).body("availableFen", equalTo(26_000_000));

        // a second allocation of the same order finds its hold used up
        UUID more = UUID.randomUUID();
        kafka.publish("allocation.events", more.toString(), "allocation.created.v1",
                allocationCreated(quotaId, orderId, more, 1_000_000));
        assertThat(holdAnswer(VoucherEvents.HOLD_REJECTED, more).path("reason").asText()).isEqualTo("ORDER_HOLD_USED_UP");

        // in use: the order cannot be cancelled
        sme.post("/api/orders/" + orderId + "/cancel").then().statusCode(409).body("code", equalTo("ORDER_IN_USE"));

        // ¥20,000 of usage (¥10,000 subsidy) captured, then the allocation completes: ¥30,000 back to the order
        ObjectNode usage = (ObjectNode) EventSchemas.example(PRODUCER, "usage.accepted.v1").deepCopy();
        usage.put("usageReportId", UUID.randomUUID().toString()).put("allocationId", allocation.toString())
                .put("voucherId", quotaId).put("amountFen", 2_000_000).put("subsidyFen", 1_000_000);
        kafka.publish("allocation.events", allocation.toString(), "usage.accepted.v1", usage);
        ObjectNode completed = (ObjectNode) EventSchemas.example(PRODUCER, "allocation.completed.v1").deepCopy();
        completed.put("allocationId", allocation.toString()).put("voucherId", quotaId);
        kafka.publish("allocation.events", allocation.toString(), "allocation.completed.v1", completed);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> sme.get("/api/quotas/" + quotaId).then()
                .body("consumedFen", equalTo(1_000_000)).body("heldFen", equalTo(0))
                .body("orderHeldFen", equalTo(3_000_000)));
        sme.get("/api/orders/" + orderId).then().body("takenFen", equalTo(1_000_000));

        // cancelled after usage: the hold less what was captured goes back to the quota
        sme.post("/api/orders/" + orderId + "/cancel").then().statusCode(200)
                .body("returnedFen", equalTo(3_000_000)).body("status", equalTo("CANCELLED"));
        sme.get("/api/quotas/" + quotaId).then().body("availableFen", equalTo(29_000_000))
                .body("balanceFen", equalTo(29_000_000)).body("orderHeldFen", equalTo(0));

        // an allocation of the cancelled order arriving late is refused
        UUID late = UUID.randomUUID();
        kafka.publish("allocation.events", late.toString(), "allocation.created.v1",
                allocationCreated(quotaId, orderId, late, 1_000_000));
        assertThat(holdAnswer(VoucherEvents.HOLD_REJECTED, late).path("reason").asText()).isEqualTo("ORDER_CANCELLED");
    }
}
