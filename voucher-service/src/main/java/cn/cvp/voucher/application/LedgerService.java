package cn.cvp.voucher.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.events.EventCodec;
import cn.cvp.kit.events.EventEnvelope;
import cn.cvp.kit.inbox.ProcessedEvents;
import cn.cvp.kit.outbox.Outbox;
import cn.cvp.kit.security.Actor;
import cn.cvp.voucher.domain.LedgerEntry;
import cn.cvp.voucher.domain.Programme;
import cn.cvp.voucher.domain.Voucher;
import cn.cvp.voucher.domain.VoucherHold;
import cn.cvp.voucher.messaging.AllocationEvents;
import cn.cvp.voucher.messaging.VoucherEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * The voucher ledger's reactions to allocation-service: hold on {@code allocation.created}, release on
 * {@code allocation.cancelled}, capture on {@code usage.accepted}. Each event is handled once: its id
 * is recorded in the same transaction as the ledger change.
 */
@ApplicationScoped
public class LedgerService {
    static final String CONSUMER = "voucher-service";
    private static final Logger LOG = Logger.getLogger(LedgerService.class);
    private static final Actor SYSTEM = Actor.system(CONSUMER);

    private final ProcessedEvents processed;
    private final EventCodec codec;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    public LedgerService(ProcessedEvents processed, EventCodec codec, Outbox outbox, AuditLog audit, Clock clock) {
        this.processed = processed;
        this.codec = codec;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void handle(EventEnvelope event) {
        if (!HANDLED.contains(event.type())) {
            // nothing to do, so nothing to remember: ignoring it again changes nothing either (usage.rejected.v1
            // and the like arrive by the thousand)
            LOG.debugf("ignoring %s", event.type());
            return;
        }
        if (!processed.firstDelivery(CONSUMER, event.id())) {
            LOG.debugf("event %s already processed", event.id());
            return;
        }
        switch (event.type()) {
            case AllocationEvents.CREATED -> placeHold(codec.data(event, AllocationEvents.AllocationCreated.class));
            case AllocationEvents.CANCELLED, AllocationEvents.COMPLETED ->
                    release(codec.data(event, AllocationEvents.AllocationEnded.class));
            case AllocationEvents.USAGE_ACCEPTED -> capture(codec.data(event, AllocationEvents.UsageAccepted.class));
            default -> LOG.debugf("ignoring %s", event.type());
        }
    }

    private static final java.util.Set<String> HANDLED = java.util.Set.of(AllocationEvents.CREATED,
            AllocationEvents.CANCELLED, AllocationEvents.COMPLETED, AllocationEvents.USAGE_ACCEPTED);

    private void placeHold(AllocationEvents.AllocationCreated allocation) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (VoucherHold.forAllocation(allocation.allocationId()).isPresent()) {
            return;
        }
        Voucher voucher = Voucher.findById(allocation.voucherId(), LockModeType.PESSIMISTIC_WRITE);
        if (voucher == null) {
            rejectHold(allocation.voucherId(), allocation.allocationId(), "UNKNOWN_VOUCHER");
            return;
        }
        try {
            VoucherHold hold = voucher.hold(allocation.allocationId(), allocation.amountFen(), now);
            hold.persist();
            LedgerEntry entry = voucher.entry(LedgerEntry.Type.HOLD, hold.amountFen, now);
            entry.allocationId = allocation.allocationId();
            entry.providerId = allocation.providerId();
            entry.persist();
            outbox.append(VoucherEvents.TOPIC, voucher.id.toString(), VoucherEvents.HOLD_PLACED, voucher.id.toString(),
                    new VoucherEvents.HoldPlacedV1(voucher.id, allocation.allocationId(), hold.amountFen, voucher.balanceFen()));
            audit.record(SYSTEM, "HOLD_PLACED", "Voucher", voucher.id, null,
                    Map.of("allocationId", allocation.allocationId(), "holdFen", hold.amountFen,
                            "balanceFen", voucher.balanceFen()));
        } catch (Voucher.HoldRefused refused) {
            rejectHold(voucher.id, allocation.allocationId(), refused.reason());
        }
    }

    private void rejectHold(UUID voucherId, UUID allocationId, String reason) {
        outbox.append(VoucherEvents.TOPIC, voucherId.toString(), VoucherEvents.HOLD_REJECTED, voucherId.toString(),
                new VoucherEvents.HoldRejectedV1(voucherId, allocationId, reason));
        audit.record(SYSTEM, "HOLD_REJECTED", "Voucher", voucherId, null,
                Map.of("allocationId", allocationId, "reason", reason));
    }

    /** The allocation was cancelled or completed: what is left of its hold goes back to the voucher's balance. */
    private void release(AllocationEvents.AllocationEnded ended) {
        VoucherHold found = VoucherHold.forAllocation(ended.allocationId()).orElse(null);
        if (found == null || found.status != VoucherHold.Status.HELD) {
            return;
        }
        Voucher voucher = Voucher.findById(found.voucherId, LockModeType.PESSIMISTIC_WRITE);
        VoucherHold hold = VoucherHold.findById(found.id, LockModeType.PESSIMISTIC_WRITE);
        OffsetDateTime now = OffsetDateTime.now(clock);
        long released = voucher.release(hold);
        LedgerEntry entry = voucher.entry(LedgerEntry.Type.RELEASE, released, now);
        entry.allocationId = ended.allocationId();
        entry.persist();
        audit.record(SYSTEM, "HOLD_RELEASED", "Voucher", voucher.id, null,
                Map.of("allocationId", ended.allocationId(), "releasedFen", released,
                        "reason", String.valueOf(ended.reason())));
    }

    private void capture(AllocationEvents.UsageAccepted usage) {
        if (LedgerEntry.count("usageReportId = ?1 and type = ?2", usage.usageReportId(), LedgerEntry.Type.CAPTURE) > 0) {
            return; // the same usage report accepted again: it is debited at most once
        }
        VoucherHold found = VoucherHold.forAllocation(usage.allocationId())
                .orElseThrow(() -> new IllegalStateException("usage " + usage.usageReportId()
                        + " accepted for allocation " + usage.allocationId() + " which has no hold"));
        Voucher voucher = Voucher.findById(found.voucherId, LockModeType.PESSIMISTIC_WRITE);
        VoucherHold hold = VoucherHold.findById(found.id, LockModeType.PESSIMISTIC_WRITE);
        Programme programme = Programme.findById(voucher.programmeId, LockModeType.PESSIMISTIC_WRITE);
        OffsetDateTime now = OffsetDateTime.now(clock);
        long captured = voucher.capture(hold, usage.subsidyFen());
        programme.consume(captured);
        LedgerEntry entry = voucher.entry(LedgerEntry.Type.CAPTURE, captured, now);
        entry.allocationId = usage.allocationId();
        entry.usageReportId = usage.usageReportId();
        entry.usageAmountFen = usage.amountFen();
        entry.providerId = usage.providerId();
        entry.persist();
        outbox.append(VoucherEvents.TOPIC, voucher.id.toString(), VoucherEvents.DEBITED, voucher.id.toString(),
                new VoucherEvents.VoucherDebitedV1(voucher.id, usage.allocationId(), usage.usageReportId(),
                        usage.amountFen(), captured, usage.amountFen() - captured, voucher.balanceFen()));
        audit.record(SYSTEM, "VOUCHER_DEBITED", "Voucher", voucher.id, null,
                Map.of("usageReportId", usage.usageReportId(), "subsidyFen", captured,
                        "balanceFen", voucher.balanceFen()));
    }
}
