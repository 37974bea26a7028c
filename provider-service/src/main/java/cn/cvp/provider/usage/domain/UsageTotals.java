package cn.cvp.provider.usage.domain;

import java.math.BigDecimal;

/** What has been reported on an allocation (every version stored so far), and how much of it was accepted. */
public record UsageTotals(long reports, BigDecimal reportedCardHours, long reportedAmountFen,
                          BigDecimal acceptedCardHours, long acceptedAmountFen) {
    public static final UsageTotals NONE = new UsageTotals(0, BigDecimal.ZERO.setScale(3), 0,
            BigDecimal.ZERO.setScale(3), 0);
}
