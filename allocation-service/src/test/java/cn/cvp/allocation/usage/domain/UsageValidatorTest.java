package cn.cvp.allocation.usage.domain;

import cn.cvp.allocation.matching.domain.AllocationStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class UsageValidatorTest {

    static final UUID PROVIDER = UUID.randomUUID();
    static final UUID ALLOCATION = UUID.randomUUID();
    static final OffsetDateTime START = OffsetDateTime.parse("2026-01-01T00:00:00+08:00");
    static final OffsetDateTime END = START.plusDays(10);

    /** 4 cards for 240 h, 960 card-hours reserved at 1500 fen, 20 %, 288,000 fen held. */
    static Reservation reservation() {
        return new Reservation(ALLOCATION, PROVIDER, UUID.randomUUID(), AllocationStatus.HELD, START, END, 4, 960,
                1500, new BigDecimal("0.20"), 288_000, BigDecimal.ZERO, 0, true);
    }

    /** 96 card-hours over the first day (4 cards × 24 h). */
    static UsageReport report(String units, long priceFen, long amountFen, OffsetDateTime from, OffsetDateTime to) {
        return new UsageReport(UUID.randomUUID(), 1, null, PROVIDER, ALLOCATION, "rec-1", from, to,
                new BigDecimal(units), priceFen, amountFen, "DC-2026-0001");
    }

    static UsageReport aDay() {
        return report("96", 1500, 144_000, START, START.plusDays(1));
    }

    @Test
    void aReportWithinTheReservationIsAcceptedWithTheRatioOfTheAmount() {
        UsageVerdict v = UsageValidator.validate(aDay(), reservation());
        assertThat(v.accepted()).isTrue();
        assertThat(v.subsidyFen()).isEqualTo(28_800); // 20 % of 144,000
        assertThat(v.flags()).isEmpty();
    }

    @Test
    void theSubsidyIsRoundedDownToTheFen() {
        // 0.333 card-hours × 1500 = 499.5 fen → amount 499 or 500; 20 % of 499 = 99.8 → 99
        UsageVerdict v = UsageValidator.validate(report("0.333", 1500, 499, START, START.plusHours(1)), reservation());
        assertThat(v.accepted()).isTrue();
        assertThat(v.subsidyFen()).isEqualTo(99);
    }

    @Test
    void theSubsidyNeverExceedsWhatIsStillHeld() {
        Reservation r = reservation();
        Reservation almostUsedUp = new Reservation(r.allocationId(), r.providerId(), r.voucherId(), AllocationStatus.ACTIVE,
                r.windowStart(), r.windowEnd(), r.units(), r.cardHours(), r.unitPriceFen(), r.subsidyRatio(),
                r.holdFen(), new BigDecimal("800"), 280_000, true);
        UsageVerdict v = UsageValidator.validate(aDay(), almostUsedUp);
        assertThat(v.accepted()).isTrue();
        assertThat(v.subsidyFen()).isEqualTo(8_000); // 288,000 held − 280,000 already accepted
    }

    @Test
    void aCorrectionOfAnAcceptedReportIsRefusedForReviewButOneOfARejectedReportIsDecidedAsAnyReport() {
        UsageReport correction = new UsageReport(UUID.randomUUID(), 2, UUID.randomUUID(), PROVIDER, ALLOCATION, "rec-1",
                START, START.plusDays(1), new BigDecimal("90"), 1500, 135_000, "DC-2026-0001");
        UsageVerdict paidTwice = UsageValidator.validate(correction, reservation(), true);
        assertThat(paidTwice.accepted()).isFalse();
        assertThat(paidTwice.reason()).isEqualTo(UsageRejection.CORRECTS_ACCEPTED_USAGE);
        assertThat(paidTwice.flags()).containsExactly(UsageFlag.CORRECTION_OF_ACCEPTED_USAGE.name());

        UsageVerdict fixed = UsageValidator.validate(correction, reservation(), false);
        assertThat(fixed.accepted()).isTrue();
        assertThat(fixed.subsidyFen()).isEqualTo(27_000);
    }

    @Test
    void anAllocationThatDoesNotExistIsUnknown() {
        assertThat(UsageValidator.validate(aDay(), null).reason()).isEqualTo(UsageRejection.UNKNOWN_ALLOCATION);
    }

    @Test
    void anotherProvidersAllocationIsUnknownToo() {
        Reservation r = reservation();
        Reservation someoneElses = new Reservation(r.allocationId(), UUID.randomUUID(), r.voucherId(), r.status(),
                r.windowStart(), r.windowEnd(), r.units(), r.cardHours(), r.unitPriceFen(), r.subsidyRatio(),
                r.holdFen(), r.acceptedUnits(), r.acceptedSubsidyFen(), true);
        assertThat(UsageValidator.validate(aDay(), someoneElses).reason()).isEqualTo(UsageRejection.UNKNOWN_ALLOCATION);
    }

    @ParameterizedTest
    @EnumSource(value = AllocationStatus.class, names = {"PROPOSED", "COMPLETED", "CANCELLED", "WAITLISTED"})
    void onlyHeldOrActiveAllocationsTakeUsage(AllocationStatus status) {
        Reservation r = reservation();
        Reservation notLive = new Reservation(r.allocationId(), r.providerId(), r.voucherId(), status,
                r.windowStart(), r.windowEnd(), r.units(), r.cardHours(), r.unitPriceFen(), r.subsidyRatio(),
                r.holdFen(), r.acceptedUnits(), r.acceptedSubsidyFen(), true);
        assertThat(UsageValidator.validate(aDay(), notLive).reason()).isEqualTo(UsageRejection.ALLOCATION_NOT_ACTIVE);
    }

    @Test
    void aFrozenRevokedOrExpiredVoucherTakesNoUsage() {
        Reservation r = reservation();
        Reservation frozen = new Reservation(r.allocationId(), r.providerId(), r.voucherId(), r.status(),
                r.windowStart(), r.windowEnd(), r.units(), r.cardHours(), r.unitPriceFen(), r.subsidyRatio(),
                r.holdFen(), r.acceptedUnits(), r.acceptedSubsidyFen(), false);
        assertThat(UsageValidator.validate(aDay(), frozen).reason()).isEqualTo(UsageRejection.VOUCHER_NOT_ACTIVE);
    }

    @Test
    void aPeriodOutsideTheWindowIsRejected() {
        assertThat(UsageValidator.validate(report("96", 1500, 144_000, START.minusHours(1), START.plusHours(23)),
                reservation()).reason()).isEqualTo(UsageRejection.OUTSIDE_WINDOW);
        assertThat(UsageValidator.validate(report("96", 1500, 144_000, END.minusHours(23), END.plusHours(1)),
                reservation()).reason()).isEqualTo(UsageRejection.OUTSIDE_WINDOW);
    }

    @Test
    void anotherPriceThanContractedIsRejected() {
        UsageVerdict v = UsageValidator.validate(report("96", 1800, 172_800, START, START.plusDays(1)), reservation());
        assertThat(v.reason()).isEqualTo(UsageRejection.PRICE_MISMATCH);
        assertThat(v.detail()).contains("1800").contains("1500");
    }

    @Test
    void anAmountThatIsNotUnitsTimesPriceIsRejected() {
        assertThat(UsageValidator.validate(report("96", 1500, 150_000, START, START.plusDays(1)), reservation()).reason())
                .isEqualTo(UsageRejection.AMOUNT_MISMATCH);
    }

    @Test
    void moreCardHoursThanReservedInTotalAreRejected() {
        Reservation r = reservation();
        Reservation mostlyUsed = new Reservation(r.allocationId(), r.providerId(), r.voucherId(), AllocationStatus.ACTIVE,
                r.windowStart(), r.windowEnd(), r.units(), r.cardHours(), r.unitPriceFen(), r.subsidyRatio(),
                r.holdFen(), new BigDecimal("900"), 270_000, true);
        UsageVerdict v = UsageValidator.validate(report("96", 1500, 144_000, START.plusDays(5), START.plusDays(6)), mostlyUsed);
        assertThat(v.reason()).isEqualTo(UsageRejection.OVER_RESERVED_CAPACITY);
        assertThat(v.detail()).contains("996").contains("960");
    }

    @Test
    void moreCardHoursThanTheReservedCardsCanDeliverInThePeriodAreRejected() {
        // 4 cards × 1 h = 4 card-hours at most
        assertThat(UsageValidator.validate(report("5", 1500, 7_500, START, START.plusHours(1)), reservation()).reason())
                .isEqualTo(UsageRejection.OVER_RESERVED_CAPACITY);
        assertThat(UsageValidator.validate(report("4", 1500, 6_000, START, START.plusHours(1)), reservation()).accepted())
                .isTrue();
    }

    @Test
    void nonsensicalReportsAreRejectedAsInvalid() {
        assertThat(UsageValidator.validate(report("0", 1500, 0, START, START.plusHours(1)), reservation()).reason())
                .isEqualTo(UsageRejection.INVALID_REPORT);
        assertThat(UsageValidator.validate(report("-1", 1500, -1500, START, START.plusHours(1)), reservation()).reason())
                .isEqualTo(UsageRejection.INVALID_REPORT);
        assertThat(UsageValidator.validate(report("1", 1500, 1500, START.plusHours(1), START), reservation()).reason())
                .isEqualTo(UsageRejection.INVALID_REPORT);
        assertThat(UsageValidator.validate(report("1.0001", 1500, 1500, START, START.plusHours(1)), reservation()).reason())
                .isEqualTo(UsageRejection.INVALID_REPORT);
    }

    private static Reservation withVoucher(Reservation r, boolean active, String status, OffsetDateTime validUntil,
                                           boolean related) {
        return new Reservation(r.allocationId(), r.providerId(), r.voucherId(), r.status(), r.windowStart(),
                r.windowEnd(), r.units(), r.cardHours(), r.unitPriceFen(), r.subsidyRatio(), r.holdFen(),
                r.acceptedUnits(), r.acceptedSubsidyFen(), active, status, validUntil, related);
    }

    @Test
    void usageOnAFrozenOrRevokedVoucherIsRejectedAndFlagged() {
        UsageVerdict frozen = UsageValidator.validate(aDay(), withVoucher(reservation(), false, "FROZEN", null, false));
        assertThat(frozen.reason()).isEqualTo(UsageRejection.VOUCHER_NOT_ACTIVE);
        assertThat(frozen.flags()).containsExactly("USAGE_ON_FROZEN_VOUCHER");
        UsageVerdict revoked = UsageValidator.validate(aDay(), withVoucher(reservation(), false, "REVOKED", null, false));
        assertThat(revoked.flags()).containsExactly("USAGE_ON_REVOKED_VOUCHER");
        UsageVerdict expired = UsageValidator.validate(aDay(), withVoucher(reservation(), false, "EXPIRED", null, false));
        assertThat(expired.reason()).isEqualTo(UsageRejection.VOUCHER_NOT_ACTIVE);
        assertThat(expired.flags()).isEmpty();
    }

    @Test
    void relatedPartiesAreAcceptedButFlagged() {
        UsageVerdict v = UsageValidator.validate(aDay(), withVoucher(reservation(), true, "ACTIVE", null, true));
        assertThat(v.accepted()).isTrue();
        assertThat(v.flags()).containsExactly("RELATED_PARTY");
    }

    @Test
    void aSpikeInTheLastDaysBeforeExpiryIsFlagged() {
        Reservation r = reservation();
        // the voucher expires two days after the report's day ends; nothing used before: 96 of 960 is no spike
        OffsetDateTime validUntil = aDay().periodEnd().plusDays(2);
        assertThat(UsageValidator.validate(aDay(), withVoucher(r, true, "ACTIVE", validUntil, false)).flags()).isEmpty();
        // … but half the reservation at once is
        Reservation big = new Reservation(r.allocationId(), r.providerId(), r.voucherId(), r.status(), r.windowStart(),
                r.windowEnd(), 40, r.cardHours(), r.unitPriceFen(), r.subsidyRatio(), r.holdFen(), r.acceptedUnits(),
                r.acceptedSubsidyFen(), true, "ACTIVE", validUntil, false);
        UsageReport half = new UsageReport(UUID.randomUUID(), 1, null, r.providerId(), r.allocationId(), "r",
                aDay().periodStart(), aDay().periodEnd(), new BigDecimal("480"), 1500, 720_000, "dc");
        UsageVerdict spike = UsageValidator.validate(half, big);
        assertThat(spike.accepted()).isTrue();
        assertThat(spike.flags()).containsExactly("USAGE_SPIKE_BEFORE_EXPIRY");
        // far from expiry the same report is not flagged
        assertThat(UsageValidator.validate(half, withVoucher(big, true, "ACTIVE", validUntil.plusDays(30), false)).flags())
                .isEmpty();
    }

    @Test
    void aSpikeIsMeasuredAgainstTheRateBefore() {
        Reservation r = reservation(); // 4 cards, window START..END
        OffsetDateTime dayTwo = aDay().periodEnd();
        // 24 card-hours accepted over the first day (1 per hour); the second day at 4 per hour is a spike near expiry
        Reservation used = new Reservation(r.allocationId(), r.providerId(), r.voucherId(), AllocationStatus.ACTIVE,
                r.windowStart(), r.windowEnd(), r.units(), r.cardHours(), r.unitPriceFen(), r.subsidyRatio(), r.holdFen(),
                new BigDecimal("24"), 7_200, true, "ACTIVE", dayTwo.plusDays(3), false);
        UsageReport fast = new UsageReport(UUID.randomUUID(), 1, null, r.providerId(), r.allocationId(), "r",
                dayTwo, dayTwo.plusDays(1), new BigDecimal("96"), 1500, 144_000, "dc");
        UsageReport steady = new UsageReport(UUID.randomUUID(), 1, null, r.providerId(), r.allocationId(), "r",
                dayTwo, dayTwo.plusDays(1), new BigDecimal("40"), 1500, 60_000, "dc");
        assertThat(UsageValidator.validate(fast, used).flags()).containsExactly("USAGE_SPIKE_BEFORE_EXPIRY");
        assertThat(UsageValidator.validate(steady, used).flags()).isEmpty();
    }
}
