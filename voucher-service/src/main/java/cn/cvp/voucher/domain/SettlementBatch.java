package cn.cvp.voucher.domain;

import cn.cvp.kit.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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
public class SettlementBatch extends PanacheEntityBase {
    public enum Status { OPEN, SUBMITTED, RETURNED, APPROVED, PAID }

    @Id
    public UUID id;
    @Column(name = "programme_id")
    public UUID programmeId;
    @Column(name = "period_start")
    public LocalDate periodStart;
    @Column(name = "period_end")
    public LocalDate periodEnd;
    @Enumerated(EnumType.STRING)
    @Column(name = "submitter_type")
    public ProgrammeRules.RedemptionSubmitter submitterType;
    @Column(name = "submitter_credit_code")
    public String submitterCreditCode;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "subsidy_fen")
    public long subsidyFen;
    @Column(name = "usage_amount_fen")
    public long usageAmountFen;
    @Column(name = "line_count")
    public int lineCount;
    @Column(name = "invoice_number")
    public String invoiceNumber;
    @Column(name = "delivery_certificate_ref")
    public String deliveryCertificateRef;
    @Column(name = "payment_reference")
    public String paymentReference;
    @Column(name = "return_reason")
    public String returnReason;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;
    @Column(name = "approved_by")
    public String approvedBy;
    @Column(name = "approved_at")
    public OffsetDateTime approvedAt;
    @Column(name = "paid_at")
    public OffsetDateTime paidAt;
    @Version
    @Column(name = "row_version")
    public long rowVersion;

    /**
     * Submits with the documents: an invoice number always; the delivery certificate (交付凭证) too when the
     * enterprise submits (Beijing: after paying the provider).
     */
    public void submit(String invoice, String deliveryCertificate, OffsetDateTime now) {
        require(EnumSet.of(Status.OPEN, Status.RETURNED), "submitted");
        if (invoice == null || invoice.isBlank()) {
            throw ProblemException.invalid("INVOICE_REQUIRED", "An invoice number is required", "须填写发票号码");
        }
        if (submitterType == ProgrammeRules.RedemptionSubmitter.ENTERPRISE
                && (deliveryCertificate == null || deliveryCertificate.isBlank())) {
            throw ProblemException.invalid("DELIVERY_CERTIFICATE_REQUIRED",
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
            throw ProblemException.invalid("REASON_REQUIRED", "A reason is required", "必须填写理由");
        }
        status = Status.RETURNED;
        returnReason = reason;
    }

    public void markPaid(String reference, OffsetDateTime now) {
        require(EnumSet.of(Status.APPROVED), "marked paid");
        if (reference == null || reference.isBlank()) {
            throw ProblemException.invalid("PAYMENT_REFERENCE_REQUIRED", "A payment reference is required", "须填写支付流水号");
        }
        status = Status.PAID;
        paymentReference = reference;
        paidAt = now;
    }

    private void require(Set<Status> allowed, String action) {
        if (!allowed.contains(status)) {
            throw ProblemException.illegalState("Settlement batch", status, action);
        }
    }
}
