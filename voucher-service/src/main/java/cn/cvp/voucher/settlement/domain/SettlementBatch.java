package cn.cvp.voucher.settlement.domain;

import cn.cvp.kit.domain.DomainException;
import cn.cvp.voucher.programme.domain.ProgrammeRules;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A redemption (兑付) batch: the captured subsidies of one submitter in one settlement period, which the
 * programme pays out. {@code OPEN → SUBMITTED → APPROVED → PAID}, with {@code RETURNED} back to the submitter (who
 * resubmits) and {@code CANCELLED} from OPEN or RETURNED (its captures become redeemable again). Opened by the
 * settlement job at the end of the period ({@link #openedBySchedule()}) or by hand.
 */
@Entity
@Table(name = "settlement_batch")
public class SettlementBatch {
    public enum Status { OPEN, SUBMITTED, RETURNED, APPROVED, PAID, CANCELLED }

    /** The documents a batch is submitted with: the current version of each kind, if any. */
    public record Documents(UUID invoiceId, UUID deliveryCertificateId) {
    }

    @Id
    private UUID id;
    @Column(name = "programme_id")
    private UUID programmeId;
    @Column(name = "period_start")
    private LocalDate periodStart;
    @Column(name = "period_end")
    private LocalDate periodEnd;
    @Enumerated(EnumType.STRING)
    @Column(name = "submitter_type")
    private ProgrammeRules.RedemptionSubmitter submitterType;
    @Column(name = "submitter_credit_code")
    private String submitterCreditCode;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "opened_by_schedule")
    private boolean openedBySchedule;
    @Column(name = "subsidy_fen")
    private long subsidyFen;
    @Column(name = "usage_amount_fen")
    private long usageAmountFen;
    @Column(name = "line_count")
    private int lineCount;
    @Column(name = "invoice_number")
    private String invoiceNumber;
    @Column(name = "delivery_certificate_ref")
    private String deliveryCertificateRef;
    @Column(name = "co_payment_paid_on")
    private LocalDate coPaymentPaidOn;
    @Column(name = "invoice_document_id")
    private UUID invoiceDocumentId;
    @Column(name = "delivery_certificate_document_id")
    private UUID deliveryCertificateDocumentId;
    @Column(name = "payment_reference")
    private String paymentReference;
    @Column(name = "return_reason")
    private String returnReason;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "submitted_at")
    private OffsetDateTime submittedAt;
    @Column(name = "approved_by")
    private String approvedBy;
    @Column(name = "approved_by_subject")
    private String approvedBySubject;
    @Column(name = "approved_at")
    private OffsetDateTime approvedAt;
    @Column(name = "paid_by")
    private String paidBy;
    @Column(name = "paid_by_subject")
    private String paidBySubject;
    @Column(name = "paid_at")
    private OffsetDateTime paidAt;
    @Column(name = "cancelled_by")
    private String cancelledBy;
    @Column(name = "cancelled_at")
    private OffsetDateTime cancelledAt;
    @Column(name = "cancel_reason")
    private String cancelReason;
    @Version
    @Column(name = "row_version")
    private long rowVersion;

    protected SettlementBatch() {
    }

    /** A new, empty batch (OPEN) of a submitter's captures in a period; lines are added with {@link #add}. */
    public static SettlementBatch open(UUID id, UUID programmeId, SettlementPeriod period,
                                       ProgrammeRules.RedemptionSubmitter submitterType, String submitterCreditCode,
                                       String createdBy, OffsetDateTime now) {
        SettlementBatch b = new SettlementBatch();
        b.id = id;
        b.programmeId = programmeId;
        b.periodStart = period.start();
        b.periodEnd = period.end();
        b.submitterType = submitterType;
        b.submitterCreditCode = submitterCreditCode;
        b.status = Status.OPEN;
        b.createdBy = createdBy;
        b.createdAt = now;
        return b;
    }

    /** The same, opened by the settlement job at the end of the period (once per programme, period and submitter). */
    public static SettlementBatch openBySchedule(UUID id, UUID programmeId, SettlementPeriod period,
                                                 ProgrammeRules.RedemptionSubmitter submitterType,
                                                 String submitterCreditCode, String job, OffsetDateTime now) {
        SettlementBatch b = open(id, programmeId, period, submitterType, submitterCreditCode, job, now);
        b.openedBySchedule = true;
        return b;
    }

    /** Adds one captured subsidy to the batch's totals. */
    public void add(SettlementLine line) {
        subsidyFen += line.subsidyFen();
        usageAmountFen += line.usageAmountFen();
        lineCount++;
    }

    /** Whether the submitter may still change its documents (before submission, or after a return). */
    public boolean withSubmitter() {
        return status == Status.OPEN || status == Status.RETURNED;
    }

    /** A document may be uploaded only while the batch is with its submitter. */
    public void requireDocumentsChangeable() {
        require(EnumSet.of(Status.OPEN, Status.RETURNED), "given new documents");
    }

    /**
     * Submits (or resubmits after a return). An invoice number always. When the enterprise submits (Beijing: it is
     * reimbursed after paying the provider) it declares the day it paid its co-payment — not in the future — and
     * both documents must have been uploaded: the invoice (发票) and the delivery certificate (交付凭证).
     */
    public void submit(String invoice, String deliveryCertificate, LocalDate coPaymentPaidOn, Documents documents,
                       OffsetDateTime now) {
        require(EnumSet.of(Status.OPEN, Status.RETURNED), "submitted");
        if (invoice == null || invoice.isBlank()) {
            throw DomainException.invalid("INVOICE_REQUIRED", "An invoice number is required", "须填写发票号码");
        }
        if (submitterType == ProgrammeRules.RedemptionSubmitter.ENTERPRISE) {
            if (coPaymentPaidOn == null) {
                throw DomainException.invalid("CO_PAYMENT_NOT_DECLARED",
                        "Declare the day you paid your co-payment to the provider (coPaymentPaidOn)",
                        "须填写向服务机构支付自付部分的日期（coPaymentPaidOn）");
            }
            if (coPaymentPaidOn.isAfter(now.toLocalDate())) {
                throw DomainException.invalid("CO_PAYMENT_DATE_IN_FUTURE",
                        "The co-payment cannot have been paid on a future day (" + coPaymentPaidOn + ")",
                        "自付部分的支付日期不能晚于今天（" + coPaymentPaidOn + "）");
            }
            List<DomainException.Violation> missing = new ArrayList<>();
            if (documents.invoiceId() == null) {
                missing.add(new DomainException.Violation(DocumentKind.INVOICE.slug(), "INVOICE_DOCUMENT_REQUIRED",
                        "Upload the invoice (发票) first"));
            }
            if (documents.deliveryCertificateId() == null) {
                missing.add(new DomainException.Violation(DocumentKind.DELIVERY_CERTIFICATE.slug(),
                        "DELIVERY_CERTIFICATE_DOCUMENT_REQUIRED", "Upload the delivery certificate (交付凭证) first"));
            }
            if (!missing.isEmpty()) {
                throw new DomainException(DomainException.Kind.RULE_VIOLATION, "DOCUMENTS_REQUIRED",
                        "The invoice and the delivery certificate must both be uploaded before submission",
                        "提交前须上传发票和交付凭证", Map.of(), missing);
            }
        }
        invoiceNumber = invoice;
        deliveryCertificateRef = deliveryCertificate;
        this.coPaymentPaidOn = coPaymentPaidOn;
        invoiceDocumentId = documents.invoiceId();
        deliveryCertificateDocumentId = documents.deliveryCertificateId();
        returnReason = null;
        status = Status.SUBMITTED;
        submittedAt = now;
    }

    public void approve(String approverSubject, String approver, String approverOrganisation, OffsetDateTime now) {
        require(EnumSet.of(Status.SUBMITTED), "approved");
        TwoPersonRule.requireOtherOrganisation(approverOrganisation, submitterCreditCode);
        status = Status.APPROVED;
        approvedBySubject = approverSubject;
        approvedBy = approver;
        approvedAt = now;
    }

    public void returnToSubmitter(String reason) {
        require(EnumSet.of(Status.SUBMITTED), "returned");
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("REASON_REQUIRED", "A reason is required", "必须填写理由");
        }
        status = Status.RETURNED;
        returnReason = reason;
    }

    /** Marks an approved batch paid; the payer is not the approver ({@link TwoPersonRule}). */
    public void markPaid(String reference, String payerSubject, String payer, String payerOrganisation,
                         OffsetDateTime now) {
        require(EnumSet.of(Status.APPROVED), "marked paid");
        if (reference == null || reference.isBlank()) {
            throw DomainException.invalid("PAYMENT_REFERENCE_REQUIRED", "A payment reference is required", "须填写支付流水号");
        }
        TwoPersonRule.requireDifferentPayer(approvedBySubject, payerSubject);
        TwoPersonRule.requireOtherOrganisation(payerOrganisation, submitterCreditCode);
        status = Status.PAID;
        paymentReference = reference;
        paidBySubject = payerSubject;
        paidBy = payer;
        paidAt = now;
    }

    /**
     * Cancels a batch that is with its submitter (OPEN, or RETURNED); its lines are withdrawn by the use case, so its
     * captures can be redeemed in another batch.
     */
    public void cancel(String reason, String by, OffsetDateTime now) {
        require(EnumSet.of(Status.OPEN, Status.RETURNED), "cancelled");
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("REASON_REQUIRED", "A reason is required", "必须填写理由");
        }
        status = Status.CANCELLED;
        cancelReason = reason;
        cancelledBy = by;
        cancelledAt = now;
    }

    /** Whether this organisation submitted the batch (it sees its own batches only). */
    public boolean submittedBy(String organisation) {
        return submitterCreditCode.equals(organisation);
    }

    public SettlementPeriod period() {
        return new SettlementPeriod(periodStart, periodEnd);
    }

    private void require(Set<Status> allowed, String action) {
        if (!allowed.contains(status)) {
            throw DomainException.illegalState("Settlement batch", status, action);
        }
    }

    public UUID id() { return id; }
    public UUID programmeId() { return programmeId; }
    public LocalDate periodStart() { return periodStart; }
    public LocalDate periodEnd() { return periodEnd; }
    public ProgrammeRules.RedemptionSubmitter submitterType() { return submitterType; }
    public String submitterCreditCode() { return submitterCreditCode; }
    public Status status() { return status; }
    public boolean openedBySchedule() { return openedBySchedule; }
    public long subsidyFen() { return subsidyFen; }
    public long usageAmountFen() { return usageAmountFen; }
    public long coPaymentFen() { return usageAmountFen - subsidyFen; }
    public int lineCount() { return lineCount; }
    public String invoiceNumber() { return invoiceNumber; }
    public String deliveryCertificateRef() { return deliveryCertificateRef; }
    public LocalDate coPaymentPaidOn() { return coPaymentPaidOn; }
    public UUID invoiceDocumentId() { return invoiceDocumentId; }
    public UUID deliveryCertificateDocumentId() { return deliveryCertificateDocumentId; }
    public String paymentReference() { return paymentReference; }
    public String returnReason() { return returnReason; }
    public String createdBy() { return createdBy; }
    public OffsetDateTime createdAt() { return createdAt; }
    public OffsetDateTime submittedAt() { return submittedAt; }
    public String approvedBy() { return approvedBy; }
    public String approvedBySubject() { return approvedBySubject; }
    public OffsetDateTime approvedAt() { return approvedAt; }
    public String paidBy() { return paidBy; }
    public OffsetDateTime paidAt() { return paidAt; }
    public String cancelledBy() { return cancelledBy; }
    public OffsetDateTime cancelledAt() { return cancelledAt; }
    public String cancelReason() { return cancelReason; }
}
