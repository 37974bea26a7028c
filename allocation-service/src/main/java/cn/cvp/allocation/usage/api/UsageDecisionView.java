package cn.cvp.allocation.usage.api;

import cn.cvp.allocation.support.EventTimes;
import cn.cvp.allocation.usage.domain.UsageDecision;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@Schema(name = "UsageDecision", description = "allocation-service's decision on one usage report")
public record UsageDecisionView(
        UUID usageReportId,
        Integer reportVersion,
        UUID correctsUsageReportId,
        UUID allocationId,
        UUID providerId,
        UUID voucherId,
        String recordId,
        OffsetDateTime periodStart,
        OffsetDateTime periodEnd,
        @Schema(description = "card-hours, decimal string") String units,
        long unitPriceFen,
        long amountFen,
        String deliveryCertificateRef,
        @Schema(enumeration = {"ACCEPTED", "REJECTED"}) String decision,
        @Schema(description = "stable code of the rejection, e.g. OUTSIDE_WINDOW") String reason,
        String detail,
        @Schema(description = "subsidy to capture (accepted only)") Long subsidyFen,
        List<String> flags,
        OffsetDateTime decidedAt) {

    static UsageDecisionView of(UsageDecision d) {
        return new UsageDecisionView(d.usageReportId(), d.reportVersion(), d.correctsUsageReportId(), d.allocationId(),
                d.providerId(), d.voucherId(), d.recordId(), EventTimes.inProgrammeZone(d.periodStart()),
                EventTimes.inProgrammeZone(d.periodEnd()), d.units().toPlainString(), d.unitPriceFen(), d.amountFen(),
                d.deliveryCertificateRef(), d.decision(), d.reason(), d.detail(), d.subsidyFen(), d.flags(),
                EventTimes.inProgrammeZone(d.decidedAt()));
    }
}
