package cn.cvp.voucher.settlement.api;

import cn.cvp.voucher.settlement.domain.SettlementBatch;
import cn.cvp.voucher.settlement.domain.SettlementLine;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What the settlement API answers about batches. Money in fen. */
public final class SettlementViews {
    private SettlementViews() {
    }

    public record BatchView(UUID id, UUID programmeId, LocalDate periodStart, LocalDate periodEnd, String submitterType,
                            String submitterCreditCode, String status, long subsidyFen, long usageAmountFen, int lineCount,
                            String invoiceNumber, String deliveryCertificateRef, String paymentReference, String returnReason,
                            OffsetDateTime createdAt, OffsetDateTime submittedAt, String approvedBy, OffsetDateTime paidAt) {
        static BatchView of(SettlementBatch b) {
            return new BatchView(b.id(), b.programmeId(), b.periodStart(), b.periodEnd(), b.submitterType().name(),
                    b.submitterCreditCode(), b.status().name(), b.subsidyFen(), b.usageAmountFen(), b.lineCount(),
                    b.invoiceNumber(), b.deliveryCertificateRef(), b.paymentReference(), b.returnReason(),
                    b.createdAt(), b.submittedAt(), b.approvedBy(), b.paidAt());
        }
    }

    public record LineView(long ledgerEntryId, UUID voucherId, UUID usageReportId, UUID providerId,
                           String enterpriseCreditCode, long usageAmountFen, long subsidyFen, OffsetDateTime capturedAt) {
        static LineView of(SettlementLine l) {
            return new LineView(l.key().ledgerEntryId(), l.voucherId(), l.usageReportId(), l.providerId(),
                    l.enterpriseCreditCode(), l.usageAmountFen(), l.subsidyFen(), l.capturedAt());
        }
    }
}
