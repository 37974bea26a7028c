package cn.cvp.allocation.matching.domain;

import cn.cvp.allocation.matching.events.AllocationCancelledV1;
import cn.cvp.allocation.matching.events.AllocationCreatedV1;
import cn.cvp.allocation.matching.events.AllocationHeldV1;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AllocationTest {

    static final OffsetDateTime NOW = OffsetDateTime.parse("2025-12-01T10:00:00+08:00");

    static Voucher voucher() {
        return voucher(Fixtures.GPU, new BigDecimal("0.20"), new BigDecimal("0.30"));
    }

    /** A voucher for a resource class with the ratio voucher-service decided and the programme's domestic-chip ratio. */
    static Voucher voucher(String resourceClass, BigDecimal subsidyRatio, BigDecimal domesticChipSubsidyRatio) {
        return Voucher.issued(new Voucher.Issued(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "BJ-AICV",
                Fixtures.ENTERPRISE, List.of(), 10_000_000, subsidyRatio, domesticChipSubsidyRatio,
                Set.of(ProviderRequirement.PARTNER_PROGRAMME), NOW.minusDays(1), NOW.plusYears(1), resourceClass, 1000,
                List.of("110000"), Fixtures.JAN_1.atOffset(ZoneOffset.UTC), Fixtures.JAN_11.atOffset(ZoneOffset.UTC)), NOW);
    }

    static Fill fill(String resourceClass, boolean domestic, long cardHours) {
        return new Fill(UUID.randomUUID(), 1, UUID.randomUUID(), resourceClass, "110108", domestic, 5, cardHours, 1500,
                cardHours * 1500, Fixtures.JAN_1, Fixtures.JAN_11);
    }

    static Fill fill(boolean domestic, long cardHours) {
        return fill(Fixtures.GPU, domestic, cardHours);
    }

    static Allocation proposed() {
        return Allocation.propose(UUID.randomUUID(), voucher(), fill(false, 1000), "{}", NOW);
    }

    @Test
    void aProposedAllocationCarriesTheFillAndTheVouchersRatio() {
        Allocation a = Allocation.propose(UUID.randomUUID(), voucher(), fill(false, 1000), "{}", NOW);
        AllocationCreatedV1 created = a.created();
        assertThat(a.status()).isEqualTo(AllocationStatus.PROPOSED);
        assertThat(a.subsidyRatio()).isEqualByComparingTo("0.20");
        assertThat(created.amountFen()).isEqualTo(1_500_000);
        assertThat(created.status()).isEqualTo("PROPOSED");
        assertThat(created.windowStart()).isEqualTo(OffsetDateTime.parse("2026-01-01T08:00:00+08:00"));
    }

    @Test
    void theRatioIsTheOneVoucherServiceDecidedEvenForAStartupOnDomesticChips() {
        // programme: 20 %, domestic chips 30 %, startups 60 %; voucher-service decided 60 % for the startup's NPU
        // voucher (its highest tier). The allocation (of the voucher's class: matching stays within it) keeps 60 %,
        // it does not fall back to the event's domestic-chip 30 %.
        Voucher startupOnNpu = voucher("NPU_ASCEND_910B", new BigDecimal("0.60"), new BigDecimal("0.30"));
        Allocation a = Allocation.propose(UUID.randomUUID(), startupOnNpu, fill("NPU_ASCEND_910B", true, 1000), "{}", NOW);
        assertThat(a.subsidyRatio()).isEqualByComparingTo("0.60");

        // a domestic-chip voucher of a non-startup: voucher-service already sent the domestic-chip ratio as its ratio
        Voucher domestic = voucher("NPU_ASCEND_910B", new BigDecimal("0.30"), new BigDecimal("0.30"));
        assertThat(Allocation.propose(UUID.randomUUID(), domestic, fill("NPU_ASCEND_910B", true, 1000), "{}", NOW)
                .subsidyRatio()).isEqualByComparingTo("0.30");
    }

    @Test
    void proposedThenHeldThenActiveThenCompleted() {
        Allocation a = proposed();
        AllocationHeldV1 held = a.hold(300_000, NOW);
        assertThat(held.holdFen()).isEqualTo(300_000);
        assertThat(a.status()).isEqualTo(AllocationStatus.HELD);

        a.recordAcceptedUsage(new BigDecimal("400"), 600_000, 120_000, NOW);
        assertThat(a.status()).isEqualTo(AllocationStatus.ACTIVE);
        a.recordAcceptedUsage(new BigDecimal("600"), 900_000, 180_000, NOW);
        assertThat(a.status()).isEqualTo(AllocationStatus.COMPLETED);
        assertThat(a.acceptedSubsidyFen()).isEqualTo(300_000);
    }

    @Test
    void aRefusedHoldCancelsAProposedAllocation() {
        Allocation a = proposed();
        AllocationCancelledV1 cancelled = a.cancel("INSUFFICIENT_BALANCE", NOW);
        assertThat(cancelled.reason()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(a.status()).isEqualTo(AllocationStatus.CANCELLED);
    }

    @Test
    void illegalTransitionsChangeNothing() {
        Allocation a = proposed();
        a.hold(300_000, NOW);
        assertThatThrownBy(() -> a.hold(1, NOW)).isInstanceOf(IllegalTransitionException.class).hasMessageContaining("HELD");
        assertThatThrownBy(() -> a.cancel("X", NOW)).isInstanceOf(IllegalTransitionException.class);
        assertThat(a.status()).isEqualTo(AllocationStatus.HELD);
        assertThat(a.holdFen()).isEqualTo(300_000);

        Allocation p = proposed();
        assertThatThrownBy(() -> p.recordAcceptedUsage(BigDecimal.ONE, 1500, 300, NOW))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(p.acceptedUnits()).isEqualByComparingTo("0");
    }

    @Test
    void aWaitlistEntryBecomesAProposalWhenCapacityAppears() {
        Voucher v = voucher();
        Allocation w = Allocation.waitlist(UUID.randomUUID(), v, 1000, "NO_ELIGIBLE_OFFERING", "{}", NOW);
        assertThat(w.waitlisted().cardHours()).isEqualTo(1000);
        assertThat(w.waitlisted().reason()).isEqualTo("NO_ELIGIBLE_OFFERING");

        AllocationCreatedV1 created = w.proposeFromWaitlist(v, fill(false, 600), "{}", NOW);
        assertThat(created.allocationId()).isEqualTo(w.allocationId());
        assertThat(w.status()).isEqualTo(AllocationStatus.PROPOSED);
        assertThat(w.cardHours()).isEqualTo(600);
        assertThatThrownBy(() -> w.proposeFromWaitlist(v, fill(false, 1), "{}", NOW))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void usageCannotExceedTheReservationOrTheHold() {
        Allocation a = proposed();
        a.hold(100, NOW);
        assertThatThrownBy(() -> a.recordAcceptedUsage(new BigDecimal("1000.001"), 0, 0, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> a.recordAcceptedUsage(BigDecimal.ONE, 1500, 101, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(a.status()).isEqualTo(AllocationStatus.HELD);
    }

    @Test
    void aVoucherEndingOrAWithdrawalCancelsLiveReservationsAndReleasesOnlyTheUnusedFuture() {
        Allocation a = proposed(); // 5 cards, 1000 card-hours, Jan 1–11 (240 h)
        a.hold(300_000, NOW);
        assertThat(a.unused()).isTrue();
        assertThat(a.unusedFutureCardHours(NOW)).as("before the window: all of it").isEqualTo(1000);
        a.recordAcceptedUsage(new BigDecimal("400.5"), 600_750, 120_150, NOW);
        assertThat(a.unused()).isFalse();
        OffsetDateTime jan6 = Fixtures.JAN_1.plus(java.time.Duration.ofDays(5)).atOffset(ZoneOffset.UTC);
        assertThat(a.unusedFutureCardHours(jan6)).as("599 unused, 5 cards × 120 h left").isEqualTo(599);
        assertThat(a.unusedFutureCardHours(jan6.plusDays(3))).as("5 cards × 48 h left").isEqualTo(240);
        assertThat(a.unusedFutureCardHours(Fixtures.JAN_11.atOffset(ZoneOffset.UTC))).isZero();

        AllocationCancelledV1 cancelled = a.terminate("VOUCHER_REVOKED", jan6);
        assertThat(cancelled.reason()).isEqualTo("VOUCHER_REVOKED");
        assertThat(a.status()).isEqualTo(AllocationStatus.CANCELLED);
        assertThat(a.acceptedUnits()).as("accepted usage stays").isEqualByComparingTo("400.5");
        assertThatThrownBy(() -> a.terminate("AGAIN", jan6)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aWaitlistEntryCanTakeMoreDemand() {
        Allocation w = Allocation.waitlist(UUID.randomUUID(), voucher(), 100, "INSUFFICIENT_CAPACITY", "{}", NOW);
        w.addToWaitlist(250, NOW);
        assertThat(w.cardHours()).isEqualTo(350);
        assertThatThrownBy(() -> proposed().addToWaitlist(10, NOW)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aVoucherFreezesThawsAndEndsOnce() {
        Voucher v = voucher();
        assertThat(v.prefersDomesticChips()).as("0.30 for domestic chips > 0.20").isTrue();
        assertThat(v.freeze()).isTrue();
        assertThat(v.isActiveAt(NOW)).isFalse();
        assertThat(v.statusAt(NOW)).isEqualTo(Voucher.FROZEN);
        assertThat(v.unfreeze()).isTrue();
        assertThat(v.isActiveAt(NOW)).isTrue();
        assertThat(v.statusAt(NOW.plusYears(2))).as("past validUntil").isEqualTo(Voucher.EXPIRED);
        assertThat(v.end(Voucher.REVOKED)).isTrue();
        assertThat(v.end(Voucher.EXPIRED)).isFalse();
        assertThat(v.freeze()).isFalse();
        assertThat(v.unfreeze()).isFalse();
        assertThat(v.status()).isEqualTo(Voucher.REVOKED);
    }
}
