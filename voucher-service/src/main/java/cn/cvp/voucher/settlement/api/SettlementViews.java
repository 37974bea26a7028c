package cn.cvp.voucher.settlement.api;

import cn.cvp.voucher.settlement.domain.SettlementBatch;
import cn.cvp.voucher.settlement.domain.SettlementLine;
import cn.cvp.voucher.settlement.domain.SupportingDocument;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What the settlement API answers about batches. Money in fen. */
public final class SettlementViews {
    private SettlementViews() {
    }

    public record BatchView(UUID id, UUID programmeId, String period, LocalDate periodStart, LocalDate periodEnd,
                            String submitterType, String submitterCreditCode, String status, boolean openedBySchedule,
                            long subsidyFen, long usageAmountFen, long coPaymentFen, int lineCount,
                            String invoiceNumber, String deliveryCertificateRef, LocalDate coPaymentPaidOn,
                            UUID invoiceDocumentId, UUID deliveryCertificateDocumentId, String paymentReference,
                            String returnReason, String createdBy, OffsetDateTime createdAt, OffsetDateTime submittedAt,
                            String approvedBy, OffsetDateTime approvedAt, String paidBy, OffsetDateTime paidAt,
                            String cancelledBy, OffsetDateTime cancelledAt, String cancelReason) {
        static BatchView of(SettlementBatch b) {
            return new BatchView(b.id(), b.programmeId(), b.period().label(), b.periodStart(), b.periodEnd(),
                    b.submitterType().name(), b.submitterCreditCode(), b.status().name(), b.openedBySchedule(),
                    b.subsidyFen(), b.usageAmountFen(), b.coPaymentFen(), b.lineCount(), b.invoiceNumber(),
                    b.deliveryCertificateRef(), b.coPaymentPaidOn(), b.invoiceDocumentId(),
                    b.deliveryCertificateDocumentId(), b.paymentReference(), b.returnReason(), b.createdBy(),
                    b.createdAt(), b.submittedAt(), b.approvedBy(), b.approvedAt(), b.paidBy(), b.paidAt(),
                    b.cancelledBy(), b.cancelledAt(), b.cancelReason());
        }
    }

    public record LineView(long ledgerEntryId, UUID voucherId, UUID usageReportId, UUID providerId,
                           String enterpriseCreditCode, long usageAmountFen, long subsidyFen, OffsetDateTime capturedAt,
                           boolean active) {
        static LineView of(SettlementLine l) {
            return new LineView(l.key().ledgerEntryId(), l.voucherId(), l.usageReportId(), l.providerId(),
                    l.enterpriseCreditCode(), l.usageAmountFen(), l.subsidyFen(), l.capturedAt(), l.active());
        }
    }

    /** A supporting document's metadata (the bytes are downloaded on their own). */
    public record DocumentView(UUID id, UUID batchId, String kind, int version, String contentType, String fileName,
                               long sizeBytes, String sha256, String uploadedBy, OffsetDateTime uploadedAt) {
        static DocumentView of(SupportingDocument d) {
            return new DocumentView(d.id(), d.batchId(), d.kind().name(), d.version(), d.contentType(), d.fileName(),
                    d.sizeBytes(), d.sha256(), d.uploadedBy(), d.uploadedAt());
        }
    }
}
