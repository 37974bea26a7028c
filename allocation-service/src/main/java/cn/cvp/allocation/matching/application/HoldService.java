package cn.cvp.allocation.matching.application;

import cn.cvp.allocation.catalogue.domain.Offering;
import cn.cvp.allocation.catalogue.application.Catalogue;
import cn.cvp.allocation.matching.domain.Allocation;
import cn.cvp.allocation.matching.domain.AllocationStatus;
import cn.cvp.allocation.matching.domain.IllegalTransitionException;
import cn.cvp.allocation.matching.domain.Voucher;
import cn.cvp.allocation.matching.events.AllocationCancelledV1;
import cn.cvp.allocation.matching.events.AllocationHeldV1;
import cn.cvp.allocation.matching.persistence.AllocationRepository;
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
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The hold handshake with voucher-service: a proposed allocation becomes HELD when the subsidy is held on
 * the voucher (like a card authorisation), or is cancelled — and its capacity released — when the hold is
 * refused.
 */
@ApplicationScoped
public class HoldService {

    private static final Logger LOG = Logger.getLogger(HoldService.class);
    private static final Actor SYSTEM = Actor.system(Topics.SERVICE);
    /** Hold refusals that mean the voucher itself cannot be spent (as opposed to, say, too little balance). */
    private static final Set<String> VOUCHER_UNUSABLE = Set.of("VOUCHER_NOT_ACTIVE", "UNKNOWN_VOUCHER");

    private final ProcessedEvents processed;
    private final AllocationRepository allocations;
    private final VoucherRepository vouchers;
    private final Catalogue catalogue;
    private final PoolMatching matching;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    public HoldService(ProcessedEvents processed, AllocationRepository allocations, VoucherRepository vouchers,
                       Catalogue catalogue, PoolMatching matching, Outbox outbox, AuditLog audit,
                       Clock clock) {
        this.processed = processed;
        this.allocations = allocations;
        this.vouchers = vouchers;
        this.catalogue = catalogue;
        this.matching = matching;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** voucher.hold-placed.v1: PROPOSED → HELD. */
    @Transactional
    public void holdPlaced(RecordHoldPlaced c) {
        if (!processed.firstDelivery(Topics.CONSUMER, c.eventId())) {
            return;
        }
        UUID voucherId = c.voucherId();
        UUID allocationId = c.allocationId();
        long holdFen = c.holdFen();
        Allocation allocation = allocationOf(voucherId, allocationId);
        if (allocation.status() == AllocationStatus.HELD && Objects.equals(allocation.holdFen(), holdFen)) {
            LOG.infof("allocation %s is already held for %d fen; nothing to do", allocationId, holdFen);
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Allocation.Snapshot before = allocation.snapshot();
        AllocationHeldV1 held;
        try {
            held = allocation.hold(holdFen, now);
        } catch (IllegalTransitionException e) {
            throw new UnprocessableEventException("ILLEGAL_STATE: " + e.getMessage());
        }
        Voucher voucher = vouchers.findById(voucherId);
        if (voucher != null) {
            voucher.holdPlaced(holdFen);
        }
        audit.record(SYSTEM, "ALLOCATION_HELD", "Allocation", allocationId, before, allocation.snapshot());
        outbox.append(Topics.ALLOCATION_EVENTS, allocationId.toString(), AllocationHeldV1.TYPE, allocationId.toString(), held);
    }

    /**
     * voucher.hold-rejected.v1: PROPOSED → CANCELLED, the capacity goes back to the offering (and to waitlisted
     * demand). The voucher's own waitlist entry is closed: a voucher whose holds are refused is not matched again.
     */
    @Transactional
    public void holdRejected(RecordHoldRejected c) {
        if (!processed.firstDelivery(Topics.CONSUMER, c.eventId())) {
            return;
        }
        UUID voucherId = c.voucherId();
        UUID allocationId = c.allocationId();
        String reason = c.reason();
        // the pool's lock before the allocation's row lock, in the order matching and withdrawal take them
        String pool = allocations.resourceClassOf(allocationId);
        if (pool != null) {
            matching.lockPool(pool);
        }
        Allocation allocation = allocationOf(voucherId, allocationId);
        if (allocation.status() == AllocationStatus.CANCELLED) {
            LOG.infof("allocation %s is already cancelled; nothing to do", allocationId);
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Allocation.Snapshot before = allocation.snapshot();
        AllocationCancelledV1 cancelled;
        try {
            cancelled = allocation.cancel(reason, now);
        } catch (IllegalTransitionException e) {
            throw new UnprocessableEventException("ILLEGAL_STATE: " + e.getMessage());
        }
        audit.record(SYSTEM, "ALLOCATION_CANCELLED", "Allocation", allocationId, before, allocation.snapshot());
        outbox.append(Topics.ALLOCATION_EVENTS, allocationId.toString(), AllocationCancelledV1.TYPE,
                allocationId.toString(), cancelled);

        Offering offering = catalogue.lockOffering(allocation.offeringId());
        Offering.Snapshot offeringBefore = offering.snapshot();
        offering.release(allocation.cardHours(), now);
        audit.record(SYSTEM, "OFFERING_CAPACITY_RELEASED", "Offering", offering.offeringId(), offeringBefore,
                offering.snapshot());

        Voucher voucher = vouchers.findById(voucherId);
        if (voucher != null && VOUCHER_UNUSABLE.contains(reason) && Voucher.ACTIVE.equals(voucher.status())) {
            Voucher.Snapshot voucherBefore = voucher.snapshot();
            voucher.markNotActive();
            audit.record(SYSTEM, "VOUCHER_NOT_ACTIVE", "Voucher", voucherId, voucherBefore, voucher.snapshot());
        }
        // the waitlist of the refused demand: the voucher's, or (a quota's allocation) its order's
        for (Allocation waiting : allocation.orderId() == null ? allocations.lockWaitlistedOfVoucher(voucherId)
                : allocations.lockWaitlistedOfDemand(voucherId, allocation.orderId())) {
            Allocation.Snapshot waitingBefore = waiting.snapshot();
            waiting.closeWaitlist("HOLD_REJECTED:" + reason, now);
            audit.record(SYSTEM, "ALLOCATION_WAITLIST_CLOSED", "Allocation", waiting.allocationId(), waitingBefore,
                    waiting.snapshot());
        }
        allocations.flush();
        matching.rematchWaitlisted(allocation.resourceClass());
    }

    private Allocation allocationOf(UUID voucherId, UUID allocationId) {
        Allocation allocation = allocations.lock(allocationId);
        if (allocation == null) {
            throw new UnprocessableEventException("UNKNOWN_ALLOCATION: allocation " + allocationId + " was never made here");
        }
        if (!allocation.voucherId().equals(voucherId)) {
            throw new UnprocessableEventException("VOUCHER_MISMATCH: allocation " + allocationId + " belongs to voucher "
                    + allocation.voucherId() + ", not " + voucherId);
        }
        return allocation;
    }
}
