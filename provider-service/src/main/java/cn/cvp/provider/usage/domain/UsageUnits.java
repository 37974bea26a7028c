package cn.cvp.provider.usage.domain;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Usage is counted in the allocation's unit — card-hours (卡时), core-hours (核时) or TB-months: more than 0, at
 * most 100,000,000 in one record, with at most three decimals (INVALID_UNITS). Whether it fits what was reserved is
 * allocation-service's to decide. In events they travel as a plain decimal string without trailing zeros, e.g. "12.5".
 */
public final class UsageUnits {
    public static final int MAX_SCALE = 3;
    public static final BigDecimal MAX = new BigDecimal("100000000");

    private UsageUnits() {
    }

    public static Optional<UsageRecord.Rejection> check(BigDecimal units) {
        if (units.signum() <= 0 || units.compareTo(MAX) > 0) {
            return Optional.of(UsageRecord.Rejection.of("INVALID_UNITS",
                    "units must be more than 0 and at most " + MAX.toPlainString()
                            + " (card-hours, core-hours or TB-months, the allocation's unit)",
                    "units 必须大于 0 且不超过 " + MAX.toPlainString() + "（按分配的计量单位：卡时、核时或 TB·月）"));
        }
        if (units.stripTrailingZeros().scale() > MAX_SCALE) {
            return Optional.of(UsageRecord.Rejection.of("INVALID_UNITS",
                    "units may have at most " + MAX_SCALE + " decimal places",
                    "units 最多保留 " + MAX_SCALE + " 位小数"));
        }
        return Optional.empty();
    }

    /** As events carry them: a plain decimal string without trailing zeros. */
    public static String text(BigDecimal units) {
        return units.stripTrailingZeros().toPlainString();
    }
}
