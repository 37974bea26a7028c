package cn.cvp.provider.allocation.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.inbox.ProcessedEvents;
import cn.cvp.provider.allocation.domain.ProviderAllocation;
import cn.cvp.provider.allocation.persistence.ProviderAllocationRepository;
import cn.cvp.provider.support.Service;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps the provider's view of its allocations from allocation.events. One event, one change: the processed-event
 * log, the change and its audit commit together, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class AllocationViewService {
    /** The name this consumer records processed events under. */
    public static final String CONSUMER = "provider-service/allocation-events";
    private static final Logger LOG = Logger.getLogger(AllocationViewService.class);

    private final ProcessedEvents processed;
    private final ProviderAllocationRepository allocations;
    private final AuditLog audit;
    private final Clock clock;

    public AllocationViewService(ProcessedEvents processed, ProviderAllocationRepository allocations, AuditLog audit,
                                 Clock clock) {
        this.processed = processed;
        this.allocations = allocations;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void created(RecordAllocationCreated c) {
        ProviderAllocation.Terms t = c.terms();
        apply(c.eventId(), c.allocationId(), t.voucherId(), t.providerId(), "ALLOCATION_PROPOSED",
                (a, now) -> a.proposed(t, now));
    }

    @Transactional
    public void held(RecordAllocationHeld c) {
        apply(c.eventId(), c.allocationId(), c.voucherId(), c.providerId(), "ALLOCATION_HELD",
                (a, now) -> a.held(c.holdFen(), now));
    }

    @Transactional
    public void cancelled(RecordAllocationCancelled c) {
        apply(c.eventId(), c.allocationId(), c.voucherId(), c.providerId(), "ALLOCATION_CANCELLED",
                (a, now) -> a.cancelled(c.reason(), now));
    }

    @Transactional
    public void completed(RecordAllocationCompleted c) {
        apply(c.eventId(), c.allocationId(), c.voucherId(), c.providerId(), "ALLOCATION_COMPLETED",
                (a, now) -> a.completed(now));
    }

    /** Recorded as processed, nothing else. */
    @Transactional
    public void ignored(IgnoreAllocationEvent c) {
        if (processed.firstDelivery(CONSUMER, c.eventId())) {
            LOG.debugf("ignoring %s %s", c.type(), c.eventId());
        }
    }

    private interface Step {
        void apply(ProviderAllocation allocation, OffsetDateTime now);
    }

    /** The view of the allocation (locked), or a new one if this is the first event about it, changed by the step. */
    private void apply(String eventId, UUID allocationId, UUID voucherId, UUID providerId, String action, Step step) {
        if (!processed.firstDelivery(CONSUMER, eventId)) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        ProviderAllocation a = allocations.forUpdate(allocationId);
        Map<String, Object> before = a == null ? null : a.snapshot();
        if (a == null) {
            a = ProviderAllocation.firstHeard(allocationId, voucherId, providerId, now);
        }
        step.apply(a, now);
        allocations.persist(a);
        Map<String, Object> after = new LinkedHashMap<>(a.snapshot());
        after.put("causedByEvent", eventId);
        audit.record(Service.SYSTEM, action, "Allocation", a.allocationId(), before, after);
    }
}
