package cn.cvp.voucher.settlement.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.outbox.Outbox;
import cn.cvp.kit.security.Actor;
import cn.cvp.voucher.programme.application.Programmes;
import cn.cvp.voucher.settlement.domain.DocumentKind;
import cn.cvp.voucher.settlement.domain.SettlementBatch;
import cn.cvp.voucher.settlement.domain.SupportingDocument;
import cn.cvp.voucher.settlement.events.SettlementEvents;
import cn.cvp.voucher.settlement.persistence.SettlementBatchRepository;
import cn.cvp.voucher.settlement.persistence.SettlementLineRepository;
import cn.cvp.voucher.settlement.persistence.SupportingDocumentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Redemption (兑付) of an open batch: the submitter submits it with its documents (or resubmits it after a return);
 * the programme office approves it or returns it to the submitter, and another staff member marks it paid
 * ({@code settlement.paid.v1}); an OPEN (or RETURNED) batch can be cancelled, which makes its captures redeemable again.
 */
@ApplicationScoped
public class Redemption {

    /** {@code coPaymentPaidOn}: the day the enterprise paid its co-payment to the provider (enterprise submitters). */
    public record Submit(UUID batchId, String invoiceNumber, String deliveryCertificateRef, LocalDate coPaymentPaidOn) {
        public Submit(UUID batchId, String invoiceNumber, String deliveryCertificateRef) {
            this(batchId, invoiceNumber, deliveryCertificateRef, null);
        }
    }

    public record Approve(UUID batchId) {
    }

    public record Return(UUID batchId, String reason) {
    }

    public record MarkPaid(UUID batchId, String paymentReference) {
    }

    /** {@code staff}: programme-office staff cancel any batch; a submitter only its own. */
    public record Cancel(UUID batchId, String reason, boolean staff) {
    }

    private final SettlementBatchRepository batches;
    private final SettlementLineRepository lines;
    private final SupportingDocumentRepository documents;
    private final Programmes programmes;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    public Redemption(SettlementBatchRepository batches, SettlementLineRepository lines,
                      SupportingDocumentRepository documents, Programmes programmes, Outbox outbox, AuditLog audit,
                      Clock clock) {
        this.batches = batches;
        this.lines = lines;
        this.documents = documents;
        this.programmes = programmes;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** By the submitting organisation only (another's batch is "not found"), with the documents it uploaded. */
    @Transactional
    public SettlementBatch submit(Submit command, Actor actor) {
        SettlementBatch b = locked(command.batchId());
        if (!b.submittedBy(actor.organisation())) {
            throw DomainException.notFound("Settlement batch", command.batchId());
        }
        SettlementBatch.Status before = b.status();
        SettlementBatch.Documents current = new SettlementBatch.Documents(
                documents.current(b.id(), DocumentKind.INVOICE).map(SupportingDocument::id).orElse(null),
                documents.current(b.id(), DocumentKind.DELIVERY_CERTIFICATE).map(SupportingDocument::id).orElse(null));
        b.submit(command.invoiceNumber(), command.deliveryCertificateRef(), command.coPaymentPaidOn(), current,
                OffsetDateTime.now(clock));
        Map<String, Object> after = new HashMap<>();
        after.put("status", b.status());
        after.put("invoiceNumber", command.invoiceNumber());
        after.put("coPaymentPaidOn", String.valueOf(command.coPaymentPaidOn()));
        after.put("invoiceDocumentId", String.valueOf(b.invoiceDocumentId()));
        after.put("deliveryCertificateDocumentId", String.valueOf(b.deliveryCertificateDocumentId()));
        audit.record(actor, "SETTLEMENT_BATCH_SUBMITTED", "SettlementBatch", b.id(), Map.of("status", before), after);
        return b;
    }

    @Transactional
    public SettlementBatch approve(Approve command, Actor actor) {
        SettlementBatch b = locked(command.batchId());
        SettlementBatch.Status before = b.status();
        b.approve(actor.subject(), actor.username(), actor.organisation(), OffsetDateTime.now(clock));
        audit.record(actor, "SETTLEMENT_BATCH_APPROVED", "SettlementBatch", b.id(), Map.of("status", before),
                Map.of("status", b.status()));
        return b;
    }

    @Transactional
    public SettlementBatch returnToSubmitter(Return command, Actor actor) {
        SettlementBatch b = locked(command.batchId());
        SettlementBatch.Status before = b.status();
        b.returnToSubmitter(command.reason());
        audit.record(actor, "SETTLEMENT_BATCH_RETURNED", "SettlementBatch", b.id(), Map.of("status", before),
                Map.of("status", b.status(), "reason", command.reason()));
        return b;
    }

    /** By a staff member other than the approver; publishes {@code settlement.paid.v1} in the same transaction. */
    @Transactional
    public SettlementBatch markPaid(MarkPaid command, Actor actor) {
        SettlementBatch b = locked(command.batchId());
        SettlementBatch.Status before = b.status();
        b.markPaid(command.paymentReference(), actor.subject(), actor.username(), actor.organisation(),
                OffsetDateTime.now(clock));
        String programmeCode = programmes.get(b.programmeId()).code();
        outbox.append(SettlementEvents.TOPIC, b.id().toString(), SettlementEvents.PAID, b.id().toString(),
                new SettlementEvents.SettlementPaidV1(b.id(), b.programmeId(), programmeCode, b.period().label(),
                        b.periodStart(), b.periodEnd(), b.submitterType().name(), b.submitterCreditCode(),
                        b.lineCount(), b.subsidyFen(), b.usageAmountFen(), b.coPaymentFen(), b.paymentReference(),
                        b.paidAt(), b.paidBy(), b.approvedBy()));
        audit.record(actor, "SETTLEMENT_BATCH_PAID", "SettlementBatch", b.id(), Map.of("status", before),
                Map.of("status", b.status(), "paymentReference", command.paymentReference(),
                        "subsidyFen", b.subsidyFen()));
        return b;
    }

    /** Cancels a batch still with its submitter; its captures can then be redeemed in another batch. */
    @Transactional
    public SettlementBatch cancel(Cancel command, Actor actor) {
        SettlementBatch b = locked(command.batchId());
        if (!command.staff() && !b.submittedBy(actor.organisation())) {
            throw DomainException.notFound("Settlement batch", command.batchId());
        }
        SettlementBatch.Status before = b.status();
        b.cancel(command.reason(), actor.username(), OffsetDateTime.now(clock));
        int withdrawn = lines.withdrawAll(b.id());
        audit.record(actor, "SETTLEMENT_BATCH_CANCELLED", "SettlementBatch", b.id(), Map.of("status", before),
                Map.of("status", b.status(), "reason", command.reason(), "linesWithdrawn", withdrawn));
        return b;
    }

    private SettlementBatch locked(UUID id) {
        SettlementBatch b = batches.lock(id);
        if (b == null) {
            throw DomainException.notFound("Settlement batch", id);
        }
        return b;
    }
}
