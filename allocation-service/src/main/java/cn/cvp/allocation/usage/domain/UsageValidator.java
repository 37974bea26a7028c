package cn.cvp.allocation.usage.domain;

import cn.cvp.allocation.matching.domain.AllocationStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;

/**
 * The usage rules (用量校验): a report is accepted only if it is on a live allocation of the reporting
 * provider, inside the allocation's window, at the contracted price, adds up, and stays within what was
 * reserved. The subsidy is the voucher's ratio of the amount, rounded down to the fen, and never more
 * than what is still held for the allocation. Pure: no persistence, no clock.
 */
public final class UsageValidator {

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private UsageValidator() {
    }

    /** @param reservation the allocation the report names, or null if there is none */
    public static UsageVerdict validate(UsageReport report, Reservation reservation) {
        if (reservation == null || !reservation.providerId().equals(report.providerId())) {
            return UsageVerdict.reject(UsageRejection.UNKNOWN_ALLOCATION,
                    "allocation " + report.allocationId() + " is not an allocation of provider " + report.providerId());
        }
        if (reservation.status() != AllocationStatus.HELD && reservation.status() != AllocationStatus.ACTIVE) {
            return UsageVerdict.reject(UsageRejection.ALLOCATION_NOT_ACTIVE,
                    "allocation " + reservation.allocationId() + " is " + reservation.status());
        }
        if (!reservation.voucherActive()) {
            return UsageVerdict.reject(UsageRejection.VOUCHER_NOT_ACTIVE,
                    "voucher " + reservation.voucherId() + " is frozen, revoked or expired");
        }
        if (report.units().signum() <= 0 || report.units().scale() > 3 || report.amountFen() < 0
                || report.unitPriceFen() < 0 || !report.periodEnd().isAfter(report.periodStart())) {
            return UsageVerdict.reject(UsageRejection.INVALID_REPORT,
                    "units must be positive with at most 3 decimals, money not negative, and the period must end after it starts");
        }
        if (report.periodStart().isBefore(reservation.windowStart()) || report.periodEnd().isAfter(reservation.windowEnd())) {
            return UsageVerdict.reject(UsageRejection.OUTSIDE_WINDOW,
                    "period " + report.periodStart() + "/" + report.periodEnd() + " is not inside the allocation window "
                            + reservation.windowStart() + "/" + reservation.windowEnd());
        }
        if (report.unitPriceFen() != reservation.unitPriceFen()) {
            return UsageVerdict.reject(UsageRejection.PRICE_MISMATCH,
                    "unit price " + report.unitPriceFen() + " fen differs from the contracted " + reservation.unitPriceFen());
        }
        BigDecimal exactAmount = report.units().multiply(BigDecimal.valueOf(report.unitPriceFen()));
        BigDecimal amount = BigDecimal.valueOf(report.amountFen());
        if (amount.compareTo(exactAmount.setScale(0, RoundingMode.FLOOR)) < 0
                || amount.compareTo(exactAmount.setScale(0, RoundingMode.CEILING)) > 0) {
            return UsageVerdict.reject(UsageRejection.AMOUNT_MISMATCH,
                    "amount " + report.amountFen() + " fen is not units × unit price (" + exactAmount.toPlainString() + ")");
        }
        BigDecimal cumulative = reservation.acceptedUnits().add(report.units());
        if (cumulative.compareTo(BigDecimal.valueOf(reservation.cardHours())) > 0) {
            return UsageVerdict.reject(UsageRejection.OVER_RESERVED_CAPACITY,
                    "with this report " + cumulative.toPlainString() + " card-hours would be used of the "
                            + reservation.cardHours() + " reserved");
        }
        long periodSeconds = Duration.between(report.periodStart(), report.periodEnd()).toSeconds();
        BigDecimal deliverable = BigDecimal.valueOf(reservation.units()).multiply(BigDecimal.valueOf(periodSeconds));
        if (report.units().multiply(SECONDS_PER_HOUR).compareTo(deliverable) > 0) {
            return UsageVerdict.reject(UsageRejection.OVER_RESERVED_CAPACITY,
                    report.units().toPlainString() + " card-hours cannot be delivered by " + reservation.units()
                            + " reserved cards in " + periodSeconds + " s");
        }
        return UsageVerdict.accept(subsidy(report.amountFen(), reservation), List.of());
    }

    /** ratio × amount rounded down to the fen, capped by what is still held for the allocation. */
    static long subsidy(long amountFen, Reservation reservation) {
        long byRatio = reservation.subsidyRatio().multiply(BigDecimal.valueOf(amountFen))
                .setScale(0, RoundingMode.FLOOR).longValueExact();
        long stillHeld = Math.max(0, reservation.holdFen() - reservation.acceptedSubsidyFen());
        return Math.min(byRatio, stillHeld);
    }
}
