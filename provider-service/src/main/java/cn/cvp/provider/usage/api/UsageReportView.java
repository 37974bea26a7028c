package cn.cvp.provider.usage.api;

import cn.cvp.provider.usage.domain.UsageReport;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A usage report with its status and allocation-service's decision. Money in fen, usage in card-hours. */
public record UsageReportView(UUID id, UUID providerId, String recordId, int version, UUID correctsUsageReportId,
                              UUID allocationId, OffsetDateTime periodStart, OffsetDateTime periodEnd,
                              BigDecimal units, long unitPriceFen, long amountFen, String deliveryCertificateRef,
                              String status, String rejectionReason, String rejectionDetail,
                              BigDecimal acceptedUnits, Long acceptedAmountFen, Long subsidyFen, List<String> flags,
                              OffsetDateTime receivedAt, OffsetDateTime decidedAt) {
    public static UsageReportView of(UsageReport r) {
        return new UsageReportView(r.id(), r.providerId(), r.recordId(), r.version(), r.correctsUsageReportId(),
                r.allocationId(), r.periodStart(), r.periodEnd(), r.units(), r.unitPriceFen(), r.amountFen(),
                r.deliveryCertificateRef(), r.status().name(), r.rejectionReason(), r.rejectionDetail(),
                r.acceptedUnits(), r.acceptedAmountFen(), r.subsidyFen(), r.flags(), r.receivedAt(), r.decidedAt());
    }
}
