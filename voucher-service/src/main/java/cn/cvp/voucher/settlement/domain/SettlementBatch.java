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
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * A redemption (兑付) batch: the captured subsidies of one submitter in one settlement period, which the
 * programme pays out. {@code OPEN → SUBMITTED → APPROVED → PAID}, with {@code RETURNED} back to the submitter.
 */
@Entity
@Table(name = "settlement_batch")
public class SettlementBatch {
    public enum Status { OPEN, SUBMITTED, RETURNED, APPROVED, PAID }

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
    @Column(name = "approved_at")
    private OffsetDateTime approvedAt;
    @Column(name = "paid_at")
    private OffsetDateTime paidAt;
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

    /** Adds one captured subsidy to the batch's totals. */
    public void add(SettlementLine line) {
        subsidyFen += line.subsidyFen();
        usageAmountFen += line.usageAmountFen();
        lineCount++;
    }

    /**
     * Submits with the documents: an invoice number always; the delivery certificate (交付凭证) too when the
     * enterprise submits (Beijing: after paying the provider).
     */
    public void submit(String invoice, String deliveryCertificate, OffsetDateTime now) {
        require(EnumSet.of(Status.OPEN, Status.RETURNED), "submitted");
        if (invoice == null || invoice.isBlank()) {
            throw DomainException.invalid("INVOICE_REQUIRED", "An invoice number is required", "须填写发票号码");
        }
        if (submitterType == ProgrammeRules.RedemptionSubmitter.ENTERPRISE
                && (deliveryCertificate == null || deliveryCertificate.isBlank())) {
            throw DomainException.invalid("DELIVERY_CERTIFICATE_REQUIRED",
                    "A delivery certificate reference is required", "须提供交付凭证编号");
        }
        invoiceNumber = invoice;
        deliveryCertificateRef = deliveryCertificate;
        returnReason = null;
        status = Status.SUBMITTED;
        submittedAt = now;
    }

    public void approve(String approver, OffsetDateTime now) {
        require(EnumSet.of(Status.SUBMITTED), "approved");
        status = Status.APPROVED;
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

    public void markPaid(String reference, OffsetDateTime now) {
        require(EnumSet.of(Status.APPROVED), "marked paid");
        if (reference == null || reference.isBlank()) {
            throw DomainException.invalid("PAYMENT_REFERENCE_REQUIRED", "A payment reference is required", "须填写支付流水号");
        }
        status = Status.PAID;
        paymentReference = reference;
        paidAt = now;
    }

    /** Whether this organisation submitted the batch (it sees its own batches only). */
    public boolean submittedBy(String organisation) {
        return submitterCreditCode.equals(organisation);
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
    public long subsidyFen() { return subsidyFen; }
    public long usageAmountFen() { return usageAmountFen; }
    public int lineCount() { return lineCount; }
    public String invoiceNumber() { return invoiceNumber; }
    public String deliveryCertificateRef() { return deliveryCertificateRef; }
    public String paymentReference() { return paymentReference; }
    public String returnReason() { return returnReason; }
    public String createdBy() { return createdBy; }
    public OffsetDateTime createdAt() { return createdAt; }
    public OffsetDateTime submittedAt() { return submittedAt; }
    public String approvedBy() { return approvedBy; }
    public OffsetDateTime approvedAt() { return approvedAt; }
    public OffsetDateTime paidAt() { return paidAt; }
}
