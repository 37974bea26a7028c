package cn.cvp.allocation.matching.application;

import cn.cvp.allocation.catalogue.domain.Offering;
import cn.cvp.allocation.catalogue.domain.OfferingWithdrawn;
import cn.cvp.allocation.catalogue.application.Catalogue;
import cn.cvp.allocation.matching.domain.Allocation;
import cn.cvp.allocation.matching.domain.AllocationStatus;
import cn.cvp.allocation.matching.domain.QuotaOrder;
import cn.cvp.allocation.matching.domain.Voucher;
import cn.cvp.allocation.matching.events.AllocationCancelledV1;
import cn.cvp.allocation.matching.events.AllocationWaitlistedV1;
import cn.cvp.allocation.matching.persistence.AllocationRepository;
import cn.cvp.allocation.matching.persistence.QuotaOrderRepository;
import cn.cvp.allocation.matching.persistence.VoucherRepository;
import cn.cvp.allocation.support.Topics;
import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.outbox.Outbox;
import cn.cvp.kit.security.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The withdrawal rule: reservations on a withdrawn offering that nothing has been used of (PROPOSED, or HELD with no
 * usage accepted) are cancelled ({@code OFFERING_WITHDRAWN}, so voucher-service releases the hold) and their
 * card-hours re-homed: added to the voucher's waitlist entry (one is opened, with allocation.waitlisted.v1, if it has
 * none) and the class re-matched at once, first approved first served, so they move to other offerings where
 * capacity is left or wait for it. Reservations already in use (ACTIVE) stay honoured to their end: the provider
 * delivers what it started. A revoked or expired voucher is not re-homed. Runs inside the withdrawal's transaction.
 */
@ApplicationScoped
public class OfferingWithdrawalService {

    public static final String OFFERING_WITHDRAWN = "OFFERING_WITHDRAWN";
    private static final Actor SYSTEM = Actor.system(Topics.SERVICE);

    private final VoucherRepository vouchers;
    private final QuotaOrderRepository orders;
    private final AllocationRepository allocations;
    private final Catalogue catalogue;
    private final PoolMatching matching;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    public OfferingWithdrawalService(VoucherRepository vouchers, QuotaOrderRepository orders,
                                     AllocationRepository allocations, Catalogue catalogue, PoolMatching matching,
                                     Outbox outbox, AuditLog audit, Clock clock) {
        this.vouchers = vouchers;
        this.orders = orders;
        this.allocations = allocations;
        this.catalogue = catalogue;
        this.matching = matching;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    void onOfferingWithdrawn(@Observes OfferingWithdrawn event) {
        matching.lockPool(event.resourceClass());
        OffsetDateTime now = OffsetDateTime.now(clock);
        Offering offering = catalogue.lockOffering(event.offeringId());
        boolean rehomed = false;
        for (Allocation allocation : allocations.lockLiveOfOffering(event.offeringId())) {
            if (allocation.status() == AllocationStatus.ACTIVE || !allocation.unused()) {
                continue;
            }
            cancel(allocation, offering, now);
            Voucher voucher = vouchers.findById(allocation.voucherId());
            if (voucher == null || voucher.isEnded()) {
                continue;
            }
            QuotaOrder order = allocation.orderId() == null ? null : orders.findById(allocation.orderId());
            if (allocation.orderId() != null && (order == null || !order.isPlaced())) {
                continue; // a cancelled order's demand is not served again
            }
            rehome(allocation, voucher, order, event.offeringId(), now);
            rehomed = true;
        }
        if (rehomed) {
            allocations.flush();
            matching.rematchWaitlisted(event.resourceClass());
        }
    }

    private void cancel(Allocation allocation, Offering offering, OffsetDateTime now) {
        Allocation.Snapshot before = allocation.snapshot();
        AllocationCancelledV1 cancelled = allocation.terminate(OFFERING_WITHDRAWN, now);
        audit.record(SYSTEM, "ALLOCATION_CANCELLED", "Allocation", allocation.allocationId(), before,
                allocation.snapshot());
        outbox.append(Topics.ALLOCATION_EVENTS, allocation.allocationId().toString(), AllocationCancelledV1.TYPE,
                allocation.allocationId().toString(), cancelled);
        if (offering != null) {
            Offering.Snapshot offeringBefore = offering.snapshot();
            offering.release(allocation.cardHours(), now);
            audit.record(SYSTEM, "OFFERING_CAPACITY_RELEASED", "Offering", offering.offeringId(), offeringBefore,
                    offering.snapshot());
        }
    }

    /**
     * The cancelled reservation's card-hours join the waitlist entry of its demand — the voucher's, or its order's
     * (opened if it has none).
     */
    private void rehome(Allocation cancelled, Voucher voucher, QuotaOrder order, UUID offeringId, OffsetDateTime now) {
        List<Allocation> waiting = allocations.lockWaitlistedOfDemand(voucher.voucherId(),
                order == null ? null : order.orderId());
        Allocation entry;
        if (waiting.isEmpty()) {
            entry = Allocation.waitlist(UUID.randomUUID(), voucher, order, cancelled.cardHours(), OFFERING_WITHDRAWN,
                    "{\"rule\":\"" + OFFERING_WITHDRAWN + "\",\"withdrawnOfferingId\":\"" + offeringId
                            + "\",\"cancelledAllocationId\":\"" + cancelled.allocationId() + "\"}", now);
            allocations.persist(entry);
            audit.record(SYSTEM, "ALLOCATION_WAITLISTED", "Allocation", entry.allocationId(), null, entry.snapshot());
        } else {
            entry = waiting.get(0);
            Allocation.Snapshot entryBefore = entry.snapshot();
            entry.addToWaitlist(cancelled.cardHours(), now);
            audit.record(SYSTEM, "ALLOCATION_WAITLIST_EXTENDED", "Allocation", entry.allocationId(), entryBefore,
                    entry.snapshot());
        }
        outbox.append(Topics.ALLOCATION_EVENTS, voucher.voucherId().toString(), AllocationWaitlistedV1.TYPE,
                voucher.voucherId().toString(), entry.waitlisted());
    }
}
