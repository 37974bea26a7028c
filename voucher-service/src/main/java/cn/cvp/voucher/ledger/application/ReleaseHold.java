package cn.cvp.voucher.ledger.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.inbox.ProcessedEvents;
import cn.cvp.kit.security.Actor;
import cn.cvp.voucher.ledger.domain.LedgerEntry;
import cn.cvp.voucher.ledger.domain.QuotaOrder;
import cn.cvp.voucher.ledger.domain.Voucher;
import cn.cvp.voucher.ledger.domain.VoucherHold;
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
 * allocation.cancelled.v1 or allocation.completed.v1: nothing more will be captured, so what is left of the
 * allocation's hold goes back to the voucher's balance (ledger RELEASE) — for an allocation of a quota's order still
 * placed, back to the order's hold, where another allocation of the order can take it. Once per event.
 */
@ApplicationScoped
public class ReleaseHold {

    public record Command(String eventId, UUID allocationId, String reason) {
    }

    private static final Actor SYSTEM = Actor.system(Service.NAME);

    private final ProcessedEvents processed;
    private final VoucherRepository vouchers;
    private final VoucherHoldRepository holds;
    private final LedgerEntryRepository entries;
    private final AuditLog audit;
    private final Clock clock;

    private final QuotaOrderRepository orders;

    public ReleaseHold(ProcessedEvents processed, VoucherRepository vouchers, VoucherHoldRepository holds,
                       QuotaOrderRepository orders, LedgerEntryRepository entries, AuditLog audit, Clock clock) {
        this.orders = orders;
        this.processed = processed;
        this.vouchers = vouchers;
        this.holds = holds;
        this.entries = entries;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void release(Command ended) {
        if (!processed.firstDelivery(Service.NAME, ended.eventId())) {
            return;
        }
        VoucherHold found = holds.forAllocation(ended.allocationId()).orElse(null);
        if (found == null || found.status() != VoucherHold.Status.HELD) {
            return;
        }
        Voucher voucher = vouchers.lock(found.voucherId());
        VoucherHold hold = holds.lock(found.id());
        OffsetDateTime now = OffsetDateTime.now(clock);
        QuotaOrder order = hold.orderId() == null ? null : orders.lock(hold.orderId());
        long released = voucher.release(hold, order != null && order.isPlaced());
        entries.persist(voucher.entry(LedgerEntry.Type.RELEASE, released, now).forAllocation(ended.allocationId()));
        audit.record(SYSTEM, "HOLD_RELEASED", "Voucher", voucher.id(), null,
                Map.of("allocationId", ended.allocationId(), "releasedFen", released,
                        "reason", String.valueOf(ended.reason())));
    }
}
