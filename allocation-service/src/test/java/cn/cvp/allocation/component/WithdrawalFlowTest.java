package cn.cvp.allocation.component;

import cn.cvp.allocation.testing.ComponentTest;
import cn.cvp.allocation.testing.TestEvents;
import cn.cvp.kit.testing.LocalInfraResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * offering.withdrawn.v1: reservations nothing was used of are cancelled (OFFERING_WITHDRAWN) and their demand
 * re-homed to other offerings (or the waitlist); reservations in use stay honoured.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class WithdrawalFlowTest extends ComponentTest {

    private static ObjectNode withdrawn(UUID offeringId, int version, UUID providerId) {
        ObjectNode d = TestEvents.JSON.createObjectNode();
        d.put("offeringId", offeringId.toString());
        d.put("version", version);
        d.put("providerId", providerId.toString());
        return d;
    }

    private UUID issue(String rc, long cardHours, int daysBefore) {
        UUID voucher = UUID.randomUUID();
        flow.voucher("voucher.issued.v1", voucher.toString(), TestEvents.voucherIssued(voucher, TestEvents.creditCode(),
                rc, cardHours, TestEvents.JAN_1.minusDays(daysBefore)));
        return voucher;
    }

    private JsonNode awaitCreated(UUID voucher, UUID offering) {
        return flow.awaitEvent("allocation.created.v1", d -> d.path("voucherId").asText().equals(voucher.toString())
                && d.path("offeringId").asText().equals(offering.toString()));
    }

    @Test
    void unusedReservationsOfAWithdrawnOfferingAreCancelledAndReHomedWhileUsedOnesStay() {
        String rc = TestEvents.uniqueResourceClass();
        UUID provider = activeBeijingPartner();
        UUID cheap = offering(provider, rc, 8, 1000);
        // two vouchers on the cheap offering: one is held and in use, one only held
        UUID inUse = issue(rc, 480, 30);
        UUID unused = issue(rc, 300, 20);
        UUID inUseAllocation = UUID.fromString(awaitCreated(inUse, cheap).path("allocationId").asText());
        UUID unusedAllocation = UUID.fromString(awaitCreated(unused, cheap).path("allocationId").asText());
        flow.voucher("voucher.hold-placed.v1", inUse.toString(), TestEvents.holdPlaced(inUse, inUseAllocation, 96_000));
        flow.voucher("voucher.hold-placed.v1", unused.toString(), TestEvents.holdPlaced(unused, unusedAllocation, 60_000));
        flow.awaitEvent("allocation.held.v1", d -> d.path("allocationId").asText().equals(unusedAllocation.toString()));
        UUID report = UUID.randomUUID();
        flow.usage("usage.reported.v1", inUseAllocation.toString(), TestEvents.usageReported(report, provider,
                inUseAllocation, TestEvents.JAN_1, TestEvents.JAN_1.plusDays(1), "48", 1000, 48_000));
        flow.awaitEvent("usage.accepted.v1", d -> d.path("usageReportId").asText().equals(report.toString()));
        // a dearer offering appears elsewhere in the market: room for re-homing
        UUID dear = offering(provider, rc, 8, 1800);

        flow.provider("offering.withdrawn.v1", cheap.toString(), withdrawn(cheap, 2, provider));

        JsonNode cancelled = flow.awaitEvent("allocation.cancelled.v1",
                d -> d.path("allocationId").asText().equals(unusedAllocation.toString()));
        assertThat(cancelled.path("reason").asText()).isEqualTo("OFFERING_WITHDRAWN");
        JsonNode rehomed = awaitCreated(unused, dear);
        assertThat(rehomed.path("cardHours").asLong()).isEqualTo(300);
        assertThat(rehomed.path("unitPriceFen").asLong()).isEqualTo(1800);
        await().atMost(patience()).untilAsserted(() -> {
            assertThat(reserved(dear)).isEqualTo(300);
            assertThat(reserved(cheap)).as("only the reservation in use is left on it").isEqualTo(480);
        });
        assertThat(single("select status from allocation where allocation_id = ?1", inUseAllocation)).isEqualTo("ACTIVE");
        assertThat(flow.events("allocation.cancelled.v1",
                d -> d.path("allocationId").asText().equals(inUseAllocation.toString()))).isEmpty();
    }

    @Test
    void reHomedDemandWithNowhereToGoWaits() {
        String rc = TestEvents.uniqueResourceClass();
        UUID provider = activeBeijingPartner();
        UUID only = offering(provider, rc, 4, 1000);
        UUID voucher = issue(rc, 200, 10);
        awaitCreated(voucher, only);

        flow.provider("offering.withdrawn.v1", only.toString(), withdrawn(only, 1, provider));

        JsonNode waiting = flow.awaitEvent("allocation.waitlisted.v1",
                d -> d.path("voucherId").asText().equals(voucher.toString()));
        assertThat(waiting.path("reason").asText()).isEqualTo("OFFERING_WITHDRAWN");
        assertThat(waiting.path("cardHours").asLong()).isEqualTo(200);
        await().atMost(patience()).untilAsserted(() -> assertThat(reserved(only)).isZero());

        // capacity appears: the re-homed demand is matched again
        UUID next = offering(provider, rc, 4, 1200);
        assertThat(awaitCreated(voucher, next).path("cardHours").asLong()).isEqualTo(200);
    }
}
