package cn.cvp.provider.api;

import cn.cvp.provider.application.AllocationQueries;
import cn.cvp.provider.domain.Offering;
import cn.cvp.provider.domain.Provider;
import cn.cvp.provider.domain.ProviderObjection;
import cn.cvp.provider.domain.ProviderAllocation;
import cn.cvp.provider.domain.UsageBatch;
import cn.cvp.provider.domain.UsageReport;
import cn.cvp.provider.persistence.UsageReportStore;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the API answers. Money in fen, usage in card-hours. */
public final class Views {
    private Views() {
    }

    public record ProviderView(UUID id, String creditCode, String name, String region, int yearsOperating,
                               String site, boolean privatelyInvested, List<String> relatedParties,
                               List<String> programmeMemberships, String status, String statusReason,
                               OffsetDateTime registeredAt, OffsetDateTime statusChangedAt,
                               Map<String, Object> selfAssessment, OffsetDateTime selfAssessedAt,
                               List<String> requestedProgrammes, List<String> approvedProgrammes,
                               OffsetDateTime noticeStartedAt, OffsetDateTime noticeEndsAt) {
        public static ProviderView of(Provider p) {
            return new ProviderView(p.id, p.creditCode, p.name, p.region, p.yearsOperating, p.site,
                    p.privatelyInvested, p.relatedParties, p.programmeMemberships, p.status.name(), p.statusReason,
                    p.registeredAt, p.statusChangedAt, p.selfAssessment, p.selfAssessedAt, p.requestedProgrammes,
                    p.approvedProgrammes, p.noticeStartedAt, p.noticeEndsAt);
        }
    }

    /** A provider on public notice (公示): what the public may see, and until when objections are taken. */
    public record PublicNoticeView(UUID providerId, String creditCode, String name, String region,
                                   int yearsOperating, String site, boolean privatelyInvested,
                                   List<String> programmes, OffsetDateTime noticeStartedAt,
                                   OffsetDateTime noticeEndsAt) {
        public static PublicNoticeView of(Provider p) {
            return new PublicNoticeView(p.id, p.creditCode, p.name, p.region, p.yearsOperating, p.site,
                    p.privatelyInvested, p.approvedProgrammes, p.noticeStartedAt, p.noticeEndsAt);
        }
    }

    public record ObjectionView(UUID id, UUID providerId, String reason, OffsetDateTime noticeStartedAt,
                                OffsetDateTime filedAt) {
        public static ObjectionView of(ProviderObjection o) {
            return new ObjectionView(o.id, o.providerId, o.reason, o.noticeStartedAt, o.filedAt);
        }
    }

    public record OfferingView(UUID id, UUID providerId, int version, String resourceClass, String category,
                               boolean domesticChip, String unit, String region, int units, long unitPriceFen,
                               OffsetDateTime availableFrom, OffsetDateTime availableTo, String status,
                               OffsetDateTime createdAt, OffsetDateTime publishedAt, OffsetDateTime withdrawnAt) {
        public static OfferingView of(Offering o) {
            return new OfferingView(o.id, o.providerId, o.version, o.resourceClass.name(),
                    o.resourceClass.category().name(), o.resourceClass.domesticChip(), o.resourceClass.unit().name(),
                    o.region, o.units, o.unitPriceFen, o.availableFrom, o.availableTo, o.status.name(), o.createdAt,
                    o.publishedAt, o.withdrawnAt);
        }
    }

    /** An allocation as the provider sees it, with what has been reported and accepted on it. */
    public record AllocationView(UUID allocationId, UUID voucherId, UUID offeringId, Integer offeringVersion,
                                 UUID providerId, String enterpriseCreditCode, String resourceClass, String region,
                                 Integer units, Long cardHours, Long unitPriceFen, Long amountFen,
                                 OffsetDateTime windowStart, OffsetDateTime windowEnd, String status, Long holdFen,
                                 String cancelReason, long usageReports, BigDecimal reportedCardHours,
                                 long reportedAmountFen, BigDecimal acceptedCardHours, long acceptedAmountFen,
                                 OffsetDateTime updatedAt) {
        public static AllocationView of(AllocationQueries.AllocationWithUsage found) {
            ProviderAllocation a = found.allocation();
            UsageReportStore.UsageTotals u = found.usage();
            return new AllocationView(a.allocationId, a.voucherId, a.offeringId, a.offeringVersion, a.providerId,
                    a.enterpriseCreditCode, a.resourceClass, a.region, a.units, a.cardHours, a.unitPriceFen,
                    a.amountFen, a.windowStart, a.windowEnd, a.status.name(), a.holdFen, a.cancelReason, u.reports(),
                    u.reportedCardHours(), u.reportedAmountFen(), u.acceptedCardHours(), u.acceptedAmountFen(),
                    a.updatedAt);
        }
    }

    public record UsageReportView(UUID id, UUID providerId, String recordId, int version, UUID correctsUsageReportId,
                                  UUID allocationId, OffsetDateTime periodStart, OffsetDateTime periodEnd,
                                  BigDecimal units, long unitPriceFen, long amountFen, String deliveryCertificateRef,
                                  String status, String rejectionReason, String rejectionDetail,
                                  BigDecimal acceptedUnits, Long acceptedAmountFen, Long subsidyFen, List<String> flags,
                                  OffsetDateTime receivedAt, OffsetDateTime decidedAt) {
        public static UsageReportView of(UsageReport r) {
            return new UsageReportView(r.id, r.providerId, r.recordId, r.version, r.correctsUsageReportId,
                    r.allocationId, r.periodStart, r.periodEnd, r.units, r.unitPriceFen, r.amountFen,
                    r.deliveryCertificateRef, r.status.name(), r.rejectionReason, r.rejectionDetail, r.acceptedUnits,
                    r.acceptedAmountFen, r.subsidyFen, r.flags, r.receivedAt, r.decidedAt);
        }
    }

    /** The answer for one submitted usage record. */
    public record UsageRecordResult(String recordId, String status, UUID usageReportId, String code, String message) {
        static UsageRecordResult of(UsageBatch.Result r, boolean chinese) {
            return new UsageRecordResult(r.recordId(), r.status().name(), r.usageReportId(), r.code(),
                    chinese ? r.messageZh() : r.messageEn());
        }
    }

    /** The answer for a usage batch: counts, and one result per record in the order submitted. */
    public record UsageBatchResult(int received, long acceptedForProcessing, long duplicates, long rejected,
                                   List<UsageRecordResult> results) {
        static UsageBatchResult of(List<UsageBatch.Result> results, boolean chinese) {
            return new UsageBatchResult(results.size(),
                    count(results, UsageBatch.Outcome.ACCEPTED_FOR_PROCESSING),
                    count(results, UsageBatch.Outcome.DUPLICATE),
                    count(results, UsageBatch.Outcome.REJECTED),
                    results.stream().map(r -> UsageRecordResult.of(r, chinese)).toList());
        }

        private static long count(List<UsageBatch.Result> results, UsageBatch.Outcome outcome) {
            return results.stream().filter(r -> r.status() == outcome).count();
        }
    }
}
