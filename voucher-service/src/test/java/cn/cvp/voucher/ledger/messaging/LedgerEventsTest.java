package cn.cvp.voucher.ledger.messaging;

import cn.cvp.kit.testing.EventSchemas;
import cn.cvp.kit.testing.KafkaTestClient;
import cn.cvp.kit.testing.LocalInfraResource;
import cn.cvp.voucher.ledger.application.CaptureUsage;
import cn.cvp.voucher.ledger.events.VoucherEvents;
import cn.cvp.voucher.testing.Actors;
import cn.cvp.voucher.testing.Fixtures;
import cn.cvp.voucher.testing.Partners;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * voucher-service against a real broker and database: it publishes voucher.issued through the outbox,
 * places a hold on allocation.created, and captures accepted usage exactly once however often it is delivered.
 * Incoming events are built from allocation-service's own example files.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class LedgerEventsTest {
    static final Path PRODUCER = Path.of("../allocation-service/src/main/resources/events");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    KafkaTestClient kafka;
    @Inject
    CaptureUsage ledger;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(bootstrap);
        Partners.admitToBeijing();
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    private String issuedVoucher(long amountFen) {
        Fixtures.ensureEnterprise(Actors.enterprise(), Actors.ENTERPRISE_ORG, "110108");
        String appId = Fixtures.submitted(Actors.enterprise(), Actors.enterprise(), Fixtures.beijingApplication(amountFen));
        return Fixtures.issue(appId);
    }

    private ObjectNode allocationCreated(String voucherId, UUID allocationId, long amountFen) {
        ObjectNode data = (ObjectNode) EventSchemas.example(PRODUCER, "allocation.created.v1").deepCopy();
        data.put("allocationId", allocationId.toString()).put("voucherId", voucherId).put("amountFen", amountFen);
        return data;
    }

    @Test
    void issuedVouchersArePublishedThroughTheOutboxMatchingTheirSchema() {
        String voucherId = issuedVoucher(5_000_000);
        List<JsonNode> events = kafka.events("voucher.events", VoucherEvents.ISSUED,
                d -> d.path("voucherId").asText().equals(voucherId), 1, Duration.ofSeconds(20));
        assertThat(events).hasSize(1);
        JsonNode event = events.get(0);
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("source").asText()).isEqualTo("/voucher-service");
        assertThat(event.path("subject").asText()).isEqualTo(voucherId);
        assertThat(event.path("data").path("faceValueFen").asLong()).isEqualTo(1_000_000);
        assertThat(event.path("data").path("demand").path("cardHours").asLong()).isEqualTo(1000);
        // Beijing is contract first: the voucher is bound to the provider its contract was signed with
        assertThat(event.path("data").path("contractProviderCreditCode").asText()).isEqualTo(Partners.CREDIT_CODE);
        assertThat(event.path("data").path("demand").path("unit").asText()).isEqualTo("CARD_HOUR");
        assertThat(event.path("data").path("demand").path("quantity").asLong()).isEqualTo(1000);
        assertThat(EventSchemas.validate(EventSchemas.OWN, VoucherEvents.ISSUED, event.path("data"))).isEmpty();
    }

    @Test
    void aCoreHourVoucherIsIssuedWithUnitAndQuantityAndNoCardHours() {
        Fixtures.ensureEnterprise(Actors.enterprise(), Actors.ENTERPRISE_ORG, "110108");
        Map<String, Object> cores = new java.util.HashMap<>(Fixtures.beijingApplication(2_000_000));
        cores.put("demand", Map.of("resourceClass", "CPU_X86_CORE", "unit", "CORE_HOUR", "quantity", 50_000,
                "regions", List.of("110000"), "windowStart", "2026-11-01T00:00:00+08:00",
                "windowEnd", "2027-03-01T00:00:00+08:00"));
        String voucherId = Fixtures.issue(Fixtures.submitted(Actors.enterprise(), Actors.enterprise(), cores));
        JsonNode event = kafka.events("voucher.events", VoucherEvents.ISSUED,
                d -> d.path("voucherId").asText().equals(voucherId), 1, Duration.ofSeconds(20)).get(0);
        JsonNode demand = event.path("data").path("demand");
        assertThat(demand.path("resourceClass").asText()).isEqualTo("CPU_X86_CORE");
        assertThat(demand.path("unit").asText()).isEqualTo("CORE_HOUR");
        assertThat(demand.path("quantity").asLong()).isEqualTo(50_000);
        assertThat(demand.has("cardHours")).isFalse();
        assertThat(EventSchemas.validate(EventSchemas.OWN, VoucherEvents.ISSUED, event.path("data"))).isEmpty();
    }

    @Test
    void aHoldIsPlacedForAnAllocationAndAcceptedUsageIsCapturedOnceHoweverOftenDelivered() {
        String voucherId = issuedVoucher(10_000_000); // face value 2,000,000 fen
        UUID allocationId = UUID.randomUUID();
        kafka.publish("allocation.events", allocationId.toString(), "allocation.created.v1",
                allocationCreated(voucherId, allocationId, 5_000_000)); // hold 20 % = 1,000,000

        List<JsonNode> holds = kafka.events("voucher.events", VoucherEvents.HOLD_PLACED,
                d -> d.path("allocationId").asText().equals(allocationId.toString()), 1, Duration.ofSeconds(20));
        assertThat(holds).hasSize(1);
        assertThat(holds.get(0).path("data").path("holdFen").asLong()).isEqualTo(1_000_000);
        assertThat(EventSchemas.validate(EventSchemas.OWN, VoucherEvents.HOLD_PLACED, holds.get(0).path("data"))).isEmpty();
        Actors.enterprise().get("/api/vouchers/" + voucherId).then()
                .body("heldFen", equalTo(1_000_000)).body("balanceFen", equalTo(1_000_000));

        ObjectNode usage = (ObjectNode) EventSchemas.example(PRODUCER, "usage.accepted.v1").deepCopy();
        UUID usageReportId = UUID.randomUUID();
        usage.put("usageReportId", usageReportId.toString()).put("allocationId", allocationId.toString())
                .put("voucherId", voucherId).put("amountFen", 1_500_000).put("subsidyFen", 300_000);
        String event = KafkaTestClient.cloudEvent(UUID.randomUUID().toString(), "/allocation-service",
                "usage.accepted.v1", allocationId.toString(), usage);
        for (int i = 0; i < 5; i++) {
            kafka.send("allocation.events", allocationId.toString(), event); // the very same event redelivered
        }
        for (int i = 0; i < 5; i++) { // and the same usage accepted again under new event ids
            kafka.publish("allocation.events", allocationId.toString(), "usage.accepted.v1", usage);
        }

        List<JsonNode> debits = kafka.events("voucher.events", VoucherEvents.DEBITED,
                d -> d.path("usageReportId").asText().equals(usageReportId.toString()), 1, Duration.ofSeconds(20));
        assertThat(debits).hasSize(1);
        JsonNode debit = debits.get(0).path("data");
        assertThat(debit.path("subsidyFen").asLong()).isEqualTo(300_000);
        assertThat(debit.path("coPaymentFen").asLong()).isEqualTo(1_200_000);
        assertThat(EventSchemas.validate(EventSchemas.OWN, VoucherEvents.DEBITED, debit)).isEmpty();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                Actors.enterprise().get("/api/vouchers/" + voucherId).then()
                        .body("consumedFen", equalTo(300_000))
                        .body("heldFen", equalTo(700_000))
                        .body("balanceFen", equalTo(1_000_000)));
        List<String> types = Actors.enterprise().get("/api/vouchers/" + voucherId + "/ledger").then().extract().path("type");
        assertThat(types).containsExactly("ISSUE", "HOLD", "CAPTURE");
    }

    @Test
    void aRunOfAcceptedUsageIsCapturedInOrderWithRunningBalancesAndEachReportOnce() {
        String voucherId = issuedVoucher(10_000_000); // face value 2,000,000 fen
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        kafka.publish("allocation.events", a.toString(), "allocation.created.v1",
                allocationCreated(voucherId, a, 2_500_000)); // hold 500,000
        kafka.publish("allocation.events", b.toString(), "allocation.created.v1",
                allocationCreated(voucherId, b, 1_000_000)); // hold 200,000
        assertThat(kafka.events("voucher.events", VoucherEvents.HOLD_PLACED, d -> d.path("voucherId").asText()
                .equals(voucherId), 2, Duration.ofSeconds(20))).hasSize(2);

        UUID v = UUID.fromString(voucherId);
        UUID u1 = UUID.randomUUID(), u2 = UUID.randomUUID(), u3 = UUID.randomUUID(), u4 = UUID.randomUUID();
        UUID provider = UUID.randomUUID();
        var first = new CaptureUsage.Command("e1", u1, a, v, provider, 1_000_000, 200_000);
        ledger.captureAll(List.of(
                first,
                new CaptureUsage.Command("e2", u2, b, v, provider, 500_000, 100_000),
                first, // redelivered within the run
                new CaptureUsage.Command("e3", u3, a, v, provider, 1_500_000, 300_000),
                // more subsidy than is left of b's hold (100,000): only what is held is captured
                new CaptureUsage.Command("e4", u4, b, v, provider, 1_000_000, 150_000)));
        // the same report, later
        ledger.captureAll(List.of(new CaptureUsage.Command("e1-again", u1, a, v, provider, 1_000_000, 200_000)));

        List<String> captures = Actors.enterprise().get("/api/vouchers/" + voucherId + "/ledger").then().extract()
                .jsonPath().getList("findAll { it.type == 'CAPTURE' }.collect { it.usageReportId + ' ' + it.amountFen + "
                        + "' ' + it.balanceAfterFen + ' ' + it.heldAfterFen + ' ' + it.consumedAfterFen }", String.class);
        assertThat(captures).containsExactly(
                u1 + " 200000 1300000 500000 200000",
                u2 + " 100000 1300000 400000 300000",
                u3 + " 300000 1300000 100000 600000",
                u4 + " 100000 1300000 0 700000");
        Actors.enterprise().get("/api/vouchers/" + voucherId).then()
                .body("consumedFen", equalTo(700_000)).body("heldFen", equalTo(0)).body("balanceFen", equalTo(1_300_000));
        assertThat(kafka.events("voucher.events", VoucherEvents.DEBITED, d -> d.path("voucherId").asText()
                .equals(voucherId), 4, Duration.ofSeconds(20))).extracting(e -> e.path("data").path("usageReportId")
                .asText()).containsExactly(u1.toString(), u2.toString(), u3.toString(), u4.toString());
    }

    @Test
    void aHoldThatCannotBePlacedIsAnsweredSoTheAllocationCanBeCancelled() {
        UUID unknownVoucher = UUID.randomUUID();
        UUID allocationId = UUID.randomUUID();
        kafka.publish("allocation.events", allocationId.toString(), "allocation.created.v1",
                allocationCreated(unknownVoucher.toString(), allocationId, 1_000));
        List<JsonNode> rejected = kafka.events("voucher.events", VoucherEvents.HOLD_REJECTED,
                d -> d.path("allocationId").asText().equals(allocationId.toString()), 1, Duration.ofSeconds(20));
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0).path("data").path("reason").asText()).isEqualTo("UNKNOWN_VOUCHER");
    }

    @Test
    void aCancelledAllocationReleasesItsHold() {
        String voucherId = issuedVoucher(10_000_000);
        UUID allocationId = UUID.randomUUID();
        kafka.publish("allocation.events", allocationId.toString(), "allocation.created.v1",
                allocationCreated(voucherId, allocationId, 2_000_000));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                Actors.enterprise().get("/api/vouchers/" + voucherId).then().body("heldFen", equalTo(400_000)));
        ObjectNode cancelled = (ObjectNode) EventSchemas.example(PRODUCER, "allocation.cancelled.v1").deepCopy();
        cancelled.put("allocationId", allocationId.toString()).put("voucherId", voucherId).put("reason", "WITHDRAWN");
        kafka.publish("allocation.events", allocationId.toString(), "allocation.cancelled.v1", cancelled);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                Actors.enterprise().get("/api/vouchers/" + voucherId).then()
                        .body("heldFen", equalTo(0)).body("balanceFen", equalTo(2_000_000)));
    }

    @Test
    void aCompletedAllocationReleasesWhatIsLeftOfItsHoldAfterTheLastCapture() {
        String voucherId = issuedVoucher(10_000_000); // face value 2,000,000 fen
        UUID allocationId = UUID.randomUUID();
        kafka.publish("allocation.events", allocationId.toString(), "allocation.created.v1",
                allocationCreated(voucherId, allocationId, 2_000_000)); // hold 400,000
        ObjectNode usage = (ObjectNode) EventSchemas.example(PRODUCER, "usage.accepted.v1").deepCopy();
        usage.put("usageReportId", UUID.randomUUID().toString()).put("allocationId", allocationId.toString())
                .put("voucherId", voucherId).put("amountFen", 500_000).put("subsidyFen", 100_000);
        kafka.publish("allocation.events", allocationId.toString(), "usage.accepted.v1", usage);
        ObjectNode completed = (ObjectNode) EventSchemas.example(PRODUCER, "allocation.completed.v1").deepCopy();
        completed.put("allocationId", allocationId.toString()).put("voucherId", voucherId)
                .put("subsidyFen", 100_000).put("holdFen", 400_000).put("unusedHoldFen", 300_000);
        String completion = KafkaTestClient.cloudEvent(UUID.randomUUID().toString(), "/allocation-service",
                "allocation.completed.v1", allocationId.toString(), completed);
        kafka.send("allocation.events", allocationId.toString(), completion);
        kafka.send("allocation.events", allocationId.toString(), completion); // redelivered: released once

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                Actors.enterprise().get("/api/vouchers/" + voucherId).then()
                        .body("consumedFen", equalTo(100_000))
                        .body("heldFen", equalTo(0))
                        .body("balanceFen", equalTo(1_900_000)));
        List<String> types = Actors.enterprise().get("/api/vouchers/" + voucherId + "/ledger").then().extract().path("type");
        assertThat(types).containsExactly("ISSUE", "HOLD", "CAPTURE", "RELEASE");
        List<Integer> amounts = Actors.enterprise().get("/api/vouchers/" + voucherId + "/ledger").then().extract()
                .path("amountFen");
        assertThat(amounts).containsExactly(2_000_000, 400_000, 100_000, 300_000);
    }

    @Test
    void anUnreadableMessageGoesToTheDeadLetterTopicWithItsReason() {
        String marker = UUID.randomUUID().toString();
        kafka.send("allocation.events", marker, "{\"not\": \"a cloud event\", \"marker\": \"" + marker + "\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> !kafka.raw("voucher-service.dlq", marker, Duration.ofSeconds(2)).isEmpty());
    }
}
