package cn.cvp.allocation.matching.application;

import cn.cvp.allocation.catalogue.application.Catalogue;
import cn.cvp.allocation.catalogue.domain.Offering;
import cn.cvp.allocation.matching.domain.Allocation;
import cn.cvp.allocation.matching.domain.AllocationStatus;
import cn.cvp.allocation.matching.domain.QuotaOrder;
import cn.cvp.allocation.matching.domain.Voucher;
import cn.cvp.allocation.matching.events.AllocationCancelledV1;
import cn.cvp.allocation.matching.persistence.AllocationRepository;
import cn.cvp.allocation.matching.persistence.QuotaOrderRepository;
import cn.cvp.allocation.matching.persistence.VoucherRepository;
import cn.cvp.allocation.support.Topics;
import cn.cvp.allocation.support.UnprocessableEventException;
import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.inbox.ProcessedEvents;
import cn.cvp.kit.outbox.Outbox;
import cn.cvp.kit.security.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;

/**
 * Orders (订单) placed on quotas (额度): order.placed.v1 records the order and matches its whole demand at once, like a
 * newly issued voucher's — under the quota's programme rules about providers, first placed first served, its
 * allocations belonging to the quota's voucher and naming the order (voucher-service holds their subsidy within the
 * order's hold). order.cancelled.v1 cancels the order's live allocations (a proposal's whole reservation, a running
 * allocation's unused future part, goes back to the offering and to waitlisted demand) and closes its waitlist entry.
 */
@ApplicationScoped
public class OrderService {

    private static final Logger LOG = Logger.getLogger(OrderService.class);
    private static final Actor SYSTEM = Actor.system(Topics.SERVICE);
    static final String ORDER_CANCELLED = "ORDER_CANCELLED";

    private final ProcessedEvents processed;
    private final VoucherRepository vouchers;
    private final QuotaOrderRepository orders;
    private final AllocationRepository allocations;
    private final Catalogue catalogue;
    private final PoolMatching matching;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    public OrderService(ProcessedEvents processed, VoucherRepository vouchers, QuotaOrderRepository orders,
                        AllocationRepository allocations, Catalogue catalogue, PoolMatching matching, Outbox outbox,
                        AuditLog audit, Clock clock) {
        this.processed = processed;
        this.vouchers = vouchers;
        this.orders = orders;
        this.allocations = allocations;
        this.catalogue = catalogue;
        this.matching = matching;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void placed(MatchOrder c) {
        if (!processed.firstDelivery(Topics.CONSUMER, c.eventId())) {
            return;
        }
        QuotaOrder.Placed placed = c.order();
        if (orders.findById(placed.orderId()) != null) {
            LOG.infof("order %s is already known (placed again under event %s); nothing to do", placed.orderId(),
                    c.eventId());
            return;
        }
        Voucher quota = vouchers.findById(placed.voucherId());
        if (quota == null || !quota.isQuota()) {
            // voucher.issued.v1 of the quota comes first on the same key: a quota we do not know is a wrong event
            throw new UnprocessableEventException("UNKNOWN_QUOTA: order " + placed.orderId() + " is placed on "
                    + placed.voucherId() + ", which is no quota known here");
        }
        matching.lockPool(placed.resourceClass());
        OffsetDateTime now = OffsetDateTime.now(clock);
        QuotaOrder order = QuotaOrder.placed(placed, now);
        orders.persist(order);
        audit.record(SYSTEM, "ORDER_RECORDED", "Order", order.orderId(), null, order.snapshot());
        if (!quota.isActiveAt(now)) {
            LOG.infof("order %s is on quota %s, which is %s: not matched", order.orderId(), quota.voucherId(),
                    quota.statusAt(now));
            return;
        }
        matching.matchNewOrder(quota, order, now);
    }

    @Transactional
    public void cancelled(CancelOrderAllocations c) {
        if (!processed.firstDelivery(Topics.CONSUMER, c.eventId())) {
            return;
        }
        QuotaOrder order = orders.lock(c.orderId());
        if (order == null) {
            LOG.infof("order %s was cancelled, but it was never placed here; nothing to do", c.orderId());
            return;
        }
        QuotaOrder.Snapshot before = order.snapshot();
        if (!order.cancel()) {
            LOG.infof("order %s is already cancelled; nothing to do", c.orderId());
            return;
        }
        audit.record(SYSTEM, "ORDER_CANCELLED", "Order", order.orderId(), before, order.snapshot());
        matching.lockPool(order.resourceClass());
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Allocation> live = allocations.lockLiveOfOrder(order.orderId());
        live.sort(Comparator.comparing(Allocation::offeringId)); // lock offerings in id order, as matching does
        boolean released = false;
        for (Allocation allocation : live) {
            // a proposal nothing was held for gives all its capacity back, as a refused hold does; a running
            // allocation the part of its window still ahead
            long release = allocation.status() == AllocationStatus.PROPOSED ? allocation.cardHours()
                    : allocation.unusedFutureCardHours(now);
            Allocation.Snapshot allocationBefore = allocation.snapshot();
            AllocationCancelledV1 cancelled = allocation.terminate(ORDER_CANCELLED, now);
            audit.record(SYSTEM, "ALLOCATION_CANCELLED", "Allocation", allocation.allocationId(), allocationBefore,
                    allocation.snapshot());
            outbox.append(Topics.ALLOCATION_EVENTS, allocation.allocationId().toString(), AllocationCancelledV1.TYPE,
                    allocation.allocationId().toString(), cancelled);
            if (release > 0) {
                Offering offering = catalogue.lockOffering(allocation.offeringId());
                Offering.Snapshot offeringBefore = offering.snapshot();
                offering.release(release, now);
                audit.record(SYSTEM, "OFFERING_CAPACITY_RELEASED", "Offering", offering.offeringId(), offeringBefore,
                        offering.snapshot());
                released = true;
            }
        }
        for (Allocation waiting : allocations.lockWaitlistedOfDemand(order.voucherId(), order.orderId())) {
            Allocation.Snapshot waitingBefore = waiting.snapshot();
            waiting.closeWaitlist(ORDER_CANCELLED, now);
            audit.record(SYSTEM, "ALLOCATION_WAITLIST_CLOSED", "Allocation", waiting.allocationId(), waitingBefore,
                    waiting.snapshot());
        }
        allocations.flush();
        if (released) {
            matching.rematchWaitlisted(order.resourceClass());
        }
    }
}
