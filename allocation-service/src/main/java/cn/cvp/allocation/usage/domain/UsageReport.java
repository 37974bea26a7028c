package cn.cvp.allocation.usage.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A provider's report of compute delivered on an allocation (usage.reported.v1).
 *
 * @param units card-hours (卡时), up to three decimal places
 */
public record UsageReport(
        UUID usageReportId,
        Integer version,
        UUID correctsUsageReportId,
        UUID providerId,
        UUID allocationId,
        String recordId,
        OffsetDateTime periodStart,
        OffsetDateTime periodEnd,
        BigDecimal units,
        long unitPriceFen,
        long amountFen,
        String deliveryCertificateRef) {
}
