package cn.cvp.allocation.component;

import cn.cvp.allocation.matching.application.CompletionService;
import cn.cvp.allocation.testing.ComponentTest;
import cn.cvp.allocation.testing.TestEvents;
import cn.cvp.kit.testing.EventSchemas;
import cn.cvp.kit.testing.LocalInfraResource;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What allocation-service actually writes to its outbox conforms to the schemas it publishes: a flow that
 * produces every event type, then every outbox row is checked.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class OutboxContractTest extends ComponentTest {

    @Inject
    CompletionService completion;

    @Test
    void everyEventWrittenToTheOutboxConformsToItsSchema() {
        String rc = TestEvents.uniqueResourceClass();
        UUID provider = activeBeijingPartner();
        offering(provider, rc, 2, 1500); // 480 card-hours
        UUID heldVoucher = UUID.randomUUID();
        UUID cancelledVoucher = UUID.randomUUID();
        flow.voucher("voucher.issued.v1", heldVoucher.toString(),
                TestEvents.voucherIssued(heldVoucher, TestEvents.creditCode(), rc, 200, TestEvents.JAN_1.minusDays(9)));
        UUID held = allocationOf(heldVoucher);
        flow.voucher("voucher.issued.v1", cancelledVoucher.toString(),
                TestEvents.voucherIssued(cancelledVoucher, TestEvents.creditCode(), rc, 400, TestEvents.JAN_1.minusDays(8)));
        UUID toCancel = allocationOf(cancelledVoucher); // 280 of 400: the rest waits
        flow.awaitEvent("allocation.waitlisted.v1", d -> d.path("voucherId").asText().equals(cancelledVoucher.toString()));

        flow.voucher("voucher.hold-placed.v1", heldVoucher.toString(), TestEvents.holdPlaced(heldVoucher, held, 60_000));
        flow.voucher("voucher.hold-rejected.v1", cancelledVoucher.toString(),
                TestEvents.holdRejected(cancelledVoucher, toCancel, "INSUFFICIENT_BALANCE"));
        flow.awaitEvent("allocation.held.v1", d -> d.path("allocationId").asText().equals(held.toString()));
        flow.awaitEvent("allocation.cancelled.v1", d -> d.path("allocationId").asText().equals(toCancel.toString()));
        UUID good = UUID.randomUUID();
        UUID bad = UUID.randomUUID();
        flow.usage("usage.reported.v1", held.toString(), TestEvents.usageReported(good, provider, held,
                TestEvents.JAN_1, TestEvents.JAN_1.plusHours(2), "1.5", 1500, 2_250));
        flow.usage("usage.reported.v1", held.toString(), TestEvents.usageReported(bad, provider, held,
                TestEvents.JAN_1, TestEvents.JAN_1.plusHours(2), "1.5", 1499, 2_248));
        flow.awaitEvent("usage.accepted.v1", d -> d.path("usageReportId").asText().equals(good.toString()));
        flow.awaitEvent("usage.rejected.v1", d -> d.path("usageReportId").asText().equals(bad.toString()));
        completion.completeEnded(TestEvents.JAN_11.plusDays(30), 500); // the window is over: completed
        flow.awaitEvent("allocation.completed.v1", d -> d.path("allocationId").asText().equals(held.toString()));

        List<?> rows = list("select event_type, message_key, subject, payload from outbox_event order by seq");
        Set<String> types = new HashSet<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            String type = (String) r[0];
            JsonNode event = EventSchemas.assertValidEvent(type, "/allocation-service", (String) r[3]);
            assertThat(event.path("subject").asText()).isEqualTo(r[2]);
            types.add(type);
        }
        assertThat(types).containsExactlyInAnyOrderElementsOf(EventSchemas.ownTypes());
    }

    private UUID allocationOf(UUID voucher) {
        return UUID.fromString(flow.awaitEvent("allocation.created.v1",
                d -> d.path("voucherId").asText().equals(voucher.toString())).path("allocationId").asText());
    }
}
