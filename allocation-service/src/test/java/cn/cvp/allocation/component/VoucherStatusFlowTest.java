package cn.cvp.allocation.component;

import cn.cvp.allocation.testing.ComponentTest;
import cn.cvp.allocation.testing.ProducerExamples;
import cn.cvp.allocation.testing.TestEvents;
import cn.cvp.kit.testing.LocalInfraResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * voucher.frozen.v1 / unfrozen / revoked / expired, sent as voucher-service's own example files (with the
 * voucher id of the test's voucher): frozen vouchers pay for no usage (flagged for review), unfrozen ones do
 * again; revoked or expired ones lose their reservations (the unused future part goes back to the offering)
 * and their place on the waitlist.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class VoucherStatusFlowTest extends ComponentTest {

    private static final OffsetDateTime DAY_1 = TestEvents.JAN_1;

    private record Held(UUID provider, UUID offering, UUID voucher, UUID allocation, String resourceClass,
                        OffsetDateTime from, OffsetDateTime to) {
    }

    /** 1000 card-hours on 8 cards at 1500 fen, held; in Jan 2026 (past) or in a window starting tomorrow. */
    private Held heldAllocation(boolean future, long cardHours, int offeredUnits) {
        String rc = TestEvents.uniqueResourceClass();
        UUID provider = activeBeijingPartner();
        UUID offering = UUID.randomUUID();
        OffsetDateTime from = future ? OffsetDateTime.now().truncatedTo(ChronoUnit.HOURS).plusDays(1) : TestEvents.JAN_1;
        OffsetDateTime to = from.plusDays(10);
        flow.provider("offering.published.v1", offering.toString(),
                TestEvents.offeringPublished(offering, 1, provider, rc, offeredUnits, 1500, from, to));
        await().atMost(patience()).untilAsserted(() ->
                assertThat(count("select count(*) from offering where offering_id = ?1", offering)).isOne());
        UUID voucher = UUID.randomUUID();
        ObjectNode issued = TestEvents.voucherIssued(voucher, TestEvents.creditCode(), rc, cardHours, TestEvents.JAN_1.minusDays(20));
        ((ObjectNode) issued.get("demand")).put("windowStart", from.toString()).put("windowEnd", to.toString());
        issued.put("validUntil", to.plusYears(1).toString());
        flow.voucher("voucher.issued.v1", voucher.toString(), issued);
        UUID allocation = UUID.fromString(flow.awaitEvent("allocation.created.v1",
                d -> d.path("voucherId").asText().equals(voucher.toString())).path("allocationId").asText());
        flow.voucher("voucher.hold-placed.v1", voucher.toString(), TestEvents.holdPlaced(voucher, allocation, 300_000));
        flow.awaitEvent("allocation.held.v1", d -> d.path("allocationId").asText().equals(allocation.toString()));
        return new Held(provider, offering, voucher, allocation, rc, from, to);
    }

    private String statusEvent(String type, UUID voucher) {
        ObjectNode data = ProducerExamples.data(ProducerExamples.VOUCHER_EVENTS, type);
        data.put("voucherId", voucher.toString());
        return flow.voucher(type, voucher.toString(), data);
    }

    private void report(UUID reportId, Held a, OffsetDateTime from, OffsetDateTime to, String units, long amount) {
        flow.usage("usage.reported.v1", a.allocation.toString(),
                TestEvents.usageReported(reportId, a.provider, a.allocation, from, to, units, 1500, amount));
    }

    private JsonNode awaitDecision(String type, UUID reportId) {
        return flow.awaitEvent(type, d -> d.path("usageReportId").asText().equals(reportId.toString()));
    }

    @Test
    @TestSecurity(user = "admin-1", roles = "platform-admin")
    void usageOnAFrozenVoucherIsRejectedAndFlaggedAndAcceptedAgainOnceUnfrozen() {
        Held a = heldAllocation(false, 1000, 8);
        statusEvent("voucher.frozen.v1", a.voucher);
        await().atMost(patience()).untilAsserted(() -> assertThat(
                single("select status from voucher where voucher_id = ?1", a.voucher)).isEqualTo("FROZEN"));

        UUID whileFrozen = UUID.randomUUID();
        report(whileFrozen, a, DAY_1, DAY_1.plusDays(1), "96", 144_000);
        assertThat(awaitDecision("usage.rejected.v1", whileFrozen).path("reason").asText()).isEqualTo("VOUCHER_NOT_ACTIVE");
        given().get("/api/usage-decisions?flagged=true&size=200").then().statusCode(200)
                .body("items.usageReportId", hasItem(whileFrozen.toString()));
        given().get("/api/usage-decisions/{id}", whileFrozen).then().statusCode(200)
                .body("decision", equalTo("REJECTED")).body("flags[0]", equalTo("USAGE_ON_FROZEN_VOUCHER"));
        assertThat(single("select status from allocation where allocation_id = ?1", a.allocation))
                .as("a freeze keeps the reservation").isEqualTo("HELD");

        statusEvent("voucher.unfrozen.v1", a.voucher);
        await().atMost(patience()).untilAsserted(() -> assertThat(
                single("select status from voucher where voucher_id = ?1", a.voucher)).isEqualTo("ACTIVE"));
        UUID afterwards = UUID.randomUUID();
        report(afterwards, a, DAY_1, DAY_1.plusDays(1), "96", 144_000);
        JsonNode accepted = awaitDecision("usage.accepted.v1", afterwards);
        assertThat(accepted.path("flags")).isEmpty();
        given().get("/api/usage-decisions?flagged=false&decision=accepted&allocationId={id}", a.allocation)
                .then().statusCode(200).body("total", equalTo(1));
        given().get("/api/usage-decisions?flagged=maybe").then().statusCode(400).body("code", equalTo("INVALID_FORMAT"));
    }

    @Test
    void aRevokedVoucherLosesItsReservationsItsFutureCapacityAndItsPlaceOnTheWaitlist() {
        // 10 days × 4 cards = 960 card-hours on offer; the voucher wants 1000: 960 reserved, 40 waitlisted
        Held a = heldAllocation(true, 1000, 4);
        assertThat(reserved(a.offering)).isEqualTo(960);
        await().atMost(patience()).untilAsserted(() -> assertThat(count(
                "select count(*) from allocation where voucher_id = ?1 and status = 'WAITLISTED'", a.voucher)).isOne());

        String revoked = statusEvent("voucher.revoked.v1", a.voucher);

        JsonNode cancelled = flow.awaitEvent("allocation.cancelled.v1",
                d -> d.path("allocationId").asText().equals(a.allocation.toString()));
        assertThat(cancelled.path("reason").asText()).isEqualTo("VOUCHER_REVOKED");
        assertThat(cancelled.path("voucherId").asText()).isEqualTo(a.voucher.toString());
        await().atMost(patience()).untilAsserted(() -> {
            assertThat(reserved(a.offering)).as("the unused future reservation is released").isZero();
            assertThat(count("select count(*) from allocation where voucher_id = ?1 and status = 'WAITLISTED'", a.voucher))
                    .as("the waitlist entry is closed").isZero();
        });
        assertThat(single("select status from voucher where voucher_id = ?1", a.voucher)).isEqualTo("REVOKED");

        // redelivery of the very same event changes nothing; usage afterwards is refused and flagged
        flow.sendRaw("voucher.events", a.voucher.toString(), revoked);
        UUID late = UUID.randomUUID();
        OffsetDateTime start = OffsetDateTime.now().truncatedTo(ChronoUnit.HOURS).plusDays(1);
        report(late, a, start, start.plusHours(1), "1", 1_500);
        JsonNode rejected = awaitDecision("usage.rejected.v1", late);
        assertThat(rejected.path("reason").asText()).isEqualTo("VOUCHER_NOT_ACTIVE");
        assertThat(single("select array_to_string(flags, ',') from usage_decision where usage_report_id = ?1", late))
                .isEqualTo("USAGE_ON_REVOKED_VOUCHER");
        assertThat(flow.events("allocation.cancelled.v1", d -> d.path("allocationId").asText().equals(a.allocation.toString())))
                .hasSize(1);
        assertThat(flow.deadLetters(v -> v.contains(a.voucher.toString()))).isEmpty();
    }

    @Test
    void anExpiredVoucherReleasesItsCapacityToTheNextInLine() {
        Held first = heldAllocation(true, 960, 4);
        assertThat(reserved(first.offering)).isEqualTo(960);
        // a second voucher for the same class and window waits: the offering is full
        UUID second = UUID.randomUUID();
        ObjectNode issued = TestEvents.voucherIssued(second, TestEvents.creditCode(), first.resourceClass, 100,
                TestEvents.JAN_1.minusDays(10));
        ((ObjectNode) issued.get("demand")).put("windowStart", first.from.toString()).put("windowEnd", first.to.toString());
        flow.voucher("voucher.issued.v1", second.toString(), issued);
        flow.awaitEvent("allocation.waitlisted.v1", d -> d.path("voucherId").asText().equals(second.toString()));

        statusEvent("voucher.expired.v1", first.voucher);

        assertThat(flow.awaitEvent("allocation.cancelled.v1",
                d -> d.path("allocationId").asText().equals(first.allocation.toString())).path("reason").asText())
                .isEqualTo("VOUCHER_EXPIRED");
        JsonNode rehomed = flow.awaitEvent("allocation.created.v1", d -> d.path("voucherId").asText().equals(second.toString()));
        assertThat(rehomed.path("offeringId").asText()).isEqualTo(first.offering.toString());
        assertThat(rehomed.path("cardHours").asLong()).isEqualTo(100);
        assertThat(single("select status from voucher where voucher_id = ?1", first.voucher)).isEqualTo("EXPIRED");
    }
}
