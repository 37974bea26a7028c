package cn.cvp.allocation.matching.application;

import cn.cvp.allocation.matching.domain.Allocation;
import cn.cvp.allocation.matching.events.AllocationCompletedV1;
import cn.cvp.allocation.matching.persistence.AllocationRepository;
import cn.cvp.allocation.support.Topics;
import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.outbox.Outbox;
import cn.cvp.kit.security.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Completes reservations whose window is over: HELD or ACTIVE allocations whose window ended more than the
 * grace for late usage reports ago become COMPLETED ({@code WINDOW_ENDED}) and {@code allocation.completed.v1}
 * tells voucher-service to release what is left of the hold — unused subsidy goes back to the voucher's
 * balance instead of staying held for ever. Usage reported after that is rejected ALLOCATION_NOT_ACTIVE.
 */
@ApplicationScoped
public class CompletionService {

    private static final Actor SYSTEM = Actor.system(Topics.SERVICE);

    private final AllocationRepository allocations;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Duration grace;

    public CompletionService(AllocationRepository allocations, Outbox outbox, AuditLog audit, CompletionConfig config) {
        this.allocations = allocations;
        this.outbox = outbox;
        this.audit = audit;
        this.grace = config.usageGrace();
    }

    /**
     * Completes up to {@code limit} allocations whose window ended before {@code now − grace}. Rows another
     * instance is completing at the same moment are skipped, not waited for.
     *
     * @return how many were completed (less than {@code limit}: there are no more for now)
     */
    @Transactional
    public int completeEnded(OffsetDateTime now, int limit) {
        List<Allocation> ended = allocations.lockEndedSkippingLocked(now.minus(grace), limit);
        for (Allocation a : ended) {
            Allocation.Snapshot before = a.snapshot();
            AllocationCompletedV1 completed = a.complete(Allocation.WINDOW_ENDED, now);
            audit.record(SYSTEM, "ALLOCATION_COMPLETED", "Allocation", a.allocationId(), before, a.snapshot());
            outbox.append(Topics.ALLOCATION_EVENTS, a.allocationId().toString(), AllocationCompletedV1.TYPE,
                    a.allocationId().toString(), completed);
        }
        return ended.size();
    }
}
