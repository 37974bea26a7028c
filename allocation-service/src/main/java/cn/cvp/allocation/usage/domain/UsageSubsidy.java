package cn.cvp.allocation.usage.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The subsidy of accepted usage (补贴): the voucher's ratio of the amount, rounded down to the fen, and never more
 * than what the allocation's hold has left. The ratio is the one voucher-service decided for the voucher
 * (voucher.issued.v1 {@code subsidyRatio}, its tiers for startups and domestic chips applied there); this service
 * only applies it. Whatever the hold cannot pay is the enterprise's co-payment.
 */
public final class UsageSubsidy {

    private UsageSubsidy() {
    }

    /**
     * @param subsidyRatio       the voucher's ratio, 0–1
     * @param amountFen          the usage report's amount
     * @param holdFen            what voucher-service holds for the allocation
     * @param acceptedSubsidyFen the subsidy of the allocation's usage accepted before
     * @return floor(ratio × amount), at most {@code holdFen − acceptedSubsidyFen} (never negative)
     */
    public static long of(BigDecimal subsidyRatio, long amountFen, long holdFen, long acceptedSubsidyFen) {
        long byRatio = subsidyRatio.multiply(BigDecimal.valueOf(amountFen)).setScale(0, RoundingMode.FLOOR)
                .longValueExact();
        long leftOfHold = Math.max(0, holdFen - acceptedSubsidyFen);
        return Math.min(byRatio, leftOfHold);
    }

    /** The subsidy of a report's amount on this reservation. */
    public static long of(long amountFen, Reservation reservation) {
        return of(reservation.subsidyRatio(), amountFen, reservation.holdFen(), reservation.acceptedSubsidyFen());
    }
}
