package cn.cvp.voucher.settlement.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.security.Actor;
import cn.cvp.voucher.settlement.domain.SettlementBatch;
import cn.cvp.voucher.settlement.persistence.SettlementBatchRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * Redemption (兑付) of an open batch: the submitter submits it with its documents (or resubmits it after a return);
 * the programme office approves it or returns it to the submitter, and marks it paid.
 */
@ApplicationScoped
public class Redemption {

    public record Submit(UUID batchId, String invoiceNumber, String deliveryCertificateRef) {
    }

    public record Approve(UUID batchId) {
    }

    public record Return(UUID batchId, String reason) {
    }

    public record MarkPaid(UUID batchId, String paymentReference) {
    }

    private final SettlementBatchRepository batches;
    private final AuditLog audit;
    private final Clock clock;

    public Redemption(SettlementBatchRepository batches, AuditLog audit, Clock clock) {
        this.batches = batches;
        this.audit = audit;
        this.clock = clock;
    }

    /** By the submitting organisation only (another's batch is "not found"). */
    @Transactional
    public SettlementBatch submit(Submit command, Actor actor) {
        SettlementBatch b = locked(command.batchId());
        if (!b.submittedBy(actor.organisation())) {
            throw DomainException.notFound("Settlement batch", command.batchId());
        }
        SettlementBatch.Status before = b.status();
        b.submit(command.invoiceNumber(), command.deliveryCertificateRef(), OffsetDateTime.now(clock));
        audit.record(actor, "SETTLEMENT_BATCH_SUBMITTED", "SettlementBatch", b.id(), Map.of("status", before),
                Map.of("status", b.status(), "invoiceNumber", command.invoiceNumber()));
        return b;
    }

    @Transactional
    public SettlementBatch approve(Approve command, Actor actor) {
        SettlementBatch b = locked(command.batchId());
        SettlementBatch.Status before = b.status();
        b.approve(actor.username(), OffsetDateTime.now(clock));
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

    @Transactional
    public SettlementBatch markPaid(MarkPaid command, Actor actor) {
        SettlementBatch b = locked(command.batchId());
        SettlementBatch.Status before = b.status();
        b.markPaid(command.paymentReference(), OffsetDateTime.now(clock));
        audit.record(actor, "SETTLEMENT_BATCH_PAID", "SettlementBatch", b.id(), Map.of("status", before),
                Map.of("status", b.status(), "paymentReference", command.paymentReference()));
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
