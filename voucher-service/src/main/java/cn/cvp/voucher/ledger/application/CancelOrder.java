package cn.cvp.voucher.ledger.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.domain.DomainException;
import cn.cvp.kit.outbox.Outbox;
import cn.cvp.kit.security.Actor;
import cn.cvp.voucher.ledger.domain.QuotaOrder;
import cn.cvp.voucher.ledger.domain.Voucher;
import cn.cvp.voucher.ledger.domain.VoucherHold;
import cn.cvp.voucher.ledger.events.VoucherEvents;
import cn.cvp.voucher.ledger.persistence.QuotaOrderRepository;
import cn.cvp.voucher.ledger.persistence.VoucherHoldRepository;
import cn.cvp.voucher.ledger.persistence.VoucherRepository;
import cn.cvp.voucher.support.Organisations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The enterprise cancels an order: what the order still holds goes back to its quota — all of it when no allocation
 * took any — and {@code order.cancelled.v1} tells allocation-service to cancel the order's allocations that have no
 * hold yet. Refused with {@code ORDER_IN_USE} while an allocation of the order still holds part of it. The quota is
 * locked first, then the order (the order of {@link PlaceHold}).
 */
@ApplicationScoped
public class CancelOrder {

    public record Command(UUID orderId) {
    }

    private final VoucherRepository vouchers;
    private final QuotaOrderRepository orders;
    private final VoucherHoldRepository holds;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    public CancelOrder(VoucherRepository vouchers, QuotaOrderRepository orders, VoucherHoldRepository holds,
                       Outbox outbox, AuditLog audit, Clock clock) {
        this.vouchers = vouchers;
        this.orders = orders;
        this.holds = holds;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public QuotaOrder cancel(Command c, Actor actor) {
        QuotaOrder found = orders.findById(c.orderId());
        if (found == null) {
            throw DomainException.notFound("Order", c.orderId());
        }
        found.requireOwnedBy(Organisations.require(actor));
        Voucher quota = vouchers.lock(found.voucherId());
        QuotaOrder order = orders.lock(found.id());
        Map<String, Object> before = order.snapshot();
        List<VoucherHold> ofOrder = holds.ofOrder(order.id());
        long taken = ofOrder.stream().mapToLong(VoucherHold::takenFen).sum();
        boolean stillHeld = ofOrder.stream().anyMatch(h -> h.status() == VoucherHold.Status.HELD);
        OffsetDateTime now = OffsetDateTime.now(clock);
        long returned = order.cancel(taken, stillHeld, now);
        quota.returnOrderReservation(returned);
        outbox.append(VoucherEvents.TOPIC, quota.id().toString(), VoucherEvents.ORDER_CANCELLED, order.id().toString(),
                new VoucherEvents.OrderCancelledV1(order.id(), quota.id(), order.programmeId(),
                        order.enterpriseCreditCode(), order.holdFen(), returned, quota.availableForOrdersFen(), now));
        audit.record(actor, "ORDER_CANCELLED", "Order", order.id(), before, order.snapshot());
        return order;
    }
}
