package cn.cvp.voucher.ledger.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.inbox.ProcessedEvents;
import cn.cvp.kit.outbox.Outbox;
import cn.cvp.kit.security.Actor;
import cn.cvp.voucher.ledger.domain.LedgerEntry;
import cn.cvp.voucher.ledger.domain.QuotaOrder;
import cn.cvp.voucher.ledger.domain.Voucher;
import cn.cvp.voucher.ledger.domain.VoucherHold;
import cn.cvp.voucher.ledger.events.VoucherEvents;
import cn.cvp.voucher.ledger.persistence.LedgerEntryRepository;
import cn.cvp.voucher.ledger.persistence.QuotaOrderRepository;
import cn.cvp.voucher.ledger.persistence.VoucherHoldRepository;
import cn.cvp.voucher.ledger.persistence.VoucherRepository;
import cn.cvp.voucher.support.Service;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * allocation.created.v1: holds the allocation's subsidy on the voucher (like a card authorisation) and answers
 * {@code voucher.hold-placed.v1}, or {@code voucher.hold-rejected.v1} with the reason so that allocation-service
 * cancels the allocation. Once per event (its id is recorded with the change) and once per allocation. An
 * allocation of a quota's order ({@code orderId}) holds at the order's ratio within what is left of the order's hold
 * ({@code ORDER_CANCELLED}, {@code ORDER_HOLD_USED_UP}, {@code UNKNOWN_ORDER} otherwise); a quota's own demand is
 * never held ({@code ORDER_REQUIRED}): a quota pays only through its orders.
 */
@ApplicationScoped
public class PlaceHold {

    /** {@code orderId}: the quota's order the allocation serves, null for a voucher's own demand. */
    public record Command(String eventId, UUID allocationId, UUID voucherId, UUID orderId, UUID providerId,
                          long amountFen) {
    }

    private static final Actor SYSTEM = Actor.system(Service.NAME);

    private final ProcessedEvents processed;
    private final VoucherRepository vouchers;
    private final VoucherHoldRepository holds;
    private final LedgerEntryRepository entries;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    private final QuotaOrderRepository orders;

    public PlaceHold(ProcessedEvents processed, VoucherRepository vouchers, VoucherHoldRepository holds,
                     QuotaOrderRepository orders, LedgerEntryRepository entries, Outbox outbox, AuditLog audit,
                     Clock clock) {
        this.orders = orders;
        this.processed = processed;
        this.vouchers = vouchers;
        this.holds = holds;
        this.entries = entries;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void place(Command allocation) {
        if (!processed.firstDelivery(Service.NAME, allocation.eventId())) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (holds.forAllocation(allocation.allocationId()).isPresent()) {
            return;
        }
        Voucher voucher = vouchers.lock(allocation.voucherId());
        if (voucher == null) {
            reject(allocation.voucherId(), allocation.allocationId(), "UNKNOWN_VOUCHER");
            return;
        }
        try {
            VoucherHold hold = allocation.orderId() == null
                    ? voucher.hold(allocation.allocationId(), allocation.amountFen(), now)
                    : holdForOrder(voucher, allocation, now);
            holds.persist(hold);
            entries.persist(voucher.entry(LedgerEntry.Type.HOLD, hold.amountFen(), now)
                    .forAllocation(allocation.allocationId()).byProvider(allocation.providerId()));
            outbox.append(VoucherEvents.TOPIC, voucher.id().toString(), VoucherEvents.HOLD_PLACED, voucher.id().toString(),
                    new VoucherEvents.HoldPlacedV1(voucher.id(), allocation.allocationId(), hold.amountFen(),
                            voucher.balanceFen()));
            audit.record(SYSTEM, "HOLD_PLACED", "Voucher", voucher.id(), null,
                    Map.of("allocationId", allocation.allocationId(), "holdFen", hold.amountFen(),
                            "balanceFen", voucher.balanceFen(),
                            "orderId", String.valueOf(allocation.orderId())));
        } catch (Voucher.HoldRefused refused) {
            reject(voucher.id(), allocation.allocationId(), refused.reason());
        }
    }

    /** The allocation's hold comes out of its order's hold, within what is left of it. */
    private VoucherHold holdForOrder(Voucher voucher, Command allocation, OffsetDateTime now) {
        QuotaOrder order = orders.lock(allocation.orderId());
        if (order == null || !order.voucherId().equals(voucher.id())) {
            throw new Voucher.HoldRefused("UNKNOWN_ORDER");
        }
        long taken = holds.ofOrder(order.id()).stream().mapToLong(VoucherHold::takenFen).sum();
        return voucher.holdForOrder(allocation.allocationId(), order, order.leftFen(taken), allocation.amountFen(), now);
    }

    private void reject(UUID voucherId, UUID allocationId, String reason) {
        outbox.append(VoucherEvents.TOPIC, voucherId.toString(), VoucherEvents.HOLD_REJECTED, voucherId.toString(),
                new VoucherEvents.HoldRejectedV1(voucherId, allocationId, reason));
        audit.record(SYSTEM, "HOLD_REJECTED", "Voucher", voucherId, null,
                Map.of("allocationId", allocationId, "reason", reason));
    }
}
