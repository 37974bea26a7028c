package cn.cvp.allocation.component;

import cn.cvp.allocation.testing.ComponentTest;
import cn.cvp.allocation.testing.Flow;
import cn.cvp.allocation.testing.TestEvents;
import cn.cvp.kit.testing.EventSchemas;
import cn.cvp.kit.testing.LocalInfraResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Quota first (额度先行) through Kafka with a real database: a quota (voucher.issued.v1 quota = true) is recorded but
 * never matched itself; each order placed on it (order.placed.v1) is matched like a voucher — under the quota's
 * programme rules, first placed first served, at the order's ratio — and its allocations belong to the quota and name
 * the order; order.cancelled.v1 cancels them and closes the order's waitlist entry.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class OrderFlowTest extends ComponentTest {
    private static final Path OWN = Path.of("src/main/resources/events");

    private UUID quota(String enterprise, String resourceClass) {
        UUID quotaId = UUID.randomUUID();
        ObjectNode issued = TestEvents.voucherIssued(quotaId, enterprise, resourceClass, 5000,
                TestEvents.JAN_1.minusDays(30));
        issued.put("quota", true);
        flow.voucher("voucher.issued.v1", quotaId.toString(), issued);
        await().atMost(patience()).untilAsserted(() -> assertThat(count(
                "select count(*) from voucher where voucher_id = ?1 and quota", quotaId)).isOne());
        return quotaId;
    }

    private static ObjectNode orderPlaced(UUID orderId, UUID quotaId, String enterprise, String resourceClass,
                                          long cardHours, int daysBeforeJan1) {
        ObjectNode d = TestEvents.JSON.createObjectNode();
        d.put("orderId", orderId.toString());
        d.put("voucherId", quotaId.toString());
        d.put("programmeId", UUID.randomUUID().toString());
        d.put("programmeCode", TestEvents.BJ);
        d.put("enterpriseCreditCode", enterprise);
        d.put("amountFen", 2_000_000L);
        d.put("subsidyRatio", "0.50");
        d.put("holdFen", 1_000_000L);
        d.put("quotaAvailableFen", 29_000_000L);
        d.put("placedAt", TestEvents.JAN_1.minusDays(daysBeforeJan1).toString());
        ObjectNode demand = d.putObject("demand");
        demand.put("resourceClass", resourceClass);
        demand.put("cardHours", cardHours);
        demand.putArray("regions").add("110000");
        demand.put("windowStart", TestEvents.JAN_1.toString());
        demand.put("windowEnd", TestEvents.JAN_11.toString());
        demand.putNull("providerCreditCode");
        return d;
    }

    private JsonNode awaitCreatedOfOrder(UUID orderId) {
        return flow.awaitEvent("allocation.created.v1", d -> d.path("orderId").asText().equals(orderId.toString()));
    }

    @Test
    void aQuotaIsNotMatchedItsOrdersAreEachAtItsRatioWithTheAllocationOnTheQuota() {
        String rc = TestEvents.uniqueResourceClass();
        UUID provider = activeBeijingPartner();
        UUID offering = offering(provider, rc, 8, 1000); // 1920 card-hours
        String enterprise = TestEvents.creditCode();
        UUID quotaId = quota(enterprise, rc);
        // recorded in the transaction that would have matched it: nothing was allocated for the quota's own demand
        assertThat(count("select count(*) from allocation where voucher_id = ?1", quotaId)).isZero();
        assertThat(reserved(offering)).isZero();

        UUID orderId = UUID.randomUUID();
        flow.voucher("order.placed.v1", quotaId.toString(), orderPlaced(orderId, quotaId, enterprise, rc, 400, 5));

        JsonNode created = awaitCreatedOfOrder(orderId);
        assertThat(created.path("voucherId").asText()).isEqualTo(quotaId.toString());
        assertThat(created.path("offeringId").asText()).isEqualTo(offering.toString());
        assertThat(created.path("cardHours").asLong()).isEqualTo(400);
        assertThat(created.path("amountFen").asLong()).isEqualTo(400_000);
        assertThat(EventSchemas.validate(OWN, "allocation.created.v1", created)).isEmpty();
        assertThat(reserved(offering)).isEqualTo(400);
        UUID allocationId = UUID.fromString(created.path("allocationId").asText());
        assertThat((BigDecimal) single("select subsidy_ratio from allocation where allocation_id = ?1", allocationId))
                .isEqualByComparingTo("0.50"); // the order's ratio, not the quota's 0.20
        assertThat(count("select count(*) from audit_log where target_type = 'Order' and target_id = ?1 "
                + "and action = 'ORDER_RECORDED'", orderId.toString())).isOne();
    }

    @Test
    void aStorageOrderIsMatchedInTbMonthsOverItsWindow() {
        // Shanghai storage rental (存储): 10 TB over Jan 1 – Apr 1 (three 30-day months = 30 TB-months) at ¥80 a TB-month
        String rc = "STORAGE_TEST_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        UUID provider = activeBeijingPartner();
        UUID offeringId = UUID.randomUUID();
        ObjectNode offering = TestEvents.offeringPublished(offeringId, 1, provider, rc, 10, 8_000, TestEvents.JAN_1,
                TestEvents.JAN_1.plusDays(90));
        offering.put("category", "STORAGE").put("unit", "TB_MONTH");
        flow.provider("offering.published.v1", offeringId.toString(), offering);
        await().atMost(patience()).untilAsserted(() -> assertThat(count(
                "select count(*) from offering where offering_id = ?1", offeringId)).isOne());
        String enterprise = TestEvents.creditCode();
        UUID quotaId = quota(enterprise, rc);

        UUID orderId = UUID.randomUUID();
        ObjectNode placed = orderPlaced(orderId, quotaId, enterprise, rc, 20, 5);
        ObjectNode demand = (ObjectNode) placed.path("demand");
        demand.remove("cardHours"); // as voucher-service sends an order in another unit
        demand.put("unit", "TB_MONTH").put("quantity", 20)
                .put("windowEnd", TestEvents.JAN_1.plusDays(90).toString());
        flow.voucher("order.placed.v1", quotaId.toString(), placed);

        JsonNode created = awaitCreatedOfOrder(orderId);
        assertThat(created.path("unit").asText()).isEqualTo("TB_MONTH");
        assertThat(created.path("quantity").asLong()).isEqualTo(20);
        assertThat(created.has("cardHours")).isFalse();
        assertThat(created.path("amountFen").asLong()).isEqualTo(160_000); // 20 TB-months × ¥80
        assertThat(EventSchemas.validate(OWN, "allocation.created.v1", created)).isEmpty();
        assertThat(reserved(offeringId)).isEqualTo(20);
        assertThat(single("select unit from quota_order where order_id = ?1", orderId)).isEqualTo("TB_MONTH");
    }

    @Test
    void ordersWaitInTheOrderPlacedAndACancelledOrdersAllocationsAndWaitlistEnd() {
        String rc = TestEvents.uniqueResourceClass();
        UUID provider = activeBeijingPartner();
        UUID small = offering(provider, rc, 2, 1000); // 480 card-hours
        String enterprise = TestEvents.creditCode();
        UUID quotaId = quota(enterprise, rc);

        // the first order takes 300 of 480, the second 180 and waits for 120; the third waits for all of its 100
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        flow.voucher("order.placed.v1", quotaId.toString(), orderPlaced(first, quotaId, enterprise, rc, 300, 9));
        JsonNode firstCreated = awaitCreatedOfOrder(first);
        flow.voucher("order.placed.v1", quotaId.toString(), orderPlaced(second, quotaId, enterprise, rc, 300, 8));
        assertThat(awaitCreatedOfOrder(second).path("cardHours").asLong()).isEqualTo(180);
        flow.voucher("order.placed.v1", quotaId.toString(), orderPlaced(third, quotaId, enterprise, rc, 100, 7));
        await().atMost(patience()).untilAsserted(() -> assertThat(count("select count(*) from allocation "
                + "where voucher_id = ?1 and status = 'WAITLISTED'", quotaId)).isEqualTo(2));
        assertThat(count("select card_hours from allocation where order_id = ?1 and status = 'WAITLISTED'", second))
                .isEqualTo(120);
        assertThat(reserved(small)).isEqualTo(480);

        // the first order is cancelled: its 300 card-hours go back, and the waiting orders are served in their turn
        flow.voucher("order.cancelled.v1", quotaId.toString(), TestEvents.JSON.createObjectNode()
                .put("orderId", first.toString()).put("voucherId", quotaId.toString())
                .put("programmeId", UUID.randomUUID().toString()).put("enterpriseCreditCode", enterprise)
                .put("holdFen", 1_000_000L).put("returnedFen", 1_000_000L).put("quotaAvailableFen", 30_000_000L)
                .put("cancelledAt", TestEvents.JAN_1.toString()));
        JsonNode cancelled = flow.awaitEvent("allocation.cancelled.v1",
                d -> d.path("allocationId").asText().equals(firstCreated.path("allocationId").asText()));
        assertThat(cancelled.path("reason").asText()).isEqualTo("ORDER_CANCELLED");
        List<JsonNode> secondAllocations = flow.events("allocation.created.v1",
                d -> d.path("orderId").asText().equals(second.toString()));
        await().atMost(patience()).untilAsserted(() -> {
            assertThat(count("select count(*) from allocation where voucher_id = ?1 and status = 'WAITLISTED'",
                    quotaId)).isZero();
            assertThat(count("select coalesce(sum(card_hours), 0) from allocation where order_id = ?1 "
                    + "and status = 'PROPOSED'", second)).isEqualTo(300);
            assertThat(count("select coalesce(sum(card_hours), 0) from allocation where order_id = ?1 "
                    + "and status = 'PROPOSED'", third)).isEqualTo(100);
        });
        assertThat(secondAllocations).isNotEmpty();
        assertThat(reserved(small)).isEqualTo(400);
        assertThat(count("select count(*) from quota_order where order_id = ?1 and status = 'CANCELLED'", first)).isOne();

        // the cancelled order is not served again, and cancelling it again changes nothing
        assertThat(count("select count(*) from allocation where order_id = ?1 and status <> 'CANCELLED'", first))
                .isZero();
    }
}
