package cn.cvp.voucher.api;

import cn.cvp.voucher.domain.Application;
import cn.cvp.voucher.domain.Enterprise;
import cn.cvp.voucher.domain.LedgerEntry;
import cn.cvp.voucher.domain.Programme;
import cn.cvp.voucher.domain.ProgrammeRules;
import cn.cvp.voucher.domain.Voucher;
import cn.cvp.voucher.domain.VoucherHold;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the API answers. Money in fen. */
public final class Views {
    private Views() {
    }

    public record ProgrammeView(UUID id, String code, String name, String status, int rulesVersion,
                                long budgetTotalFen, long budgetReservedFen, long budgetCommittedFen,
                                long budgetConsumedFen, long budgetRemainingFen, ProgrammeRules rules) {
        public static ProgrammeView of(Programme p, ProgrammeRules rules) {
            return new ProgrammeView(p.id, p.code, p.name, p.status.name(), p.currentRulesVersion, p.budgetTotalFen,
                    p.budgetReservedFen, p.budgetCommittedFen, p.budgetConsumedFen, p.budgetRemainingFen(), rules);
        }
    }

    public record EnterpriseView(UUID id, String creditCode, String name, String region, String industry,
                                 String size, boolean startup, boolean team, String ownership, boolean dishonest,
                                 List<String> relatedParties, OffsetDateTime registeredAt) {
        public static EnterpriseView of(Enterprise e) {
            return new EnterpriseView(e.id, e.creditCode, e.name, e.region, e.industry, e.size, e.startup, e.team,
                    e.ownership, e.dishonest, e.relatedParties, e.registeredAt);
        }
    }

    public record ApplicationView(UUID id, UUID programmeId, int rulesVersion, String enterpriseCreditCode,
                                  String status, String resourceClass, long cardHours, List<String> regions,
                                  OffsetDateTime windowStart, OffsetDateTime windowEnd, String purpose,
                                  long amountFen, long requestedSubsidyFen, String contractNumber,
                                  LocalDate contractSignedOn, Integer contractMonths, OffsetDateTime createdAt,
                                  OffsetDateTime submittedAt, OffsetDateTime decidedAt, String decisionReason,
                                  long reservedFen, String reviewedBy, String firstApprovedBy, String approvedBy,
                                  UUID voucherId, long version) {
        public static ApplicationView of(Application a) {
            return new ApplicationView(a.id, a.programmeId, a.rulesVersion, a.enterpriseCreditCode, a.status.name(),
                    a.resourceClass.name(), a.cardHours, a.regions, a.windowStart, a.windowEnd, a.purpose,
                    a.contractAmountFen, a.requestedSubsidyFen, a.contractNumber, a.contractSignedOn,
                    a.contractMonths, a.createdAt, a.submittedAt, a.decidedAt, a.decisionReason, a.reservedFen,
                    a.reviewedBy, a.firstApprovedBy, a.approvedBy, a.voucherId, a.rowVersion);
        }
    }

    public record HoldView(UUID allocationId, long amountFen, long capturedFen, long releasedFen, String status) {
        public static HoldView of(VoucherHold h) {
            return new HoldView(h.allocationId, h.amountFen, h.capturedFen, h.releasedFen, h.status.name());
        }
    }

    public record VoucherView(UUID id, UUID applicationId, UUID programmeId, String enterpriseCreditCode,
                              String status, BigDecimal subsidyRatio, long faceValueFen, long heldFen,
                              long consumedFen, long returnedFen, long balanceFen, OffsetDateTime issuedAt,
                              OffsetDateTime validUntil, List<HoldView> holds) {
        public static VoucherView of(Voucher v, List<VoucherHold> holds) {
            return new VoucherView(v.id, v.applicationId, v.programmeId, v.enterpriseCreditCode, v.status.name(),
                    v.subsidyRatio, v.faceValueFen, v.heldFen, v.consumedFen, v.returnedFen, v.balanceFen(),
                    v.issuedAt, v.validUntil, holds.stream().map(HoldView::of).toList());
        }
    }

    public record LedgerEntryView(long id, String type, long amountFen, UUID allocationId, UUID usageReportId,
                                  Long usageAmountFen, long balanceAfterFen, long heldAfterFen,
                                  long consumedAfterFen, OffsetDateTime occurredAt) {
        public static LedgerEntryView of(LedgerEntry e) {
            return new LedgerEntryView(e.id, e.type.name(), e.amountFen, e.allocationId, e.usageReportId,
                    e.usageAmountFen, e.balanceAfterFen, e.heldAfterFen, e.consumedAfterFen, e.occurredAt);
        }
    }
}
