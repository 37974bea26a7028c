package cn.cvp.allocation.component;

import cn.cvp.allocation.testing.ComponentTest;
import cn.cvp.allocation.testing.TestEvents;
import cn.cvp.allocation.usage.application.DecideUsage;
import cn.cvp.allocation.usage.application.UsageService;
import cn.cvp.allocation.usage.domain.UsageReport;
import cn.cvp.kit.testing.LocalInfraResource;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Usage validation, driven through usage.events. */
@QuarkusTest
@QuarkusTestResource(LocalInfraResource.class)
class UsageFlowTest extends ComponentTest {

    private static final String REPORTED = "usage.reported.v1";
    private static final OffsetDateTime DAY_1 = TestEvents.JAN_1;

    @Inject
    UsageService usage;

    /** An allocation of 1000 card-hours (5 cards, Jan 1–11) at 1500 fen, 20 %, in the given state. */
    private record Held(UUID provider, UUID voucher, UUID allocation) {
    }

    private Held allocation(boolean hold) {
        String rc = TestEvents.uniqueResourceClass();
        UUID provider = activeBeijingPartner();
        offering(provider, rc, 8, 1500);
        UUID voucher = UUID.randomUUID();
        flow.voucher("voucher.issued.v1", voucher.toString(),
                TestEvents.voucherIssued(voucher, TestEvents.creditCode(), rc, 1000, TestEvents.JAN_1.minusDays(20)));
        UUID allocation = UUID.fromString(flow.awaitEvent("allocation.created.v1",
                d -> d.path("voucherId").asText().equals(voucher.toString())).path("allocationId").asText());
        if (hold) {
            flow.voucher("voucher.hold-placed.v1", voucher.toString(), TestEvents.holdPlaced(voucher, allocation, 300_000));
            flow.awaitEvent("allocation.held.v1", d -> d.path("allocationId").asText().equals(allocation.toString()));
        }
        return new Held(provider, voucher, allocation);
    }

    private void report(UUID reportId, UUID provider, UUID allocation, OffsetDateTime from, OffsetDateTime to,
                        String units, long price, long amount) {
        flow.usage(REPORTED, allocation.toString(),
                TestEvents.usageReported(reportId, provider, allocation, from, to, units, price, amount));
    }

    private JsonNode awaitDecision(String type, UUID reportId) {
        return flow.awaitEvent(type, d -> d.path("usageReportId").asText().equals(reportId.toString()));
    }

    @Test
    @TestSecurity(user = "audit-1", roles = "auditor")
    void validUsageIsAcceptedWithItsSubsidyAndActivatesTheAllocation() {
        Held a = allocation(true);
        UUID reportId = UUID.randomUUID();

        report(reportId, a.provider, a.allocation, DAY_1, DAY_1.plusDays(1), "96.000", 1500, 144_000);

        JsonNode accepted = awaitDecision("usage.accepted.v1", reportId);
        assertThat(accepted.path("allocationId").asText()).isEqualTo(a.allocation.toString());
        assertThat(accepted.path("voucherId").asText()).isEqualTo(a.voucher.toString());
        assertThat(accepted.path("providerId").asText()).isEqualTo(a.provider.toString());
        assertThat(accepted.path("units").asText()).isEqualTo("96.000");
        assertThat(accepted.path("amountFen").asLong()).isEqualTo(144_000);
        assertThat(accepted.path("subsidyFen").asLong()).isEqualTo(28_800);
        assertThat(accepted.path("flags")).isEmpty();
        given().get("/api/allocations/{id}", a.allocation).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("acceptedCardHours", equalTo("96.000"))
                .body("acceptedSubsidyFen", equalTo(28_800));
        given().get("/api/usage-decisions/{id}", reportId).then().statusCode(200)
                .body("decision", equalTo("ACCEPTED")).body("subsidyFen", equalTo(28_800))
                .body("allocationId", equalTo(a.allocation.toString()));
    }

    @Test
    void aStartupsDomesticChipVoucherIsSubsidisedAtTheRatioVoucherServiceDecided() {
        // voucher-service decided 60 % (the startup tier, above the programme's 30 % for domestic chips) and sent it as
        // subsidyRatio; the allocation on a domestic-chip offering and the subsidy of its usage keep that 60 %
        String rc = TestEvents.uniqueResourceClass();
        UUID provider = activeBeijingPartner();
        UUID offeringId = UUID.randomUUID();
        var offering = TestEvents.offeringPublished(offeringId, 1, provider, rc, 8, 1500, TestEvents.JAN_1,
                TestEvents.JAN_11);
        offering.put("domesticChip", true);
        flow.provider("offering.published.v1", offeringId.toString(), offering);
        UUID voucher = UUID.randomUUID();
        var issued = TestEvents.voucherIssued(voucher, TestEvents.creditCode(), rc, 1000, TestEvents.JAN_1.minusDays(20));
        issued.put("subsidyRatio", "0.60").put("domesticChipSubsidyRatio", "0.30");
        flow.voucher("voucher.issued.v1", voucher.toString(), issued);
        UUID allocation = UUID.fromString(flow.awaitEvent("allocation.created.v1",
                d -> d.path("voucherId").asText().equals(voucher.toString())).path("allocationId").asText());
        assertThat((BigDecimal) single("select subsidy_ratio from allocation where allocation_id = ?1", allocation))
                .isEqualByComparingTo("0.60");
        flow.voucher("voucher.hold-placed.v1", voucher.toString(), TestEvents.holdPlaced(voucher, allocation, 900_000));
        flow.awaitEvent("allocation.held.v1", d -> d.path("allocationId").asText().equals(allocation.toString()));

        UUID reportId = UUID.randomUUID();
        report(reportId, provider, allocation, DAY_1, DAY_1.plusDays(1), "96", 1500, 144_000);
        assertThat(awaitDecision("usage.accepted.v1", reportId).path("subsidyFen").asLong()).isEqualTo(86_400);
    }

    @Test
    void aResubmittedReportKeepsItsFirstDecision() {
        Held a = allocation(true);
        UUID reportId = UUID.randomUUID();
        report(reportId, a.provider, a.allocation, DAY_1, DAY_1.plusDays(1), "96", 1500, 144_000);
        awaitDecision("usage.accepted.v1", reportId);

        // the provider sends the same report again (a new event), now even with another price
        report(reportId, a.provider, a.allocation, DAY_1, DAY_1.plusDays(1), "96", 1800, 172_800);
        UUID sentinel = UUID.randomUUID();
        report(sentinel, a.provider, a.allocation, DAY_1, DAY_1.plusHours(1), "1", 1500, 1_500);
        awaitDecision("usage.accepted.v1", sentinel);

        assertThat(flow.events("usage.accepted.v1", d -> d.path("usageReportId").asText().equals(reportId.toString())))
                .hasSize(1);
        assertThat(flow.events("usage.rejected.v1", d -> d.path("usageReportId").asText().equals(reportId.toString())))
                .isEmpty();
        assertThat(single("select accepted_units::text from allocation where allocation_id = ?1", a.allocation))
                .isEqualTo("97.000");
    }

    @Test
    void aCorrectionIsPaidOnlyWhereTheReportItCorrectsWasNot() {
        Held a = allocation(true);
        UUID wrongPrice = UUID.randomUUID();
        report(wrongPrice, a.provider, a.allocation, DAY_1, DAY_1.plusDays(1), "96", 1800, 172_800);
        awaitDecision("usage.rejected.v1", wrongPrice);
        // the provider corrects the rejected report: decided like any report, and paid
        UUID fixed = UUID.randomUUID();
        var correction = TestEvents.usageReported(fixed, a.provider, a.allocation, DAY_1, DAY_1.plusDays(1), "96", 1500,
                144_000);
        correction.put("version", 2).put("correctsUsageReportId", wrongPrice.toString());
        flow.usage(REPORTED, a.allocation.toString(), correction);
        assertThat(awaitDecision("usage.accepted.v1", fixed).path("subsidyFen").asLong()).isEqualTo(28_800);

        // correcting the accepted report would pay the same delivery again: refused and flagged for review
        UUID again = UUID.randomUUID();
        var second = TestEvents.usageReported(again, a.provider, a.allocation, DAY_1, DAY_1.plusDays(1), "90", 1500,
                135_000);
        second.put("version", 3).put("correctsUsageReportId", fixed.toString());
        flow.usage(REPORTED, a.allocation.toString(), second);
        JsonNode refused = awaitDecision("usage.rejected.v1", again);
        assertThat(refused.path("reason").asText()).isEqualTo("CORRECTS_ACCEPTED_USAGE");
        assertThat(single("select accepted_units::text from allocation where allocation_id = ?1", a.allocation))
                .isEqualTo("96.000");
        assertThat(count("select count(*) from usage_decision where usage_report_id = ?1 and flagged", again)).isOne();
    }

    @Test
    void aPollOfReportsIsDecidedAsIfOneByOne() {
        Held a = allocation(true); // 1000 card-hours on 5 cards, Jan 1-11, 1500 fen, hold 300,000 fen (20 %)
        UUID r1 = UUID.randomUUID(), r2 = UUID.randomUUID(), r3 = UUID.randomUUID(), r4 = UUID.randomUUID(),
                r5 = UUID.randomUUID(), elsewhere = UUID.randomUUID();
        UsageReport first = usage(r1, a, DAY_1, DAY_1.plusDays(4), 400);
        List<DecideUsage.Reported> poll = List.of(
                new DecideUsage.Reported("e1", first),
                new DecideUsage.Reported("e1", first), // the same event twice in one poll
                new DecideUsage.Reported("e1-again", first), // the same report in another event
                new DecideUsage.Reported("e2", usage(r2, a, DAY_1.plusDays(4), DAY_1.plusDays(8), 480)),
                // 880 accepted so far: 121 more would pass the 1000 reserved
                new DecideUsage.Reported("e3", usage(r3, a, DAY_1.plusDays(8), DAY_1.plusDays(9).plusHours(6), 121)),
                new DecideUsage.Reported("e4", usage(r4, a, DAY_1.plusDays(8), DAY_1.plusDays(9).plusHours(6), 120)),
                // the allocation is fully used now
                new DecideUsage.Reported("e5", usage(r5, a, DAY_1.plusDays(9).plusHours(6), DAY_1.plusDays(9).plusHours(7), 1)),
                new DecideUsage.Reported("e6", new UsageReport(elsewhere, 1, null, a.provider, UUID.randomUUID(),
                        "rec-x", DAY_1, DAY_1.plusHours(1), new BigDecimal("1"), 1500, 1500, null)));

        usage.usageReported(new DecideUsage(poll));
        usage.usageReported(new DecideUsage(poll)); // and the whole poll redelivered

        assertThat(strings("""
                select event_type || ' ' || subject from outbox_event
                where message_key = ?1 and event_type not in ('allocation.created.v1', 'allocation.held.v1')
                order by seq""",
                a.allocation.toString())).containsExactly(
                "usage.accepted.v1 " + r1, "usage.accepted.v1 " + r2, "usage.rejected.v1 " + r3,
                "usage.accepted.v1 " + r4, "allocation.completed.v1 " + a.allocation, "usage.rejected.v1 " + r5);
        assertThat(strings("select reason from usage_decision where usage_report_id in (?1, ?2) order by decided_at",
                r3, r5)).containsExactlyInAnyOrder("OVER_RESERVED_CAPACITY", "ALLOCATION_NOT_ACTIVE");
        assertThat(single("select reason from usage_decision where usage_report_id = ?1", elsewhere))
                .isEqualTo("UNKNOWN_ALLOCATION");
        assertThat(count("select count(*) from usage_decision where usage_report_id in (?1, ?2, ?3, ?4, ?5, ?6)",
                r1, r2, r3, r4, r5, elsewhere)).isEqualTo(6);
        assertThat(single("""
                select status || ' ' || accepted_units || ' ' || accepted_subsidy_fen from allocation
                where allocation_id = ?1""", a.allocation)).isEqualTo("COMPLETED 1000.000 300000");
        // one audit of the allocation's change over the poll, next to one per decided report
        assertThat(strings("""
                select (before_state ->> 'status') || ' -> ' || (after_state ->> 'status') || ' ' ||
                       (after_state ->> 'acceptedUnits') from audit_log
                where action = 'ALLOCATION_USAGE_ACCEPTED' and target_id = ?1""", a.allocation.toString()))
                .containsExactly("HELD -> COMPLETED 1000.000");
        assertThat(count("""
                select count(*) from audit_log where action in ('USAGE_ACCEPTED', 'USAGE_REJECTED')
                and target_id in (?1, ?2, ?3, ?4, ?5)""", r1.toString(), r2.toString(), r3.toString(), r4.toString(),
                r5.toString())).isEqualTo(5);
    }

    private List<String> strings(String sql, Object... params) {
        return list(sql, params).stream().map(String::valueOf).toList();
    }

    private static UsageReport usage(UUID id, Held a, OffsetDateTime from, OffsetDateTime to, int cardHours) {
        return new UsageReport(id, 1, null, a.provider, a.allocation, "rec-" + id, from, to,
                BigDecimal.valueOf(cardHours), 1500, cardHours * 1500L, null);
    }

    @Test
    void usageAtAnotherPriceIsRejected() {
        Held a = allocation(true);
        UUID reportId = UUID.randomUUID();
        report(reportId, a.provider, a.allocation, DAY_1, DAY_1.plusDays(1), "96", 1800, 172_800);

        JsonNode rejected = awaitDecision("usage.rejected.v1", reportId);
        assertThat(rejected.path("reason").asText()).isEqualTo("PRICE_MISMATCH");
        assertThat(rejected.path("detail").asText()).contains("1800");
        assertThat(single("select status from allocation where allocation_id = ?1", a.allocation)).isEqualTo("HELD");
    }

    @Test
    void usageOutsideTheWindowOrBeyondTheReservationIsRejected() {
        Held a = allocation(true);
        UUID early = UUID.randomUUID();
        UUID tooMuch = UUID.randomUUID();
        report(early, a.provider, a.allocation, DAY_1.minusDays(1), DAY_1, "10", 1500, 15_000);
        report(tooMuch, a.provider, a.allocation, DAY_1, DAY_1.plusHours(10), "51", 1500, 76_500); // 5 cards × 10 h = 50

        assertThat(awaitDecision("usage.rejected.v1", early).path("reason").asText()).isEqualTo("OUTSIDE_WINDOW");
        assertThat(awaitDecision("usage.rejected.v1", tooMuch).path("reason").asText()).isEqualTo("OVER_RESERVED_CAPACITY");
    }

    @Test
    void usageOnAnAllocationThatIsNotHeldOrNotTheProvidersIsRejected() {
        Held proposedOnly = allocation(false);
        UUID beforeHold = UUID.randomUUID();
        UUID otherProvider = UUID.randomUUID();
        UUID noSuchAllocation = UUID.randomUUID();
        report(beforeHold, proposedOnly.provider, proposedOnly.allocation, DAY_1, DAY_1.plusDays(1), "96", 1500, 144_000);
        report(otherProvider, UUID.randomUUID(), proposedOnly.allocation, DAY_1, DAY_1.plusDays(1), "96", 1500, 144_000);
        report(noSuchAllocation, proposedOnly.provider, UUID.randomUUID(), DAY_1, DAY_1.plusDays(1), "96", 1500, 144_000);

        assertThat(awaitDecision("usage.rejected.v1", beforeHold).path("reason").asText()).isEqualTo("ALLOCATION_NOT_ACTIVE");
        assertThat(awaitDecision("usage.rejected.v1", otherProvider).path("reason").asText()).isEqualTo("UNKNOWN_ALLOCATION");
        assertThat(awaitDecision("usage.rejected.v1", noSuchAllocation).path("reason").asText()).isEqualTo("UNKNOWN_ALLOCATION");
        assertThat(count("select count(*) from usage_decision where usage_report_id in (?1, ?2, ?3) and decision = 'REJECTED'",
                beforeHold, otherProvider, noSuchAllocation)).isEqualTo(3);
    }
}
