package cn.cvp.allocation.matching.application;

import cn.cvp.allocation.catalogue.domain.Offering;
import cn.cvp.allocation.catalogue.application.Catalogue;
import cn.cvp.allocation.matching.domain.Allocation;
import cn.cvp.allocation.matching.domain.Voucher;
import cn.cvp.allocation.matching.events.AllocationCancelledV1;
import cn.cvp.allocation.matching.persistence.AllocationRepository;
import cn.cvp.allocation.matching.persistence.VoucherRepository;
import cn.cvp.allocation.support.Topics;
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
import java.util.UUID;

/**
 * A voucher's status as voucher-service reports it. Frozen: usage on its allocations is refused
 * ({@code VOUCHER_NOT_ACTIVE}, flagged {@code USAGE_ON_FROZEN_VOUCHER}) and its waitlisted rest is not matched;
 * unfrozen: back to normal (and its waitlisted rest is tried again). Revoked or expired: every live allocation
 * (PROPOSED, HELD, ACTIVE) is cancelled — usage already accepted stays — and the unused future part of each
 * reservation goes back to the offering (and to waitlisted demand); its waitlist entry is closed.
 * voucher-service has already released the holds, so it ignores the allocation.cancelled.v1 this publishes.
 */
@ApplicationScoped
public class VoucherStatusService {

    private static final Logger LOG = Logger.getLogger(VoucherStatusService.class);
    private static final Actor SYSTEM = Actor.system(Topics.SERVICE);

    private final ProcessedEvents processed;
    private final VoucherRepository vouchers;
    private final AllocationRepository allocations;
    private final Catalogue catalogue;
    private final PoolMatching matching;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    public VoucherStatusService(ProcessedEvents processed, VoucherRepository vouchers, AllocationRepository allocations,
                                Catalogue catalogue, PoolMatching matching, Outbox outbox, AuditLog audit,
                                Clock clock) {
        this.processed = processed;
        this.vouchers = vouchers;
        this.allocations = allocations;
        this.catalogue = catalogue;
        this.matching = matching;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void frozen(FreezeVoucher c) {
        Voucher voucher = voucherFor(c.eventId(), c.voucherId(), "frozen");
        if (voucher == null) {
            return;
        }
        Voucher.Snapshot before = voucher.snapshot();
        if (voucher.freeze()) {
            audit.record(SYSTEM, "VOUCHER_FROZEN", "Voucher", c.voucherId(), before, voucher.snapshot());
        }
    }

    @Transactional
    public void unfrozen(UnfreezeVoucher c) {
        Voucher voucher = voucherFor(c.eventId(), c.voucherId(), "unfrozen");
        if (voucher == null) {
            return;
        }
        Voucher.Snapshot before = voucher.snapshot();
        if (voucher.unfreeze()) {
            audit.record(SYSTEM, "VOUCHER_UNFROZEN", "Voucher", c.voucherId(), before, voucher.snapshot());
            allocations.flush();
            matching.rematchWaitlisted(voucher.demandResourceClass());
        }
    }

    /** voucher.revoked.v1 (endStatus REVOKED) or voucher.expired.v1 (EXPIRED). */
    @Transactional
    public void ended(EndVoucher c) {
        UUID voucherId = c.voucherId();
        String endStatus = c.endStatus();
        Voucher voucher = voucherFor(c.eventId(), voucherId, endStatus.toLowerCase());
        if (voucher == null) {
            return;
        }
        Voucher.Snapshot before = voucher.snapshot();
        if (!voucher.end(endStatus)) {
            LOG.infof("voucher %s has already ended (%s); nothing to do", voucherId, voucher.status());
            return;
        }
        audit.record(SYSTEM, "VOUCHER_" + endStatus, "Voucher", voucherId, before, voucher.snapshot());
        matching.lockPool(voucher.demandResourceClass());
        OffsetDateTime now = OffsetDateTime.now(clock);
        String cancelReason = "VOUCHER_" + endStatus;
        List<Allocation> live = allocations.lockLiveOfVoucher(voucherId);
        live.sort(Comparator.comparing(Allocation::offeringId)); // lock offerings in id order, as matching does
        boolean released = false;
        for (Allocation allocation : live) {
            long release = allocation.unusedFutureCardHours(now);
            Allocation.Snapshot allocationBefore = allocation.snapshot();
            AllocationCancelledV1 cancelled = allocation.terminate(cancelReason, now);
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
        for (Allocation waiting : allocations.lockWaitlistedOfVoucher(voucherId)) {
            Allocation.Snapshot waitingBefore = waiting.snapshot();
            waiting.closeWaitlist(cancelReason, now);
            audit.record(SYSTEM, "ALLOCATION_WAITLIST_CLOSED", "Allocation", waiting.allocationId(), waitingBefore,
                    waiting.snapshot());
        }
        allocations.flush();
        if (released) {
            matching.rematchWaitlisted(voucher.demandResourceClass());
        }
    }

    private Voucher voucherFor(String eventId, UUID voucherId, String what) {
        if (!processed.firstDelivery(Topics.CONSUMER, eventId)) {
            return null;
        }
        Voucher voucher = vouchers.lock(voucherId);
        if (voucher == null) {
            LOG.infof("voucher %s %s, but it was never issued here; nothing to do", voucherId, what);
        }
        return voucher;
    }
}
