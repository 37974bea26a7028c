package cn.cvp.voucher.review.api;

import cn.cvp.voucher.review.domain.Application;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An application as the API answers it. Money in fen. */
public record ApplicationView(UUID id, UUID programmeId, int rulesVersion, String enterpriseCreditCode,
                              String status, String resourceClass, long cardHours, List<String> regions,
                              OffsetDateTime windowStart, OffsetDateTime windowEnd, String purpose,
                              long amountFen, long requestedSubsidyFen, String contractNumber,
                              LocalDate contractSignedOn, Integer contractMonths, OffsetDateTime createdAt,
                              OffsetDateTime submittedAt, OffsetDateTime decidedAt, String decisionReason,
                              long reservedFen, String reviewedBy, String firstApprovedBy, String approvedBy,
                              UUID voucherId, long version) {
    public static ApplicationView of(Application a) {
        return new ApplicationView(a.id(), a.programmeId(), a.rulesVersion(), a.enterpriseCreditCode(), a.status().name(),
                a.resourceClass().name(), a.cardHours(), a.regions(), a.windowStart(), a.windowEnd(), a.purpose(),
                a.contractAmountFen(), a.requestedSubsidyFen(), a.contractNumber(), a.contractSignedOn(),
                a.contractMonths(), a.createdAt(), a.submittedAt(), a.decidedAt(), a.decisionReason(), a.reservedFen(),
                a.reviewedBy(), a.firstApprovedBy(), a.approvedBy(), a.voucherId(), a.rowVersion());
    }
}
