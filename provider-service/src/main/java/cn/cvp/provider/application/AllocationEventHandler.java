package cn.cvp.provider.application;

import cn.cvp.kit.audit.AuditLog;
import cn.cvp.kit.events.EventCodec;
import cn.cvp.kit.events.EventEnvelope;
import cn.cvp.kit.events.MalformedEventException;
import cn.cvp.kit.inbox.ProcessedEvents;
import cn.cvp.kit.security.Actor;
import cn.cvp.provider.domain.ProviderAllocation;
import cn.cvp.provider.domain.UsageReport;
import cn.cvp.provider.messaging.AllocationEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps the provider's view of its allocations and the decisions on its usage reports from
 * allocation.events. One event, one transaction: the processed-event log, the change and its audit
 * commit together, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class AllocationEventHandler {
    public static final String CONSUMER = "provider-service/allocation-events";
    private static final Logger LOG = Logger.getLogger(AllocationEventHandler.class);

    private final ProcessedEvents processed;
    private final EventCodec codec;
    private final AuditLog audit;
    private final Clock clock;
    private final Actor system;

    public AllocationEventHandler(ProcessedEvents processed, EventCodec codec, AuditLog audit, Clock clock,
                                  @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.processed = processed;
        this.codec = codec;
        this.audit = audit;
        this.clock = clock;
        this.system = Actor.system(applicationName);
    }

    @Transactional
    public void handle(EventEnvelope event) {
        if (!processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        switch (event.type()) {
            case AllocationEvents.CREATED -> created(event, codec.data(event, AllocationEvents.AllocationCreated.class));
            case AllocationEvents.HELD -> held(event, codec.data(event, AllocationEvents.AllocationHeld.class));
            case AllocationEvents.CANCELLED ->
                    cancelled(event, codec.data(event, AllocationEvents.AllocationCancelled.class));
            case AllocationEvents.COMPLETED ->
                    completed(event, codec.data(event, AllocationEvents.AllocationCompleted.class));
            case AllocationEvents.USAGE_ACCEPTED ->
                    usageAccepted(event, codec.data(event, AllocationEvents.UsageAccepted.class));
            case AllocationEvents.USAGE_REJECTED ->
                    usageRejected(event, codec.data(event, AllocationEvents.UsageRejected.class));
            default -> LOG.debugf("ignoring %s %s", event.type(), event.id());
        }
    }

    private void created(EventEnvelope event, AllocationEvents.AllocationCreated e) {
        require(event, "allocationId", e.allocationId(), "providerId", e.providerId(), "voucherId", e.voucherId(),
                "cardHours", e.cardHours(), "unitPriceFen", e.unitPriceFen());
        OffsetDateTime now = OffsetDateTime.now(clock);
        Loaded loaded = allocation(e.allocationId(), e.voucherId(), e.providerId(), now);
        ProviderAllocation a = loaded.allocation();
        a.proposed(new ProviderAllocation.Terms(e.voucherId(), e.offeringId(), e.offeringVersion(), e.providerId(),
                e.enterpriseCreditCode(), e.resourceClass(), e.region(), e.units(), e.cardHours(), e.unitPriceFen(),
                e.amountFen(), e.windowStart(), e.windowEnd()), now);
        a.persist();
        record(event, "ALLOCATION_PROPOSED", a, loaded.before());
    }

    private void held(EventEnvelope event, AllocationEvents.AllocationHeld e) {
        require(event, "allocationId", e.allocationId(), "holdFen", e.holdFen());
        OffsetDateTime now = OffsetDateTime.now(clock);
        Loaded loaded = allocation(e.allocationId(), e.voucherId(), e.providerId(), now);
        ProviderAllocation a = loaded.allocation();
        a.held(e.holdFen(), now);
        a.persist();
        record(event, "ALLOCATION_HELD", a, loaded.before());
    }

    private void cancelled(EventEnvelope event, AllocationEvents.AllocationCancelled e) {
        require(event, "allocationId", e.allocationId());
        OffsetDateTime now = OffsetDateTime.now(clock);
        Loaded loaded = allocation(e.allocationId(), e.voucherId(), e.providerId(), now);
        ProviderAllocation a = loaded.allocation();
        a.cancelled(e.reason(), now);
        a.persist();
        record(event, "ALLOCATION_CANCELLED", a, loaded.before());
    }

    private void completed(EventEnvelope event, AllocationEvents.AllocationCompleted e) {
        require(event, "allocationId", e.allocationId(), "reason", e.reason());
        OffsetDateTime now = OffsetDateTime.now(clock);
        Loaded loaded = allocation(e.allocationId(), e.voucherId(), e.providerId(), now);
        ProviderAllocation a = loaded.allocation();
        a.completed(now);
        a.persist();
        record(event, "ALLOCATION_COMPLETED", a, loaded.before());
    }

    private void usageAccepted(EventEnvelope event, AllocationEvents.UsageAccepted e) {
        require(event, "usageReportId", e.usageReportId(), "units", e.units(), "amountFen", e.amountFen(),
                "subsidyFen", e.subsidyFen());
        UsageReport r = UsageReport.findById(e.usageReportId(), LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            LOG.warnf("%s %s is about usage report %s, which this service never received", event.type(), event.id(),
                    e.usageReportId());
            return;
        }
        Object before = Snapshots.of(r);
        if (r.accept(e.units(), e.amountFen(), e.subsidyFen(), e.flags(), OffsetDateTime.now(clock))) {
            audit.record(system, "USAGE_ACCEPTED", "UsageReport", r.id, before, withEvent(Snapshots.of(r), event));
        }
    }

    private void usageRejected(EventEnvelope event, AllocationEvents.UsageRejected e) {
        require(event, "usageReportId", e.usageReportId(), "reason", e.reason());
        UsageReport r = UsageReport.findById(e.usageReportId(), LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            LOG.warnf("%s %s is about usage report %s, which this service never received", event.type(), event.id(),
                    e.usageReportId());
            return;
        }
        Object before = Snapshots.of(r);
        if (r.reject(e.reason(), e.detail(), OffsetDateTime.now(clock))) {
            audit.record(system, "USAGE_REJECTED", "UsageReport", r.id, before, withEvent(Snapshots.of(r), event));
        }
    }

    /** The view of an allocation (locked), or a new one if this is the first event about it. */
    private static Loaded allocation(UUID allocationId, UUID voucherId, UUID providerId, OffsetDateTime now) {
        ProviderAllocation a = ProviderAllocation.findById(allocationId, LockModeType.PESSIMISTIC_WRITE);
        return a != null ? new Loaded(a, Snapshots.of(a))
                : new Loaded(ProviderAllocation.firstHeard(allocationId, voucherId, providerId, now), null);
    }

    private record Loaded(ProviderAllocation allocation, Object before) {
    }

    private void record(EventEnvelope event, String action, ProviderAllocation a, Object before) {
        audit.record(system, action, "Allocation", a.allocationId, before, withEvent(Snapshots.of(a), event));
    }

    private static Map<String, Object> withEvent(Map<String, Object> state, EventEnvelope event) {
        Map<String, Object> m = new LinkedHashMap<>(state);
        m.put("causedByEvent", event.id());
        return m;
    }

    /** A field the contract requires is missing: the event cannot be processed and goes to the DLQ. */
    private static void require(EventEnvelope event, Object... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null) {
                throw new MalformedEventException(event.type() + " " + event.id() + " has no " + namesAndValues[i]);
            }
        }
    }
}
