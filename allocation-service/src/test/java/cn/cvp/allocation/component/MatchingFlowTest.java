package cn.cvp.allocation.component;

import cn.cvp.allocation.testing.ComponentTest;
import cn.cvp.allocation.testing.Flow;
import cn.cvp.allocation.testing.ProducerExamples;
import cn.cvp.allocation.testing.TestEvents;
import cn.cvp.kit.testing.LocalInfraResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Matching and the hold handshake, driven through Kafka against a real broker and PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class MatchingFlowTest extends ComponentTest {

    private static final String ISSUED = "voucher.issued.v1";
    private static final String CREATED = "allocation.created.v1";

    private JsonNode awaitCreated(UUID voucherId) {
        return flow.awaitEvent(CREATED, d -> d.path("voucherId").asText().equals(voucherId.toString()));
    }

    private String issue(UUID voucherId, String enterprise, String resourceClass, long cardHours) {
        return flow.voucher(ISSUED, voucherId.toString(),
                TestEvents.voucherIssued(voucherId, enterprise, resourceClass, cardHours, TestEvents.JAN_1.minusDays(20)));
    }

    @Test
    @TestSecurity(user = "audit-1", roles = "auditor")
    void anIssuedVoucherGetsTheCheapestEligibleCapacityAndAllocationCreatedIsPublished() {
        String rc = TestEvents.uniqueResourceClass();
        UUID provider = activeBeijingPartner();
        UUID dear = offering(provider, rc, 8, 2000);
        UUID cheap = offering(provider, rc, 8, 1500);
        UUID voucher = UUID.randomUUID();
        String enterprise = TestEvents.creditCode();

        issue(voucher, enterprise, rc, 1000);

        JsonNode created = awaitCreated(voucher);
        assertThat(created.path("offeringId").asText()).isEqualTo(cheap.toString());
        assertThat(created.path("offeringVersion").asInt()).isEqualTo(1);
        assertThat(created.path("providerId").asText()).isEqualTo(provider.toString());
        assertThat(created.path("enterpriseCreditCode").asText()).isEqualTo(enterprise);
        assertThat(created.path("resourceClass").asText()).isEqualTo(rc);
        assertThat(created.path("cardHours").asLong()).isEqualTo(1000);
        assertThat(created.path("units").asInt()).isEqualTo(5); // ceil(1000 / 240 h)
        assertThat(created.path("unitPriceFen").asLong()).isEqualTo(1500);
        assertThat(created.path("amountFen").asLong()).isEqualTo(1_500_000);
        assertThat(created.path("windowStart").asText()).isEqualTo("2026-01-01T00:00:00+08:00");
        assertThat(created.path("windowEnd").asText()).isEqualTo("2026-01-11T00:00:00+08:00");
        assertThat(created.path("status").asText()).isEqualTo("PROPOSED");
        assertThat(reserved(cheap)).isEqualTo(1000);
        assertThat(reserved(dear)).isZero();

        String allocationId = created.path("allocationId").asText();
        given().get("/api/allocations/{id}", allocationId).then().statusCode(200)
                .body("status", equalTo("PROPOSED"))
                .body("offeringId", equalTo(cheap.toString()))
                .body("explanation.rule", equalTo("FCFS_LOWEST_PRICE_SPLIT_FILL"))
                .body("explanation.chosenOfferingId", equalTo(cheap.toString()))
                .body("explanation.candidatesConsidered", equalTo(2))
                .body("explanation.candidates[0].offeringId", equalTo(cheap.toString()))
                .body("explanation.candidates[0].outcome", equalTo("SELECTED"))
                .body("explanation.candidates[1].offeringId", equalTo(dear.toString()))
                .body("explanation.candidates[1].outcome", equalTo("NOT_NEEDED"))
                .body("explanation.candidates[1].rank", equalTo(2));
        assertThat(count("select count(*) from audit_log where target_type = 'Allocation' and target_id = ?1 "
                + "and action = 'ALLOCATION_PROPOSED' and actor_subject = 'system:allocation-service'", allocationId)).isOne();
    }

    @Test
    void theProgrammeRulesKeepIneligibleProvidersOut() {
        String rc = TestEvents.uniqueResourceClass();
        String enterprise = TestEvents.creditCode();
        UUID notAPartner = activeProvider(TestEvents.creditCode(), "非伙伴", List.of(), List.of("SH-ICV"));
        UUID related = activeProvider(TestEvents.creditCode(), "关联方", List.of(enterprise), List.of(TestEvents.BJ));
        UUID partner = activeBeijingPartner();
        UUID cheapestButNotAPartner = offering(notAPartner, rc, 8, 800);
        UUID cheapButRelated = offering(related, rc, 8, 900);
        UUID eligible = offering(partner, rc, 8, 1800);
        UUID voucher = UUID.randomUUID();

        issue(voucher, enterprise, rc, 100);

        JsonNode created = awaitCreated(voucher);
        assertThat(created.path("offeringId").asText()).isEqualTo(eligible.toString());
        String explanation = (String) single("select explanation::text from allocation where allocation_id = ?1",
                UUID.fromString(created.path("allocationId").asText()));
        JsonNode e = Flow.read(explanation);
        assertThat(e.path("exclusionCounts").path("PROVIDER_NOT_IN_PROGRAMME").asInt()).isEqualTo(1);
        assertThat(e.path("exclusionCounts").path("RELATED_PARTY").asInt()).isEqualTo(1);
        assertThat(reserved(cheapestButNotAPartner)).isZero();
        assertThat(reserved(cheapButRelated)).isZero();
    }

    @Test
    void aDemandBeyondOneOfferingIsSplitAndTheRestWaitlisted() {
        String rc = TestEvents.uniqueResourceClass();
        UUID provider = activeBeijingPartner();
        UUID small = offering(provider, rc, 2, 1000);   // 480 card-hours
        UUID big = offering(provider, rc, 8, 1500);     // 1920 card-hours
        UUID voucher = UUID.randomUUID();

        issue(voucher, TestEvents.creditCode(), rc, 3000);

        JsonNode waitlisted = flow.awaitEvent("allocation.waitlisted.v1",
                d -> d.path("voucherId").asText().equals(voucher.toString()));
        assertThat(waitlisted.path("cardHours").asLong()).isEqualTo(600);
        assertThat(waitlisted.path("reason").asText()).isEqualTo("INSUFFICIENT_CAPACITY");
        List<JsonNode> created = flow.events(CREATED, d -> d.path("voucherId").asText().equals(voucher.toString()));
        assertThat(created).extracting(d -> d.path("offeringId").asText(), d -> d.path("cardHours").asLong(),
                        d -> d.path("units").asInt())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(small.toString(), 480L, 2),
                        org.assertj.core.groups.Tuple.tuple(big.toString(), 1920L, 8));
        assertThat(reserved(small)).isEqualTo(480);
        assertThat(reserved(big)).isEqualTo(1920);
    }

    @Test
    @TestSecurity(user = "audit-1", roles = "auditor")
    void whenNothingFitsTheVoucherWaitsAndIsServedWhenAnOfferingIsPublished() {
        String rc = TestEvents.uniqueResourceClass();
        UUID provider = activeBeijingPartner();
        UUID voucher = UUID.randomUUID();

        issue(voucher, TestEvents.creditCode(), rc, 500);

        JsonNode waitlisted = flow.awaitEvent("allocation.waitlisted.v1",
                d -> d.path("voucherId").asText().equals(voucher.toString()));
        assertThat(waitlisted.path("cardHours").asLong()).isEqualTo(500);
        assertThat(waitlisted.path("reason").asText()).isEqualTo("NO_OFFERING_OF_CLASS");
        String waitlistEntry = given().queryParam("voucherId", voucher.toString()).queryParam("status", "WAITLISTED")
                .get("/api/allocations").then().statusCode(200)
                .body("items", hasSize(1)).body("total", equalTo(1))
                .extract().path("items[0].allocationId");

        UUID offering = offering(provider, rc, 4, 1200);

        JsonNode created = awaitCreated(voucher);
        assertThat(created.path("allocationId").asText()).as("the waitlist entry became the allocation").isEqualTo(waitlistEntry);
        assertThat(created.path("offeringId").asText()).isEqualTo(offering.toString());
        assertThat(created.path("cardHours").asLong()).isEqualTo(500);
        assertThat(reserved(offering)).isEqualTo(500);
        given().get("/api/allocations/{id}", waitlistEntry).then().statusCode(200).body("status", equalTo("PROPOSED"));
    }

    @Test
    void theSameVoucherEventDeliveredTwiceChangesNothing() {
        String rc = TestEvents.uniqueResourceClass();
        UUID provider = activeBeijingPartner();
        UUID offering = offering(provider, rc, 8, 1500);
        UUID voucher = UUID.randomUUID();
        String message = issue(voucher, TestEvents.creditCode(), rc, 1000);
        UUID allocation = UUID.fromString(awaitCreated(voucher).path("allocationId").asText());

        flow.sendRaw("voucher.events", voucher.toString(), message);
        // same key, same partition: once the hold that follows is applied, the redelivery was too
        flow.voucher("voucher.hold-placed.v1", voucher.toString(), TestEvents.holdPlaced(voucher, allocation, 300_000));
        flow.awaitEvent("allocation.held.v1", d -> d.path("allocationId").asText().equals(allocation.toString()));

        assertThat(count("select count(*) from allocation where voucher_id = ?1", voucher)).isOne();
        assertThat(count("select count(*) from voucher where voucher_id = ?1", voucher)).isOne();
        assertThat(reserved(offering)).isEqualTo(1000);
        assertThat(flow.events(CREATED, d -> d.path("voucherId").asText().equals(voucher.toString()))).hasSize(1);
        assertThat(count("select count(*) from outbox_event where event_type = ?1 and payload like ?2",
                CREATED, "%" + voucher + "%")).isOne();
    }

    @Test
    @TestSecurity(user = "admin-1", roles = "platform-admin")
    void aPlacedHoldMakesTheAllocationHeld() {
        String rc = TestEvents.uniqueResourceClass();
        UUID offering = offering(activeBeijingPartner(), rc, 8, 1500);
        UUID voucher = UUID.randomUUID();
        issue(voucher, TestEvents.creditCode(), rc, 1000);
        UUID allocation = UUID.fromString(awaitCreated(voucher).path("allocationId").asText());

        flow.voucher("voucher.hold-placed.v1", voucher.toString(), TestEvents.holdPlaced(voucher, allocation, 300_000));

        JsonNode held = flow.awaitEvent("allocation.held.v1", d -> d.path("allocationId").asText().equals(allocation.toString()));
        assertThat(held.path("holdFen").asLong()).isEqualTo(300_000);
        assertThat(held.path("voucherId").asText()).isEqualTo(voucher.toString());
        given().get("/api/allocations/{id}", allocation).then().statusCode(200)
                .body("status", equalTo("HELD")).body("holdFen", equalTo(300_000));
        assertThat(count("select held_fen from voucher where voucher_id = ?1", voucher)).isEqualTo(300_000);
        assertThat(reserved(offering)).isEqualTo(1000);
    }

    @Test
    @TestSecurity(user = "admin-1", roles = "platform-admin")
    void aRefusedHoldCancelsTheAllocationAndReleasesItsCapacity() {
        String rc = TestEvents.uniqueResourceClass();
        UUID offering = offering(activeBeijingPartner(), rc, 8, 1500);
        UUID voucher = UUID.randomUUID();
        issue(voucher, TestEvents.creditCode(), rc, 1000);
        UUID allocation = UUID.fromString(awaitCreated(voucher).path("allocationId").asText());
        assertThat(reserved(offering)).isEqualTo(1000);

        flow.voucher("voucher.hold-rejected.v1", voucher.toString(),
                TestEvents.holdRejected(voucher, allocation, "INSUFFICIENT_BALANCE"));

        JsonNode cancelled = flow.awaitEvent("allocation.cancelled.v1",
                d -> d.path("allocationId").asText().equals(allocation.toString()));
        assertThat(cancelled.path("reason").asText()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(reserved(offering)).isZero();
        given().get("/api/allocations/{id}", allocation).then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("statusReason", equalTo("INSUFFICIENT_BALANCE"));
    }

    @Test
    void releasedCapacityGoesToTheWaitlist() {
        String rc = TestEvents.uniqueResourceClass();
        UUID offering = offering(activeBeijingPartner(), rc, 1, 1500); // 240 card-hours
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        flow.voucher(ISSUED, first.toString(),
                TestEvents.voucherIssued(first, TestEvents.creditCode(), rc, 240, TestEvents.JAN_1.minusDays(30)));
        UUID firstAllocation = UUID.fromString(awaitCreated(first).path("allocationId").asText());
        flow.voucher(ISSUED, second.toString(),
                TestEvents.voucherIssued(second, TestEvents.creditCode(), rc, 200, TestEvents.JAN_1.minusDays(20)));
        flow.awaitEvent("allocation.waitlisted.v1", d -> d.path("voucherId").asText().equals(second.toString()));

        flow.voucher("voucher.hold-rejected.v1", first.toString(),
                TestEvents.holdRejected(first, firstAllocation, "VOUCHER_NOT_ACTIVE"));

        JsonNode created = awaitCreated(second);
        assertThat(created.path("cardHours").asLong()).isEqualTo(200);
        assertThat(reserved(offering)).isEqualTo(200);
        assertThat(single("select status from voucher where voucher_id = ?1", first)).isEqualTo("NOT_ACTIVE");
    }

    @Test
    void unreadableMessagesGoToTheDeadLetterTopicWithTheReason() {
        String marker = UUID.randomUUID().toString();
        flow.sendRaw("voucher.events", marker, "this is not JSON " + marker);
        UUID voucher = UUID.randomUUID();
        var noDemand = TestEvents.voucherIssued(voucher, TestEvents.creditCode(), "GPU_A800_80G", 10, TestEvents.JAN_1);
        noDemand.remove("demand");
        flow.voucher(ISSUED, voucher.toString(), noDemand);
        UUID unknownAllocation = UUID.randomUUID();
        flow.voucher("voucher.hold-placed.v1", voucher.toString(), TestEvents.holdPlaced(voucher, unknownAllocation, 1));
        // a voucher event allocation-service does not handle passes by (no transaction, no dead letter)
        UUID debitedVoucher = UUID.randomUUID();
        ObjectNode debited = ProducerExamples.data(ProducerExamples.VOUCHER_EVENTS, "voucher.debited.v1");
        debited.put("voucherId", debitedVoucher.toString());
        flow.voucher("voucher.debited.v1", debitedVoucher.toString(), debited);

        assertThat(reason(flow.awaitDeadLetter(v -> v.contains(marker)))).contains("unreadable event");
        assertThat(reason(flow.awaitDeadLetter(v -> v.contains(voucher.toString()) && v.contains(ISSUED))))
                .contains("demand");
        assertThat(reason(flow.awaitDeadLetter(v -> v.contains(unknownAllocation.toString()))))
                .contains("UNKNOWN_ALLOCATION");
        assertThat(count("select count(*) from voucher where voucher_id = ?1", voucher)).isZero();
        // the partition is not blocked: a good voucher behind the bad ones is still served
        String rc = TestEvents.uniqueResourceClass();
        offering(activeBeijingPartner(), rc, 8, 1500);
        UUID good = UUID.randomUUID();
        flow.voucher(ISSUED, voucher.toString(),
                TestEvents.voucherIssued(good, TestEvents.creditCode(), rc, 10, TestEvents.JAN_1));
        await().atMost(patience()).untilAsserted(() -> assertThat(
                count("select count(*) from allocation where voucher_id = ?1 and status = 'PROPOSED'", good)).isOne());
        assertThat(flow.deadLetters(v -> v.contains(debitedVoucher.toString()))).isEmpty();
    }

    private static String reason(ConsumerRecord<String, String> deadLetter) {
        var header = deadLetter.headers().lastHeader("dead-letter-reason");
        assertThat(header).as("dead-letter-reason header").isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
