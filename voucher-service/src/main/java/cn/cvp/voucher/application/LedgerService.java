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
import cn.cvp.voucher.persistence.LedgerEntries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

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
    private final LedgerEntries ledger;
    private final EntityManager em;

    public LedgerService(ProcessedEvents processed, EventCodec codec, Outbox outbox, AuditLog audit, Clock clock,
                         LedgerEntries ledger, EntityManager em) {
        this.ledger = ledger;
        this.em = em;
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
        debit(List.of(usage));
    }

    /** One usage.accepted.v1 event: its id and its data. */
    public record Accepted(String eventId, AllocationEvents.UsageAccepted usage) {
    }

    /**
     * A run of usage.accepted.v1 events, captured in their order as if one by one, but set-wise: each voucher, hold
     * and programme is read, locked (vouchers, then holds, then programmes, each in id order: the order of the single
     * capture and release) and written once, and the ledger entries, events and audit records go in one statement
     * each. Each usage report is debited at most once, whatever the number of deliveries or events about it.
     */
    @Transactional
    public void captureAll(List<Accepted> events) {
        // Idempotent by the usage report (at most one CAPTURE each, a unique index says so too), not by the event:
        // no processed-event row needed for events that arrive by the thousand.
        debit(events.stream().map(Accepted::usage).toList());
    }

    private void debit(List<AllocationEvents.UsageAccepted> accepted) {
        if (accepted.isEmpty()) {
            return;
        }
        Set<UUID> captured = new HashSet<>(ledger.captured(
                accepted.stream().map(AllocationEvents.UsageAccepted::usageReportId).toList()));
        // which hold (and voucher) each allocation has: ids only, the entities are read once locked
        Map<UUID, HoldRef> holdOf = new HashMap<>();
        em.createQuery("select h.allocationId, h.id, h.voucherId from VoucherHold h where h.allocationId in :ids",
                        Object[].class)
                .setParameter("ids", accepted.stream().map(AllocationEvents.UsageAccepted::allocationId)
                        .collect(Collectors.toSet()))
                .getResultStream().forEach(r -> holdOf.put((UUID) r[0], new HoldRef((UUID) r[1], (UUID) r[2])));
        for (AllocationEvents.UsageAccepted usage : accepted) {
            if (!holdOf.containsKey(usage.allocationId())) {
                throw new IllegalStateException("usage " + usage.usageReportId() + " accepted for allocation "
                        + usage.allocationId() + " which has no hold");
            }
        }
        Map<UUID, Voucher> vouchers = lockAll(Voucher.class, "id", v -> v.id,
                holdOf.values().stream().map(HoldRef::voucherId).collect(Collectors.toSet()));
        Map<UUID, VoucherHold> holds = lockAll(VoucherHold.class, "id", h -> h.id,
                holdOf.values().stream().map(HoldRef::holdId).collect(Collectors.toSet()));
        Map<UUID, Programme> programmes = lockAll(Programme.class, "id", p -> p.id,
                vouchers.values().stream().map(v -> v.programmeId).collect(Collectors.toSet()));
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<LedgerEntry> entries = new ArrayList<>();
        List<Outbox.Entry> published = new ArrayList<>();
        List<AuditLog.Entry> audits = new ArrayList<>();
        for (AllocationEvents.UsageAccepted usage : accepted) {
            if (!captured.add(usage.usageReportId())) {
                continue; // the same usage report accepted again: it is debited at most once
            }
            VoucherHold hold = holds.get(holdOf.get(usage.allocationId()).holdId());
            Voucher voucher = vouchers.get(hold.voucherId);
            Programme programme = programmes.get(voucher.programmeId);
            long amount = voucher.capture(hold, usage.subsidyFen());
            programme.consume(amount);
            LedgerEntry entry = voucher.entry(LedgerEntry.Type.CAPTURE, amount, now);
            entry.allocationId = usage.allocationId();
            entry.usageReportId = usage.usageReportId();
            entry.usageAmountFen = usage.amountFen();
            entry.providerId = usage.providerId();
            entries.add(entry);
            published.add(new Outbox.Entry(voucher.id.toString(), VoucherEvents.DEBITED, voucher.id.toString(),
                    new VoucherEvents.VoucherDebitedV1(voucher.id, usage.allocationId(), usage.usageReportId(),
                            usage.amountFen(), amount, usage.amountFen() - amount, voucher.balanceFen())));
            audits.add(new AuditLog.Entry(SYSTEM, "VOUCHER_DEBITED", "Voucher", voucher.id, null,
                    Map.of("usageReportId", usage.usageReportId(), "subsidyFen", amount,
                            "balanceFen", voucher.balanceFen())));
        }
        ledger.appendAll(entries);
        outbox.appendAll(VoucherEvents.TOPIC, published);
        audit.recordAll(audits);
    }

    private record HoldRef(UUID holdId, UUID voucherId) {
    }

    /** Entities of one type by id, locked in id order. */
    private <T> Map<UUID, T> lockAll(Class<T> type, String idField, Function<T, UUID> id, Set<UUID> ids) {
        Map<UUID, T> locked = new HashMap<>();
        em.createQuery("from " + type.getSimpleName() + " where " + idField + " in :ids order by " + idField, type)
                .setParameter("ids", ids).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream()
                .forEach(entity -> locked.put(id.apply(entity), entity));
        return locked;
    }
}
