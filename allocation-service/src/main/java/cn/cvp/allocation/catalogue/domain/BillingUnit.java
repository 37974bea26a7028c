package cn.cvp.allocation.catalogue.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * What an offering's price is per and what capacity, demand and usage are counted in. Each resource class has
 * exactly one unit (provider-service decides it; offering.published.v1 {@code unit}).
 *
 * <ul>
 *   <li>{@link #CARD_HOUR} card-hours (卡时): GPU/NPU cards × whole hours;</li>
 *   <li>{@link #CORE_HOUR} core-hours (核时): CPU cores × whole hours;</li>
 *   <li>{@link #TB_MONTH} TB-months: storage TB × whole months, a month being exactly 30 days (2,592,000 s)
 *       counted from the start of the period — not calendar months, so that every month is as long as every
 *       other and a capacity never depends on which month a window starts in.</li>
 * </ul>
 * Capacity over a period is units × the whole unit-periods (hours, or 30-day months) in it; a part period counts
 * for nothing.
 */
public enum BillingUnit {
    CARD_HOUR("card-hours", 3_600L),
    CORE_HOUR("core-hours", 3_600L),
    TB_MONTH("TB-months", 30L * 24 * 3_600);

    /** A storage month: 30 days. */
    public static final long SECONDS_PER_MONTH = 30L * 24 * 3_600;

    private final String label;
    private final long periodSeconds;

    BillingUnit(String label, long periodSeconds) {
        this.label = label;
        this.periodSeconds = periodSeconds;
    }

    /** The unit by its code; empty for a code this service does not know. */
    public static Optional<BillingUnit> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (BillingUnit u : values()) {
            if (u.name().equals(code)) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }

    /** "card-hours", "core-hours" or "TB-months", for messages. */
    public String label() {
        return label;
    }

    /** How long one unit-period is: an hour, or a 30-day month. */
    public long periodSeconds() {
        return periodSeconds;
    }

    /** Whole periods in so many seconds (0 for none or a negative span). */
    public long wholePeriods(long seconds) {
        return seconds > 0 ? seconds / periodSeconds : 0;
    }

    /** Whole periods from {@code from} to {@code to} (0 if {@code to} is not after {@code from}). */
    public long wholePeriods(Instant from, Instant to) {
        return wholePeriods(to.getEpochSecond() - from.getEpochSecond());
    }

    /** What so many units (cards, cores, TB) deliver from {@code from} to {@code to}: units × whole periods. */
    public long capacity(int units, Instant from, Instant to) {
        return Math.multiplyExact((long) units, wholePeriods(from, to));
    }

    /**
     * Whether so many units can deliver {@code quantity} (a decimal, e.g. reported usage) in so many seconds:
     * quantity × period ≤ units × seconds. Exact, no rounding.
     */
    public boolean deliverable(BigDecimal quantity, int units, long seconds) {
        return quantity.multiply(BigDecimal.valueOf(periodSeconds))
                .compareTo(BigDecimal.valueOf(units).multiply(BigDecimal.valueOf(seconds))) <= 0;
    }
}
