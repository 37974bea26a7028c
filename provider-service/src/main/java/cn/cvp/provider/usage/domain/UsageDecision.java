package cn.cvp.provider.usage.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** allocation-service's decision on one report: ACCEPTED with what was accepted, or REJECTED with the reason. */
public record UsageDecision(UUID usageReportId, UsageReportStatus status, BigDecimal acceptedUnits,
                            Long acceptedAmountFen, Long subsidyFen, List<String> flags, String rejectionReason,
                            String rejectionDetail) {

    public static UsageDecision accepted(UUID usageReportId, BigDecimal units, Long amountFen, Long subsidyFen,
                                         List<String> flags) {
        return new UsageDecision(usageReportId, UsageReportStatus.ACCEPTED, units, amountFen, subsidyFen,
                flags == null ? List.of() : List.copyOf(flags), null, null);
    }

    public static UsageDecision rejected(UUID usageReportId, String reason, String detail) {
        return new UsageDecision(usageReportId, UsageReportStatus.REJECTED, null, null, null, null, reason, detail);
    }
}
