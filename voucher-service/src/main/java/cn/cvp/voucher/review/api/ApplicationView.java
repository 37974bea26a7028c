package cn.cvp.voucher.review.api;

import cn.cvp.voucher.programme.domain.BillingUnit;
import cn.cvp.voucher.review.domain.Application;
import cn.cvp.voucher.review.domain.FaceValue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An application as the API answers it. Money in fen. {@code requestedSubsidyFen} is ratio × amount;
 * {@code faceValueFen} is what the enterprise gets (decided at submission, the voucher's after approval; null for a
 * draft), {@code cappedBy} what capped it ({@code NONE}, {@code ANNUAL_CAP}, {@code BUDGET}), explained in
 * {@code cappedByMessages} (en, zh). {@code kind}: {@code VOUCHER}, or {@code QUOTA} for an application for the
 * enterprise's annual quota (its voucherId is then the quota's).
 * The demand is {@code quantity} in {@code unit} (CARD_HOUR, CORE_HOUR, TB_MONTH);
 * {@code cardHours} repeats it for a card-hour demand only (null otherwise), as answers from before units had it.
 */
public record ApplicationView(UUID id, UUID programmeId, int rulesVersion, String enterpriseCreditCode,
                              String status, String resourceClass, String unit, long quantity, Long cardHours,
                              List<String> regions,
                              OffsetDateTime windowStart, OffsetDateTime windowEnd, String purpose,
                              long amountFen, long requestedSubsidyFen, String contractNumber,
                              LocalDate contractSignedOn, Integer contractMonths, OffsetDateTime createdAt,
                              OffsetDateTime submittedAt, OffsetDateTime decidedAt, String decisionReason,
                              long reservedFen, String reviewedBy, String firstApprovedBy, String approvedBy,
                              UUID voucherId, long version, Long faceValueFen, String cappedBy,
                              Messages cappedByMessages, String kind) {

    /** An explanation in English and Chinese. */
    public record Messages(String en, String zh) {
    }

    public static ApplicationView of(Application a) {
        FaceValue face = a.faceValue();
        return new ApplicationView(a.id(), a.programmeId(), a.rulesVersion(), a.enterpriseCreditCode(), a.status().name(),
                a.resourceClass().name(), a.unit().name(), a.quantity(),
                a.unit() == BillingUnit.CARD_HOUR ? a.quantity() : null, a.regions(), a.windowStart(), a.windowEnd(), a.purpose(),
                a.contractAmountFen(), a.requestedSubsidyFen(), a.contractNumber(), a.contractSignedOn(),
                a.contractMonths(), a.createdAt(), a.submittedAt(), a.decidedAt(), a.decisionReason(), a.reservedFen(),
                a.reviewedBy(), a.firstApprovedBy(), a.approvedBy(), a.voucherId(), a.rowVersion(),
                face == null ? null : face.fen(), face == null ? null : face.cappedBy().name(),
                face == null ? null : new Messages(face.explanationEn(a.requestedSubsidyFen()),
                        face.explanationZh(a.requestedSubsidyFen())), a.kind().name());
    }
}
