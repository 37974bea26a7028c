package cn.cvp.allocation.component;

import cn.cvp.allocation.matching.application.CompletionService;
import cn.cvp.allocation.testing.ComponentTest;
import cn.cvp.allocation.testing.TestEvents;
import cn.cvp.kit.testing.LocalInfraResource;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end of a reservation: fully used, or its window (plus the grace for late reports, 7 days by default)
 * is over. Either way allocation.completed.v1 tells voucher-service to release what is left of the hold, and
 * no more usage is accepted.
 */
@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class CompletionFlowTest extends ComponentTest {

    private static final OffsetDateTime DAY_1 = TestEvents.JAN_1;

    @Inject
    CompletionService completion;

    private record Held(UUID provider, UUID voucher, UUID allocation) {
    }

    /** 40 card-hours of one class at 1500 fen (window Jan 1–11 2026, one card), held for 12,000 fen. */
    private Held held() {
        String rc = TestEvents.uniqueResourceClass();
        UUID provider = activeBeijingPartner();
        offering(provider, rc, 8, 1500);
        UUID voucher = UUID.randomUUID();
        flow.voucher("voucher.issued.v1", voucher.toString(),
                TestEvents.voucherIssued(voucher, TestEvents.creditCode(), rc, 40, DAY_1.minusDays(20)));
        UUID allocation = UUID.fromString(flow.awaitEvent("allocation.created.v1",
                d -> d.path("voucherId").asText().equals(voucher.toString())).path("allocationId").asText());
        flow.voucher("voucher.hold-placed.v1", voucher.toString(), TestEvents.holdPlaced(voucher, allocation, 12_000));
        flow.awaitEvent("allocation.held.v1", d -> d.path("allocationId").asText().equals(allocation.toString()));
        return new Held(provider, voucher, allocation);
    }

    private UUID report(Held a, OffsetDateTime from, String units, long amount) {
        UUID reportId = UUID.randomUUID();
        flow.usage("usage.reported.v1", a.allocation.toString(), TestEvents.usageReported(reportId, a.provider,
                a.allocation, from, from.plusHours(new java.math.BigDecimal(units).intValue()), units, 1500, amount));
        return reportId;
    }

    private JsonNode completedEvent(UUID allocation) {
        return flow.awaitEvent("allocation.completed.v1", d -> d.path("allocationId").asText().equals(allocation.toString()));
    }

    @Test
    void anAllocationWhoseWindowEndedIsCompletedAfterTheGraceAndReleasesTheRestOfItsHold() {
        Held a = held();
        UUID used = report(a, DAY_1, "10", 15_000);
        flow.awaitEvent("usage.accepted.v1", d -> d.path("usageReportId").asText().equals(used.toString()));

        // the window ends Jan 11: within the 7-day grace nothing happens, late reports are still taken
        assertThat(completion.completeEnded(TestEvents.JAN_11.plusDays(6), 500)).isZero();
        assertThat(single("select status from allocation where allocation_id = ?1", a.allocation)).isEqualTo("ACTIVE");

        // after the grace it is completed, once, however often the job runs (or how many instances run it)
        assertThat(completion.completeEnded(TestEvents.JAN_11.plusDays(8), 500)).isGreaterThanOrEqualTo(1);
        assertThat(completion.completeEnded(TestEvents.JAN_11.plusDays(8), 500)).isZero();
        assertThat(single("select status from allocation where allocation_id = ?1", a.allocation)).isEqualTo("COMPLETED");
        assertThat(single("select status_reason from allocation where allocation_id = ?1", a.allocation))
                .isEqualTo("WINDOW_ENDED");

        JsonNode completed = completedEvent(a.allocation);
        assertThat(completed.path("reason").asText()).isEqualTo("WINDOW_ENDED");
        assertThat(completed.path("voucherId").asText()).isEqualTo(a.voucher.toString());
        assertThat(completed.path("cardHours").asLong()).isEqualTo(40);
        assertThat(completed.path("usedCardHours").asText()).isEqualTo("10.000");
        assertThat(completed.path("usedAmountFen").asLong()).isEqualTo(15_000);
        assertThat(completed.path("subsidyFen").asLong()).isEqualTo(3_000);
        assertThat(completed.path("holdFen").asLong()).isEqualTo(12_000);
        assertThat(completed.path("unusedHoldFen").asLong()).isEqualTo(9_000);
        assertThat(count("select count(*) from audit_log where action = 'ALLOCATION_COMPLETED' and target_id = ?1",
                a.allocation.toString())).isOne();

        // usage reported after completion is not paid for
        UUID late = report(a, DAY_1.plusDays(2), "5", 7_500);
        assertThat(flow.awaitEvent("usage.rejected.v1", d -> d.path("usageReportId").asText().equals(late.toString()))
                .path("reason").asText()).isEqualTo("ALLOCATION_NOT_ACTIVE");
        assertThat(flow.events("allocation.completed.v1",
                d -> d.path("allocationId").asText().equals(a.allocation.toString()))).hasSize(1);
    }

    @Test
    void usingEveryReservedCardHourCompletesTheAllocationAfterItsLastAcceptance() {
        Held a = held();
        UUID first = report(a, DAY_1, "30", 45_000);
        UUID last = report(a, DAY_1.plusDays(2), "10", 15_000);
        flow.awaitEvent("usage.accepted.v1", d -> d.path("usageReportId").asText().equals(first.toString()));
        flow.awaitEvent("usage.accepted.v1", d -> d.path("usageReportId").asText().equals(last.toString()));

        JsonNode completed = completedEvent(a.allocation);
        assertThat(completed.path("reason").asText()).isEqualTo("FULLY_USED");
        assertThat(completed.path("usedCardHours").asText()).isEqualTo("40.000");
        assertThat(completed.path("subsidyFen").asLong()).isEqualTo(12_000);
        assertThat(completed.path("unusedHoldFen").asLong()).isZero();
        assertThat(single("select status from allocation where allocation_id = ?1", a.allocation)).isEqualTo("COMPLETED");
        // the window job finds nothing left to complete for it
        completion.completeEnded(TestEvents.JAN_11.plusDays(30), 500);
        assertThat(flow.events("allocation.completed.v1",
                d -> d.path("allocationId").asText().equals(a.allocation.toString()))).hasSize(1);
    }
}
