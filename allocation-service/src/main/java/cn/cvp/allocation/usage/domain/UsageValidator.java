package cn.cvp.allocation.usage.domain;

import cn.cvp.allocation.catalogue.domain.BillingUnit;
import cn.cvp.allocation.matching.domain.AllocationStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The usage rules (用量校验): a report is accepted only if it is on a live allocation of the reporting
 * provider, inside the allocation's window, at the contracted price, adds up, and stays within what was
 * reserved. A report's {@code units} are in the allocation's unit (card-hours, core-hours or TB-months), and what
 * was reserved bounds them: the reservation's quantity in total, and what its cards, cores or TB can deliver in
 * the report's period (units × whole-or-part hours; for TB-months, units × period / 30 days). The subsidy of an
 * accepted report is {@link UsageSubsidy}. Pure: no persistence, no clock.
 */
public final class UsageValidator {

    /** how close to the voucher's expiry usage counts as "in the last days" */
    public static final Duration SPIKE_DAYS_BEFORE_EXPIRY = Duration.ofDays(7);
    /** how much faster than before usage must run to be a spike */
    public static final long SPIKE_FACTOR = 2;

    private UsageValidator() {
    }

    /** @param reservation the allocation the report names, or null if there is none */
    public static UsageVerdict validate(UsageReport report, Reservation reservation) {
        return validate(report, reservation, false);
    }

    /**
     * @param reservation            the allocation the report names, or null if there is none
     * @param correctsAcceptedReport the report is a correction ({@code correctsUsageReportId}) of one that was
     *                               accepted: it would be paid on top of it, so it is refused for review. (A
     *                               correction of a rejected report is decided like any report.)
     */
    public static UsageVerdict validate(UsageReport report, Reservation reservation, boolean correctsAcceptedReport) {
        if (reservation == null || !reservation.providerId().equals(report.providerId())) {
            return UsageVerdict.reject(UsageRejection.UNKNOWN_ALLOCATION,
                    "allocation " + report.allocationId() + " is not an allocation of provider " + report.providerId());
        }
        if (correctsAcceptedReport) {
            return UsageVerdict.reject(UsageRejection.CORRECTS_ACCEPTED_USAGE,
                    "usage report " + report.correctsUsageReportId() + ", which this corrects, was accepted and is "
                            + "being paid; a correction of paid usage is adjusted by the programme office",
                    List.of(UsageFlag.CORRECTION_OF_ACCEPTED_USAGE.name()));
        }
        if (!reservation.voucherActive()) {
            List<String> flags = switch (String.valueOf(reservation.voucherStatus())) {
                case "FROZEN" -> List.of(UsageFlag.USAGE_ON_FROZEN_VOUCHER.name());
                case "REVOKED" -> List.of(UsageFlag.USAGE_ON_REVOKED_VOUCHER.name());
                default -> List.of();
            };
            return UsageVerdict.reject(UsageRejection.VOUCHER_NOT_ACTIVE,
                    "voucher " + reservation.voucherId() + " is " + reservation.voucherStatus()
                            + " (frozen, revoked or expired vouchers pay for no usage)", flags);
        }
        if (reservation.status() != AllocationStatus.HELD && reservation.status() != AllocationStatus.ACTIVE) {
            return UsageVerdict.reject(UsageRejection.ALLOCATION_NOT_ACTIVE,
                    "allocation " + reservation.allocationId() + " is " + reservation.status());
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
        BillingUnit unit = reservation.billingUnit();
        BigDecimal cumulative = reservation.acceptedUnits().add(report.units());
        if (cumulative.compareTo(BigDecimal.valueOf(reservation.cardHours())) > 0) {
            return UsageVerdict.reject(UsageRejection.OVER_RESERVED_CAPACITY,
                    "with this report " + cumulative.toPlainString() + " " + unit.label() + " would be used of the "
                            + reservation.cardHours() + " reserved");
        }
        // what the reserved cards, cores or TB can deliver in the period: units × period / (an hour, or 30 days)
        long periodSeconds = Duration.between(report.periodStart(), report.periodEnd()).toSeconds();
        if (!unit.deliverable(report.units(), reservation.units(), periodSeconds)) {
            return UsageVerdict.reject(UsageRejection.OVER_RESERVED_CAPACITY,
                    report.units().toPlainString() + " " + unit.label() + " cannot be delivered by "
                            + reservation.units() + " reserved " + unitsNoun(unit) + " in " + periodSeconds + " s");
        }
        return UsageVerdict.accept(UsageSubsidy.of(report.amountFen(), reservation), flags(report, reservation));
    }

    private static String unitsNoun(BillingUnit unit) {
        return switch (unit) {
            case CARD_HOUR -> "cards";
            case CORE_HOUR -> "cores";
            case TB_MONTH -> "TB";
        };
    }

    /** Fraud rules that do not block acceptance but put the decision before an administrator. */
    static List<String> flags(UsageReport report, Reservation reservation) {
        List<String> flags = new ArrayList<>(2);
        if (spikeBeforeExpiry(report, reservation)) {
            flags.add(UsageFlag.USAGE_SPIKE_BEFORE_EXPIRY.name());
        }
        if (reservation.relatedParty()) {
            flags.add(UsageFlag.RELATED_PARTY.name());
        }
        return flags;
    }

    /**
     * A report whose period ends in the last {@link #SPIKE_DAYS_BEFORE_EXPIRY} days before the voucher expires
     * and whose rate (card-hours per hour) is more than {@link #SPIKE_FACTOR} × the allocation's rate of accepted
     * usage before it (from the window's start to the report's start); with nothing accepted before, a report of
     * at least half the reservation at once.
     */
    static boolean spikeBeforeExpiry(UsageReport report, Reservation reservation) {
        OffsetDateTime validUntil = reservation.voucherValidUntil();
        if (validUntil == null || !report.periodEnd().isAfter(validUntil.minus(SPIKE_DAYS_BEFORE_EXPIRY))) {
            return false;
        }
        BigDecimal accepted = reservation.acceptedUnits();
        long secondsBefore = Duration.between(reservation.windowStart(), report.periodStart()).toSeconds();
        if (accepted.signum() == 0 || secondsBefore <= 0) {
            return report.units().multiply(BigDecimal.valueOf(2)).compareTo(BigDecimal.valueOf(reservation.cardHours())) >= 0;
        }
        long periodSeconds = Duration.between(report.periodStart(), report.periodEnd()).toSeconds();
        // units / period > factor × accepted / before  ⇔  units × before > factor × accepted × period
        return report.units().multiply(BigDecimal.valueOf(secondsBefore))
                .compareTo(accepted.multiply(BigDecimal.valueOf(SPIKE_FACTOR * periodSeconds))) > 0;
    }
}
